import { CodedError } from '../../../shared/errors';
import type { PortRole, SwitchVendor } from '../../../shared/platform/schemas';
import type { PortFacts, PortLinkEvent, SwitchIdentityView } from '../../../shared/switch/facts';
import { driverFor, type SwitchDriver } from '../drivers';
import { applyPortRole, type PortRoleResult } from '../operations';
import { normalizeArubaPortName, sameCiscoInterface } from '../parsers';
import { planRoleChange, verifyRole } from '../roles';
import {
  openSession,
  SwitchCommandError,
  Transcript,
  type SwitchLogin,
  type SwitchSession,
} from '../session';
import type { Transport } from '../transports';
import { Coalescer } from './coalescer';
import { readAllPorts, readOnePort } from './read-ports';
import { StreamRedactor } from './stream-redactor';

/** What a subscriber hears from a live switch; every item already coalesced and redacted. */
export type SwitchUpdate =
  | { kind: 'console'; text: string }
  | { kind: 'link'; event: PortLinkEvent }
  | { kind: 'port'; port: PortFacts }
  | { kind: 'closed'; message: string };

export interface SwitchListener {
  (updates: SwitchUpdate[]): void;
}

export interface RolePreview {
  interfaceName: string;
  /** The exact configuration commands the minimal change sends; empty when already right. */
  commands: string[];
  changes: string[];
  alreadyRight: boolean;
}

export interface LiveSwitchOptions {
  transport: Transport;
  vendor: SwitchVendor;
  login: SwitchLogin;
  /** Secrets to keep out of the transcript and the live stream. */
  secrets: () => string[];
  now: () => Date;
  /** Longest a subscriber waits for a batch. */
  coalesceMs: number;
}

function sameInterface(vendor: SwitchVendor, a: string, b: string): boolean {
  if (vendor === 'cisco_ios') return sameCiscoInterface(a, b);
  return normalizeArubaPortName(a) === normalizeArubaPortName(b);
}

function mergeUpdates(batch: SwitchUpdate[]): SwitchUpdate[] {
  const out: SwitchUpdate[] = [];
  let consoleText = '';
  const latest = new Map<string, SwitchUpdate>();
  for (const update of batch) {
    if (update.kind === 'console') consoleText += update.text;
    else if (update.kind === 'closed') latest.set('closed', update);
    else
      latest.set(
        `${update.kind}:${update.kind === 'link' ? update.event.interfaceName : update.port.interfaceName}`,
        update,
      );
  }
  if (consoleText) out.push({ kind: 'console', text: consoleText });
  out.push(...latest.values());
  return out;
}

/**
 * One open console on one switch: logged in, identified, its ports read, watching link
 * changes. Every byte lands in the transcript (secrets redacted on the way out); the live
 * console text and port changes go to subscribers, batched.
 */
export class LiveSwitch {
  readonly transcript: Transcript;
  readonly startedAt: Date;
  identity!: SwitchIdentityView;
  private readonly ports = new Map<string, PortFacts>();
  private readonly listeners = new Map<SwitchListener, Coalescer<SwitchUpdate>>();
  private readonly redactor: StreamRedactor;
  private releaseHeld: NodeJS.Timeout | null = null;
  private readonly dirty = new Set<string>();
  private rereading: Promise<void> | null = null;
  private stopWatching: (() => void) | null = null;
  private session!: SwitchSession;
  private driver!: SwitchDriver;
  lastUsedAt: number;
  /** Who holds the keyboard: null while Dialtone alone drives the line. */
  controller: string | null = null;

  private constructor(private readonly options: LiveSwitchOptions) {
    this.transcript = new Transcript();
    this.startedAt = options.now();
    this.lastUsedAt = Date.now();
    this.redactor = new StreamRedactor(options.secrets);
  }

