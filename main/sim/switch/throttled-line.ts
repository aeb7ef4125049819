import { performance } from 'node:perf_hooks';

/**
 * The switch's transmit line. At a baud rate, each byte takes 10 bit times (8N1) and
 * reaches the far end only when its frame is complete; the clock is virtual, so a late
 * timer never slows the line below its rate. With no baud rate, bytes go out at once.
 */
export class ThrottledLine {
  private pending = '';
  /** Where in `pending` the last unsolicited message ended, so the next one follows it. */
  private afterLastMessage = 0;
  /** When the line finishes the last byte it has sent (ms, performance clock). */
  private clock = 0;
  private timer: NodeJS.Timeout | null = null;
  private flushQueued = false;
  private closed = false;
  private readonly byteMs: number | null;

  constructor(
    private readonly sink: (bytes: Buffer) => void,
    baud: number | null,
  ) {
    this.byteMs = baud === null ? null : 10_000 / baud;
  }

  write(text: string): void {
    if (this.closed || text.length === 0) return;
    if (this.pending.length === 0) this.clock = Math.max(this.clock, performance.now());
    this.pending += text;
    this.schedule();
  }

  /**
   * Puts an unsolicited message (a log line) at the next line boundary of what is still
   * waiting to go out, as a switch does between output lines.
   */
  writeBetweenLines(line: string): void {
    const at = this.afterLastMessage > 0 ? this.afterLastMessage : this.pending.indexOf('\n') + 1;
    if (at === 0) {
      this.write(`\r\n${line}\r\n`);
      this.afterLastMessage = this.pending.length;
      return;
    }
    this.pending = `${this.pending.slice(0, at)}${line}\r\n${this.pending.slice(at)}`;
    this.afterLastMessage = at + line.length + 2;
    this.schedule();
  }

  /** Bytes that jump the queue: noise on the line, landing in the middle of whatever is going out. */
  writeNext(text: string): void {
    if (this.closed || text.length === 0) return;
    if (this.pending.length === 0) this.clock = Math.max(this.clock, performance.now());
    this.pending = text + this.pending;
    this.afterLastMessage = this.afterLastMessage > 0 ? this.afterLastMessage + text.length : 0;
    this.schedule();
  }

  /** Drops output not yet sent (Ctrl-C at a pager, a closed connection). */
  discard(): void {
    this.pending = '';
    this.afterLastMessage = 0;
  }

  get idle(): boolean {
    return this.pending.length === 0;
  }

  close(): void {
    this.closed = true;
    this.pending = '';
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(): void {
    if (this.byteMs === null) {
      if (this.flushQueued) return;
      this.flushQueued = true;
      queueMicrotask(() => {
        this.flushQueued = false;
        this.send(this.pending.length);
      });
      return;
    }
    if (this.timer === null) this.pump();
  }

  private pump(): void {
    this.timer = null;
    const byteMs = this.byteMs!;
    const now = performance.now();
    const due = Math.floor((now - this.clock) / byteMs + 1e-9);
    const count = Math.min(Math.max(due, 0), this.pending.length);
    if (count > 0) {
      this.clock += count * byteMs;
      this.send(count);
    }
    if (this.pending.length > 0 && !this.closed) {
      const wait = Math.max(0, this.clock + byteMs - performance.now());
      this.timer = setTimeout(() => this.pump(), wait);
    }
  }

  private send(count: number): void {
    if (count === 0 || this.closed) return;
    const chunk = this.pending.slice(0, count);
    this.pending = this.pending.slice(count);
    this.afterLastMessage = Math.max(0, this.afterLastMessage - count);
    this.sink(Buffer.from(chunk, 'latin1'));
  }
}
