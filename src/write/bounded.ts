/**
 * Async tasks with at most `limit` running at once: enough in flight to keep the file system busy
 * (libuv's thread pool works on several files at a time) without holding thousands of files, and
 * their bytes, at once. Tasks are started one by one as the caller has them (pages as they are
 * rendered); `room()` makes the caller wait while the limit is reached.
 */
export class BoundedTasks {
  private readonly running = new Set<Promise<void>>();
  /** Callers of `room()` waiting for a task to end, first come first served. */
  private readonly waiting: (() => void)[] = [];
  /** The first error a task threw; later tasks are not started. */
  private failure: { error: unknown } | null = null;

  constructor(
    /** Most tasks running at once. */
    private readonly limit: number,
  ) {}

  /** Resolves once fewer than `limit` tasks run; throws the first error a task threw. */
  async room(): Promise<void> {
    // A queue rather than Promise.race: a long task (a 48 MB export) would gather one callback per race.
    while (this.running.size >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.check();
  }

  /** Starts `task` (call `room()` first to stay within the limit). */
  start(task: () => Promise<void>): void {
    this.check();
    const run: Promise<void> = task()
      .catch((error: unknown) => {
        this.failure ??= { error };
      })
      .finally(() => {
        this.running.delete(run);
        this.waiting.shift()?.();
      });
    this.running.add(run);
  }

  /** Resolves when every task started has finished; throws the first error a task threw. */
  async settle(): Promise<void> {
    while (this.running.size > 0) await Promise.all(this.running);
    this.check();
  }

  /** Waits for the tasks under way, whatever they do (before cleaning up after a failure). */
  async quiet(): Promise<void> {
    while (this.running.size > 0) await Promise.all(this.running);
  }

  private check(): void {
    if (this.failure) throw this.failure.error;
  }
}