  static async open(options: LiveSwitchOptions): Promise<LiveSwitch> {
    const live = new LiveSwitch(options);
    for (const secret of options.secrets()) live.transcript.addSecret(secret);
    options.transport.onData((bytes) => live.onConsoleBytes(bytes.toString('latin1')));
    options.transport.onClose((closed) =>
      live.broadcast({ kind: 'closed', message: closed.message }),
    );
    live.session = await openSession(options.transport, {
      vendor: options.vendor,
      login: options.login,
      transcript: live.transcript,
    });
    live.driver = driverFor(live.session);
    try {
      const identity = await live.driver.identify();
      live.identity = { ...identity };
      for (const port of await readAllPorts(live.driver, options.now))
        live.ports.set(port.interfaceName, port);
      live.stopWatching = await live.driver.watchLinks((change) => live.onLinkChange(change));
    } catch (error) {
      await live.session.close();
      throw error;
    }
    return live;
  }

  get vendor(): SwitchVendor {
    return this.options.vendor;
  }

  get isClosed(): boolean {
    return this.session.isClosed;
  }

  get label(): string {
    return this.options.transport.label;
  }

  get bytes(): { tx: number; rx: number } {
    return this.session.bytes;
  }

  portList(): PortFacts[] {
    return [...this.ports.values()].sort((a, b) => a.number - b.number);
  }

  subscribe(listener: SwitchListener): () => void {
    const coalescer = new Coalescer<SwitchUpdate>(listener, this.options.coalesceMs, mergeUpdates);
    this.listeners.set(listener, coalescer);
    return () => {
      coalescer.flush();
      this.listeners.delete(listener);
    };
  }

  get subscriberCount(): number {
    return this.listeners.size;
  }

  /** Reads every port again (the faceplate's "read now"). */
  async readPorts(): Promise<PortFacts[]> {
    this.touch();
    this.mustHoldLine();
    for (const port of await readAllPorts(this.driver, this.options.now))
      this.ports.set(port.interfaceName, port);
    return this.portList();
  }

  /** The commands the minimal change would send, read from the interface as it is now. */
  async previewRole(interfaceName: string, role: PortRole): Promise<RolePreview> {
    this.touch();
    this.mustHoldLine();
    const reading = await this.driver.interfaceConfig(interfaceName, role);
    const plan = planRoleChange(this.vendor, interfaceName, role, reading.config);
    return {
      interfaceName,
      commands: plan.commands,
      changes: plan.changes,
      alreadyRight: plan.commands.length === 0,
    };
  }

  /**
   * One read of the interface: which of the catalogue's roles it has now (null for none) and
   * the exact commands the minimal change to `needed` would send.
   */
  async inspectRole(
    interfaceName: string,
    needed: PortRole,
    catalogue: readonly PortRole[],
  ): Promise<{ roleOnSwitch: string | null; preview: RolePreview; config: string[] }> {
    this.touch();
    this.mustHoldLine();
    const reading = await this.driver.interfaceConfig(interfaceName, needed);
    const plan = planRoleChange(this.vendor, interfaceName, needed, reading.config);
    const onSwitch =
      catalogue.find((role) => verifyRole(this.vendor, role, reading.config).verified) ?? null;
    return {
      roleOnSwitch: onSwitch?.id ?? null,
      preview: {
        interfaceName,
        commands: plan.commands,
        changes: plan.changes,
        alreadyRight: plan.commands.length === 0,
      },
      config: reading.config.lines,
    };
  }

  async applyRole(interfaceName: string, role: PortRole): Promise<PortRoleResult> {
    this.touch();
    this.mustHoldLine();
    const result = await applyPortRole(this.driver, { interfaceName, role });
    if (result.changed && result.verified) await this.driver.save();
    this.markDirty(interfaceName);
    return result;
  }

  /** The engineer takes the keyboard: what they type goes to the switch as typed. */
  takeControl(who: string): void {
    this.controller = who;
    this.transcript.record('note', `${who} took control of the console`);
  }

  /** Back to Dialtone: the line is returned to the privileged prompt before Dialtone uses it. */
  async releaseControl(): Promise<void> {
    const who = this.controller;
    this.controller = null;
    this.transcript.record('note', `${who ?? 'nobody'} gave the console back to Dialtone`);
    await this.session.exclusive(async () => {
      // What the engineer's last command printed may still be arriving: the first empty
      // command can end on its error, the second starts from a clean prompt.
      await this.session.runNow('').catch((error: unknown) => {
        if (!(error instanceof SwitchCommandError)) throw error;
        return this.session.runNow('');
      });
      if (this.session.level !== 'privileged' && this.session.level !== 'user')
        await this.session.runNow(this.session.dialect.leaveConfig);
    });
    for (const interfaceName of this.ports.keys()) this.markDirty(interfaceName);
  }

