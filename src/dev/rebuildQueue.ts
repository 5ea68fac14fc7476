/**
 * Turning a stream of file events into rebuilds: events are collected until the files have been
 * quiet for `quietMs` (an editor's atomic save or a `git checkout` is one burst, so one rebuild);
 * only one rebuild runs at a time; events that arrive during a rebuild queue exactly one more.
 */
import { QuietWork } from './quietWork.js';

export class RebuildQueue<T> extends QuietWork {
  private pending: T[] = [];

  constructor(
    /** Runs one rebuild for the changes collected since the last one (it reports its own failures). */
    private readonly rebuild: (changes: T[]) => Promise<void>,
    /** How long the files must be quiet before a rebuild starts. */
    quietMs = 10,
  ) {
    super(quietMs);
  }

  /** Adds a change; the rebuild starts once no change came for `quietMs`. */
  push(change: T): void {
    if (this.closed) return;
    this.pending.push(change);
    this.waitForQuiet();
  }

  /** Stops taking changes and waits for the running rebuild. */
  close(): Promise<void> {
    return this.closeWith(() => (this.pending = []));
  }

  protected hasPending(): boolean {
    return this.pending.length > 0;
  }

  protected runPending(): Promise<void> {
    const changes = this.pending;
    this.pending = [];
    return this.rebuild(changes);
  }
}
