/**
 * Work that waits for a quiet moment and never runs twice at once: the shared lifecycle of the
 * watch session's rebuild queue and its search-index refresh. Each call of `waitForQuiet` restarts
 * the quiet period; when it ends, `runPending` runs, unless a run is under way, in which case the
 * run that follows it picks the pending work up. `idle()` resolves when nothing is pending, waiting
 * or running.
 */
export abstract class QuietWork {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  /** True once `close` was called: nothing new starts. */
  protected closed = false;
  private readonly idleWaiters: (() => void)[] = [];

  constructor(
    /** How long nothing must come in before the pending work starts. */
    private readonly quietMs: number,
  ) {}

  /** True when there is work waiting to run. */
  protected abstract hasPending(): boolean;
  /** Runs (all of) the pending work once. It reports its own failures: a rejection is ignored so the next run still happens. */
  protected abstract runPending(): Promise<void>;

  /** Starts (or restarts) the quiet period after which the pending work runs. */
  protected waitForQuiet(): void {
    if (this.closed) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.start(), this.quietMs);
  }

  /** Stops the quiet period under way, if any (the pending work was dropped). */
  protected stopWaiting(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.settle();
  }

  /** True while a quiet period is under way (newer work waits for it). */
  protected get waiting(): boolean {
    return this.timer !== null;
  }

  /** Resolves when nothing is pending, waiting or running. */
  idle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** True when nothing is pending, waiting or running. */
  isIdle(): boolean {
    return !this.timer && !this.running && !this.hasPending();
  }

  /** Stops taking work, drops what is pending (`dropPending`) and waits for the run under way. */
  protected async closeWith(dropPending: () => void): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    dropPending();
    await this.running;
    this.settle();
  }

  private start(): void {
    this.timer = null;
    if (this.running || !this.hasPending()) return; // the run under way starts the next one
    this.running = this.runPending()
      .catch(() => undefined)
      .finally(() => {
        this.running = null;
        // Work that came in during the run, and whose quiet period is over, runs now.
        if (this.hasPending() && !this.timer && !this.closed) this.start();
        else this.settle();
      });
  }

  private settle(): void {
    if (!this.isIdle()) return;
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }
}
