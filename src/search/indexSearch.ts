/**
 * The search stage: builds the Pagefind full-text index of the rendered pages, in memory, before
 * anything is written. Its files join the other pages and go through the write stage's staging
 * folder, so a failed build still leaves the previous site (and its index) as it was. Pagefind runs
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

/** How many pages are handed to Pagefind at once. */
const BATCH = 1000;

export async function indexSearch(pages: readonly Page[]): Promise<SearchIndex> {
  const searchable = pages.filter((page) => page.path.endsWith('.html') && typeof page.content === 'string' && page.content.includes(BODY_MARKER));
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
    for (let start = 0; start < searchable.length; start += BATCH) {
      const batch = searchable.slice(start, start + BATCH);
      const results = await Promise.all(batch.map((page) => index.addHTMLFile({ sourcePath: page.path, content: page.content as string })));
      for (const result of results) errors.push(...result.errors);
    }
    const output = await index.getFiles();
    errors.push(...output.errors);
    await index.deleteIndex();
    if (errors.length > 0) return failed(errors.join('; '));
    const files = output.files
      .filter((file) => !UNUSED.test(file.path))
      .map((file) => ({ path: `${SEARCH_BUNDLE}${file.path.replace(/\\/g, '/')}`, content: file.content }))
      .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    return { files, indexed: searchable.length, diagnostics: [] };
  } catch (error) {
    return failed((error as Error).message);
  } finally {
    await pagefind.close().catch(() => null);
  }
}
