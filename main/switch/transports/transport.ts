export type TransportKind = 'serial' | 'ssh' | 'in-process';

/** Why a link ended: closed by us, by the far end (cable pulled, switch gone), or by an error. */
export interface TransportClosed {
  by: 'local' | 'remote' | 'error';
  /** For the engineer: what happened and what to do. */
  message: string;
}

/** Bytes to and from a switch console, whatever carries them. */
export interface Transport {
  readonly kind: TransportKind;
  /** e.g. `/dev/ttyUSB0 at 9600 baud`, `ssh admin@10.0.0.2:22`. */
  readonly label: string;
  /** Bytes written and received so far. */
  readonly bytes: { readonly tx: number; readonly rx: number };
  /** Null while open. */
  readonly closed: TransportClosed | null;
  write(data: string | Uint8Array): void;
  /** Returns a function that stops listening. */
  onData(listener: (bytes: Buffer) => void): () => void;
  onClose(listener: (closed: TransportClosed) => void): () => void;
  close(): Promise<void>;
}

/** What is kept for the first listener at most: a switch's banner and prompt fit many times over. */
const EARLY_BYTES_LIMIT = 1024 * 1024;

/**
 * The bookkeeping every transport shares: listeners, byte counters, closing once with
 * one reason. A transport feeds it received bytes and tells it when the link ends.
 * Bytes that arrive while nobody listens (a switch that prompts the moment its shell
 * opens) are kept and handed to the first listener, never dropped.
 */
export class TransportCore {
  readonly bytes = { tx: 0, rx: 0 };
  closed: TransportClosed | null = null;
  private readonly dataListeners = new Set<(bytes: Buffer) => void>();
  private readonly closeListeners = new Set<(closed: TransportClosed) => void>();
  private early: Buffer[] = [];
  private earlyLength = 0;
  /** Early bytes are handed over on a microtask, so a listener may unsubscribe from inside. */
  private replayScheduled = false;

  received(bytes: Buffer): void {
    if (this.closed) return;
    this.bytes.rx += bytes.length;
    this.deliver(bytes);
  }

  /**
   * Puts bytes already counted back in front of what a listener will get: what a speed
   * probe heard before the session took the line.
   */
  unread(bytes: Buffer): void {
    if (this.closed || bytes.length === 0) return;
    this.deliver(bytes, true);
  }

  private deliver(bytes: Buffer, first = false): void {
    if (this.dataListeners.size > 0 && !this.replayScheduled) {
      for (const listener of [...this.dataListeners]) listener(bytes);
      return;
    }
    if (first) this.early.unshift(bytes);
    else this.early.push(bytes);
    this.earlyLength += bytes.length;
    while (this.earlyLength > EARLY_BYTES_LIMIT && this.early.length > 1)
      this.earlyLength -= this.early.shift()!.length;
  }

  sent(count: number): void {
    this.bytes.tx += count;
  }

  ended(closed: TransportClosed): void {
    if (this.closed) return;
    if (this.replayScheduled) this.replayEarly();
    this.closed = closed;
    for (const listener of [...this.closeListeners]) listener(closed);
    this.dataListeners.clear();
    this.closeListeners.clear();
  }

  /**
   * The first listener gets what arrived before it, in order and before anything newer,
   * on a microtask: never from inside `onData` itself, where the listener could not yet
   * hold the function that stops it.
   */
  onData(listener: (bytes: Buffer) => void): () => void {
    this.dataListeners.add(listener);
    if (this.early.length > 0 && !this.replayScheduled) {
      this.replayScheduled = true;
      queueMicrotask(() => this.replayEarly());
    }
    return () => this.dataListeners.delete(listener);
  }

  private replayEarly(): void {
    this.replayScheduled = false;
    if (this.closed || this.dataListeners.size === 0) return;
    const early = Buffer.concat(this.early);
    this.early = [];
    this.earlyLength = 0;
    for (const listener of [...this.dataListeners]) listener(early);
  }

  onClose(listener: (closed: TransportClosed) => void): () => void {
    if (this.closed) {
      const closed = this.closed;
      queueMicrotask(() => listener(closed));
      return () => undefined;
    }
    this.closeListeners.add(listener);
    return () => this.closeListeners.delete(listener);
  }
}

export function toBuffer(data: string | Uint8Array): Buffer {
  return typeof data === 'string' ? Buffer.from(data, 'latin1') : Buffer.from(data);
}

/**
 * The Transport face over a core: `writeBytes` puts counted bytes on the wire, `release`
 * frees the link after the core has recorded a local close.
 */
export function exposeTransport<Extra extends object = object>(
  core: TransportCore,
  parts: {
    kind: TransportKind;
    label: string;
    writeBytes(bytes: Buffer): void;
    release(): Promise<void> | void;
    extra?: Extra;
  },
): Transport & Extra {
  return {
    ...(parts.extra ?? ({} as Extra)),
    kind: parts.kind,
    label: parts.label,
    bytes: core.bytes,
    get closed() {
      return core.closed;
    },
    write(data: string | Uint8Array) {
      if (core.closed) return;
      const bytes = toBuffer(data);
      core.sent(bytes.length);
      parts.writeBytes(bytes);
    },
    onData: (listener: (bytes: Buffer) => void) => core.onData(listener),
    onClose: (listener: (closed: TransportClosed) => void) => core.onClose(listener),
    async close() {
      core.ended({ by: 'local', message: 'Closed by Dialtone.' });
      await parts.release();
    },
  };
}
