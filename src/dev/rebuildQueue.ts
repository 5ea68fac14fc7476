/**
 * Turning a stream of file events into rebuilds: events are collected until the files have been
 * quiet for `quietMs` (an editor's atomic save or a `git checkout` is one burst, so one rebuild);
 * only one rebuild runs at a time; events that arrive during a rebuild queue exactly one more.
 */

export class RebuildQueue<T> {
  private pending: T[] = [];
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private closed = false;
  private readonly idleWaiters: (() => void)[] = [];

  constructor(
    /** Runs one rebuild for the changes collected since the last one. */
    private readonly rebuild: (changes: T[]) => Promise<void>,
    /** How long the files must be quiet before a rebuild starts. */
    private readonly quietMs = 10,
  ) {}

  /** Adds a change; the rebuild starts once no change came for `quietMs`. */
  push(change: T): void {
    if (this.closed) return;
    this.pending.push(change);
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.start(), this.quietMs);
  }

  /** Resolves when nothing is pending, waiting or running. */
  idle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Stops taking changes and waits for the running rebuild. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.pending = [];
    await this.running;
    this.settle();
  }

  private start(): void {
    this.timer = null;
    if (this.running || this.pending.length === 0) return; // the running rebuild starts the next one
    const changes = this.pending;
    this.pending = [];
    this.running = this.rebuild(changes)
      .catch(() => undefined) // the rebuild reports its own failures; the queue must keep going
      .finally(() => {
        this.running = null;
        if (this.pending.length > 0 && !this.timer && !this.closed) this.start();
        else this.settle();
      });
  }

  /** True when nothing is pending, waiting or running. */
  isIdle(): boolean {
    return !this.timer && !this.running && this.pending.length === 0;
  }

  private settle(): void {
    if (!this.isIdle()) return;
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }
}
