/**
 * The search stage: builds the Pagefind full-text index of the rendered pages once they are all
 * written to the staging folder, before it is swapped in: the build notes which pages are
 * searchable as they go by and reads them back one batch at a time. The index's files go through
 * the same staging folder, so a failed build still leaves the previous site (and its index) as it was. Pagefind runs
 * as a child process (its binary ships in the npm package); if it cannot run, the build goes on
 * without an index and says so, and the search page falls back to links.
 */
import type { Diagnostic } from '../errors.js';
import type { Page } from '../render/page.js';

/** Name of the search stage in `BuildResult.timings` (indexing time, reported apart from rendering). */
export const SEARCH_STAGE = 'search';

/** The folder of the index and Pagefind's scripts in the site. */
export const SEARCH_BUNDLE = 'pagefind/';

/** Pagefind outputs the search page does not use (it has its own small UI, public/search.js): left out to keep the site small. */
const UNUSED = /^pagefind-(?:ui|modular-ui|component-ui|highlight)\.(?:js|css)$/;

/** Marks the part of a page Pagefind indexes; pages without it are not searchable. */
const BODY_MARKER = 'data-pagefind-body';

/** What indexing produced. */
export interface SearchIndex {
  /** The index and Pagefind's scripts, as pages under `pagefind/`. */
  files: Page[];
  /** How many pages were indexed. */
  indexed: number;
  /** Problems (a warning when Pagefind could not run). */
  diagnostics: Diagnostic[];
}

/** How many pages are handed to Pagefind at once, at most. */
const BATCH = 1000;
/**
 * How long reading and handing over one batch may hold the main thread, in milliseconds: a watch
 * session indexes behind the edits, and a save that comes in must not wait for a whole batch
 * (1,000 pages read and encoded took ~1 s).
 */
const BATCH_MS = 20;

/** True when Pagefind should index the page: an HTML page (as rendered, before it is encoded) marking its indexed part. */
export function isSearchable(page: Page): page is Page & { content: string } {
  return page.path.endsWith('.html') && typeof page.content === 'string' && page.content.includes(BODY_MARKER);
}

/**
 * Indexes the searchable pages among `pages`, taking them one batch at a time (a lazy iterable reads
 * only a batch ahead). `between` is awaited after each batch: a turn of the event loop, or, in a
 * watch session, until the rebuild a save started is done (the index is made behind the edits).
 */
export async function indexSearch(pages: Iterable<Page>, between: () => Promise<void> = nextTurn): Promise<SearchIndex> {
  const failed = (why: string): SearchIndex => ({
    files: [],
    indexed: 0,
    diagnostics: [{ severity: 'warning', file: null, message: `the search index was not built: ${why}`, hint: 'The search page will offer links instead; reinstall dependencies (npm install) to get Pagefind back.' }],
  });
  let pagefind: typeof import('pagefind');
  try {
    pagefind = await import('pagefind');
  } catch (error) {
    return failed(`Pagefind could not be loaded (${(error as Error).message}).`);
  }
  try {
    const created = await pagefind.createIndex({});
    if (!created.index) return failed(created.errors.join('; ') || 'Pagefind did not start.');
    const { index } = created;
    const errors: string[] = [];
    let indexed = 0;
    for (const batch of batches(pages, BATCH, BATCH_MS)) {
      const results = await Promise.all(batch.map((page) => index.addHTMLFile({ sourcePath: page.path, content: page.content })));
      for (const result of results) errors.push(...result.errors);
      indexed += batch.length;
      await between();
    }
    const output = await index.getFiles();
    errors.push(...output.errors);
    await index.deleteIndex();
    if (errors.length > 0) return failed(errors.join('; '));
    const files = output.files
      .filter((file) => !UNUSED.test(file.path))
      .map((file) => ({ path: `${SEARCH_BUNDLE}${file.path.replace(/\\/g, '/')}`, content: file.content }))
      .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    return { files, indexed, diagnostics: [] };
  } catch (error) {
    return failed((error as Error).message);
  } finally {
    await pagefind.close().catch(() => null);
  }
}

/** Resolves after a turn of the event loop: whatever waits (a watcher's event, a request to the server) goes first. */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** The searchable pages in groups of at most `size`, each taken in about `ms` milliseconds at most (a group may be empty), in order. */
function* batches(pages: Iterable<Page>, size: number, ms: number): Generator<Array<Page & { content: string }>> {
  let batch: Array<Page & { content: string }> = [];
  let started = performance.now();
  for (const page of pages) {
    if (isSearchable(page)) batch.push(page);
    if (batch.length === size || performance.now() - started > ms) {
      yield batch;
      batch = [];
      started = performance.now();
    }
  }
  if (batch.length > 0) yield batch;
}
