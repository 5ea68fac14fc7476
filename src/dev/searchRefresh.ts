/**
 * The search index, kept up to date behind the edits. Indexing the BBC archive takes seconds, far
 * too long to wait for before showing an edited page, so rebuilds leave it out and this indexes the
 * latest pages once the site has been quiet for a moment, then hands the files over to be written.
 * An index of pages that were replaced meanwhile is thrown away; once editing stops, the output is
 * again exactly what a clean build writes.
 */
import type { Page } from '../render/page.js';
import type { SearchIndex } from '../search/indexSearch.js';
import { QuietWork, WORK_PATIENCE } from './quietWork.js';

export class SearchRefresh extends QuietWork {
  /** Pages waiting to be indexed (read as they are taken). */
  private latest: Iterable<Page> | null = null;
  /** Counts `schedule` and `cancel` calls, so a finished index can tell whether it is still current. */
  private generation = 0;

  constructor(
    /** Builds the index of some pages. */
    private readonly index: (pages: Iterable<Page>) => Promise<SearchIndex>,
    /** Takes a finished, current index (to write it); the next index waits until it is written. */
    private readonly apply: (index: SearchIndex) => void | Promise<void>,
    /** How long the site must be quiet before indexing starts. */
    quietMs = 400,
  ) {
    super(quietMs, WORK_PATIENCE);
  }

  /** New pages were written: index them once nothing else changed for a while. */
  schedule(pages: Iterable<Page>): void {
    if (this.closed) return;
    this.latest = pages;
    this.generation++;
    this.waitForQuiet();
  }

  /** Drops the pages waiting to be indexed, and the index being made (the settings changed). */
  cancel(): void {
    this.generation++;
    this.latest = null;
    this.stopWaiting();
  }

  close(): Promise<void> {
    return this.closeWith(() => (this.latest = null));
  }

  protected hasPending(): boolean {
    return this.latest !== null;
  }

  protected async runPending(): Promise<void> {
    const pages = this.latest!;
    const generation = this.generation;
    this.latest = null;
    const index = await this.index(pages).catch((error: unknown) => ({
      files: [],
      indexed: 0,
      diagnostics: [{ severity: 'warning' as const, file: null, message: `the search index was not updated: ${error instanceof Error ? error.message : String(error)}` }],
    }));
    // Pages newer than these came in (or the settings changed) while indexing: this index is already stale.
    if (generation === this.generation && !this.closed) await this.apply(index);
  }
}
