/**
 * Work that waits for a quiet moment and never runs twice at once: the shared lifecycle of the
 * watch session's rebuild queue and its search-index refresh. Each call of `waitForQuiet` restarts
 * the quiet period; when it ends, `runPending` runs, unless a run is under way, in which case the
 * run that follows it picks the pending work up. `idle()` resolves when nothing is pending, waiting
 * or running.
 *
 * Work done behind the edits (the data exports, the search index) passes a `patience`: its quiet
 * period is then at least that many times as long as its last run took. Its run holds the main
 * thread (at 16,000 articles the exports take seconds), and a save that comes in during the run
 * waits for it; after a run that long, a curator still saving every few seconds is mid-burst,
 * and the work waits until they pause for longer than it takes.
 */
export abstract class QuietWork {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  /** True once `close` was called: nothing new starts. */
  protected closed = false;
  private readonly idleWaiters: (() => void)[] = [];

  /** How long the last run took, in milliseconds (or, before the first, how long it is expected to take: see `expect`). */
  private lastRunMs = 0;
  /** True once a run finished. */
  private ran = false;

  constructor(
    /** How long nothing must come in before the pending work starts (at least). */
    private readonly quietMs: number,
    /** The quiet period is at least this many times the last run's length (0: always `quietMs`). */
    private readonly patience = 0,
  ) {}

  /** The quiet period now: `quietMs`, or longer after a long run (see `patience`), at most `MAX_QUIET_MS`. */
  get quietPeriod(): number {
    return Math.max(this.quietMs, Math.min(MAX_QUIET_MS, this.patience * this.lastRunMs));
  }

  /**
   * Before the first run, takes `ms` as the length of the last run (an estimate: a first refresh of
   * the search index costs about what the first build did), so that run too waits for a pause.
   */
  expect(ms: number): void {
    if (!this.ran) this.lastRunMs = ms;
  }

  /** True when there is work waiting to run. */
  protected abstract hasPending(): boolean;
  /** Runs (all of) the pending work once. It reports its own failures: a rejection is ignored so the next run still happens. */
  protected abstract runPending(): Promise<void>;

  /** Starts (or restarts) the quiet period after which the pending work runs. */
  protected waitForQuiet(): void {
    if (this.closed) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.start(), this.quietPeriod);
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
    const started = performance.now();
    this.running = this.runPending()
      .catch(() => undefined)
      .finally(() => {
        this.lastRunMs = performance.now() - started;
        this.ran = true;
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

/** Resolves after a turn of the event loop: whatever waits (a watcher's event, a request to the server) goes first. */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** The longest a quiet period grows to, however long the last run took. */
const MAX_QUIET_MS = 10_000;

/** The patience of the work done behind the edits: it waits for a pause twice as long as its last run. */
export const WORK_PATIENCE = 2;