  /**
   * Keys typed by the engineer who holds control. Typed at a password prompt they are a
   * secret; otherwise `recorded` is the text with every known secret masked, for the journal.
   */
  async type(text: string): Promise<{ secret: boolean; recorded: string }> {
    this.touch();
    const secret = /password:\s*$/i.test(this.lastScreenText);
    await this.session.exclusive(async () => {
      this.session.send(text, { secret });
    });
    let recorded = text;
    for (const known of this.options.secrets())
      if (known.length > 0) recorded = recorded.split(known).join('<secret>');
    return { secret, recorded: secret ? '<secret>' : recorded };
  }

  async close(): Promise<void> {
    this.stopWatching?.();
    await this.session.close();
    this.flushHeld();
    for (const coalescer of this.listeners.values()) coalescer.flush();
  }

  // ---- internals ----------------------------------------------------------------------

  private lastScreenText = '';

  private touch(): void {
    this.lastUsedAt = Date.now();
  }

  private mustHoldLine(): void {
    if (this.controller !== null)
      throw new CodedError(
        'CONSOLE_IN_USE',
        `${this.controller} holds the console keyboard; give it back to Dialtone first.`,
      );
  }

  private onConsoleBytes(text: string): void {
    this.lastScreenText = (this.lastScreenText + text).slice(-200);
    const safe = this.redactor.push(text);
    if (safe) this.broadcast({ kind: 'console', text: safe });
    if (this.releaseHeld) clearTimeout(this.releaseHeld);
    this.releaseHeld = setTimeout(() => this.flushHeld(), 150);
    this.releaseHeld.unref?.();
  }

  private flushHeld(): void {
    if (this.releaseHeld) clearTimeout(this.releaseHeld);
    this.releaseHeld = null;
    const rest = this.redactor.flush();
    if (rest) this.broadcast({ kind: 'console', text: rest });
  }

  /** What the console has shown so far, redacted (the panel's scroll-back), bounded. */
  consoleText(): string {
    return this.shown;
  }

  private shown = '';

  private broadcast(update: SwitchUpdate): void {
    if (update.kind === 'console') this.shown = (this.shown + update.text).slice(-262_144);
    for (const coalescer of this.listeners.values()) coalescer.push(update);
  }

  private findPort(interfaceName: string): PortFacts | undefined {
    for (const port of this.ports.values())
      if (sameInterface(this.vendor, port.interfaceName, interfaceName)) return port;
    return undefined;
  }

  private onLinkChange(change: { interfaceName: string; state: string }): void {
    const port = this.findPort(change.interfaceName);
    if (!port) return;
    const link = change.state === 'up' ? 'up' : change.state === 'down' ? 'down' : 'disabled';
    const at = this.options.now().toISOString();
    this.ports.set(port.interfaceName, { ...port, link, readAt: at });
    this.broadcast({ kind: 'link', event: { interfaceName: port.interfaceName, link, at } });
    this.markDirty(port.interfaceName);
  }

  /** Reads a changed port's facts again (PoE, neighbour, MACs), one port at a time, in order. */
  private markDirty(interfaceName: string): void {
    const port = this.findPort(interfaceName);
    if (!port) return;
    this.dirty.add(port.interfaceName);
    this.rereading ??= this.rereadDirty().finally(() => {
      this.rereading = null;
    });
  }

  private async rereadDirty(): Promise<void> {
    // While the engineer holds the keyboard Dialtone sends nothing; it catches up on release.
    while (this.dirty.size > 0 && !this.session.isClosed && this.controller === null) {
      const [interfaceName] = this.dirty;
      this.dirty.delete(interfaceName!);
      try {
        const facts = await readOnePort(this.driver, interfaceName!, this.options.now);
        if (!facts) continue;
        this.ports.set(facts.interfaceName, facts);
        this.broadcast({ kind: 'port', port: facts });
      } catch {
        // The line closed or the switch is busy with the engineer: the next change reads it again.
      }
    }
  }
}
