/**
 * The data exports, written behind the edits: a watch rebuild leaves them as they were on disk
 * (see `IncrementalSteps.writeExports`), and this makes and writes the latest build's once the
 * site has been quiet for a moment, so a burst of saves makes them once, after the pages.
 */
import { QuietWork, WORK_PATIENCE } from './quietWork.js';

export class ExportRefresh extends QuietWork {
  constructor(
    /** True when a build left data exports to write. */
    private readonly pending: () => boolean,
    /** Makes and writes them (reporting its own failures). */
    private readonly write: () => Promise<void>,
    /** How long the site must be quiet before they are written. */
    quietMs = 200,
  ) {
    super(quietMs, WORK_PATIENCE);
  }

  /** A build finished: write what it left once nothing else changed for a while. */
  schedule(): void {
    if (this.pending()) this.waitForQuiet();
  }

  close(): Promise<void> {
    return this.closeWith(() => undefined);
  }

  protected hasPending(): boolean {
    return !this.closed && this.pending();
  }

  protected runPending(): Promise<void> {
    return this.write();
  }
}
