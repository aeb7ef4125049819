/**
 * Batches a chatty source into at most one delivery per interval: console bytes are joined,
 * port updates keep only the latest per interface. A flood becomes a steady trickle.
 */
export class Coalescer<T> {
  private pending: T[] = [];
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly deliver: (batch: T[]) => void,
    private readonly intervalMs: number,
    private readonly merge: (batch: T[]) => T[] = (batch) => batch,
  ) {}

  push(item: T): void {
    this.pending.push(item);
    if (this.timer) return;
    this.timer = setTimeout(() => this.flush(), this.intervalMs);
    this.timer.unref?.();
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.pending.length === 0) return;
    const batch = this.merge(this.pending);
    this.pending = [];
    this.deliver(batch);
  }
}
