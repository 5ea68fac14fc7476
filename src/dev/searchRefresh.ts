/**
 * The search index, kept up to date behind the edits. Indexing the BBC archive takes seconds, far
 * too long to wait for before showing an edited page, so rebuilds leave it out and this indexes the
 * latest pages once the site has been quiet for a moment, then hands the files over to be written.
 * An index of pages that were replaced meanwhile is thrown away; once editing stops, the output is
 * again exactly what a clean build writes.
 */
import type { Page } from '../render/page.js';
import type { SearchIndex } from '../search/indexSearch.js';

export class SearchRefresh {
  /** Pages waiting to be indexed. */
  private latest: readonly Page[] | null = null;
  /** Counts `schedule` calls, so a finished index can tell whether it is still current. */
  private generation = 0;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private closed = false;
  private readonly idleWaiters: (() => void)[] = [];

  constructor(
    /** Builds the index of some pages. */
    private readonly index: (pages: readonly Page[]) => Promise<SearchIndex>,
    /** Takes a finished, current index (to write it); the next index waits until it is written. */
    private readonly apply: (index: SearchIndex) => void | Promise<void>,
    /** How long the site must be quiet before indexing starts. */
    private readonly quietMs = 400,
  ) {}

  /** New pages were written: index them once nothing else changed for a while. */
  schedule(pages: readonly Page[]): void {
    if (this.closed) return;
    this.latest = pages;
    this.generation++;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.start(), this.quietMs);
  }

  /** Drops the pages waiting to be indexed, and the index being made (the settings changed). */
  cancel(): void {
    this.generation++;
    this.latest = null;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.settle();
  }

  /** Resolves when the index of the latest pages is written (or there is nothing to index). */
  idle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.latest = null;
    await this.running;
    this.settle();
  }

  private start(): void {
    this.timer = null;
    if (this.running || !this.latest) return; // the run under way picks the latest pages up
    this.running = this.run().finally(() => {
      this.running = null;
      this.settle();
    });
  }

  private async run(): Promise<void> {
    // Stops when newer pages wait for their quiet period; their timer starts the next run.
    while (this.latest && !this.timer && !this.closed) {
      const pages = this.latest;
      const generation = this.generation;
      this.latest = null;
      const index = await this.index(pages).catch((error: unknown) => ({
        files: [],
        indexed: 0,
        diagnostics: [{ severity: 'warning' as const, file: null, message: `the search index was not updated: ${error instanceof Error ? error.message : String(error)}` }],
      }));
      if (generation === this.generation && !this.closed) await this.apply(index);
    }
  }

  /** True when nothing is pending, waiting or running. */
  isIdle(): boolean {
    return !this.timer && !this.running && !this.latest;
  }

  private settle(): void {
    if (!this.isIdle()) return;
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }
}
