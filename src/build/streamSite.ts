/**
 * Render, publish, search and write as one stream. Each page goes to the writer as soon as it is
 * made and is let go (the writer holds at most a few at once), so the site never sits in memory
 * whole: at 4,000 articles it is 442 MB of text. Feeds and the sitemap need only the pages' paths;
 * the search stage reads the searchable pages back from the staging folder once all are written.
 * Nothing replaces the previous site before every file is written: a template error half-way, or
 * a file that is not ours in the way, abandons the staging folder and leaves that site as it was.
 *
 * Rendering and writing overlap, so their times are told apart by where the main thread is:
 * `render` and `publish` count the time spent making pages, `write` the rest of the stream
 * (comparing, writing, waiting for the disk) and putting the site in place. They add up to the
 * stream's time.
 */
import type nunjucks from 'nunjucks';
import type { Config } from '../config.js';
import type { Diagnostic } from '../errors.js';
import type { Archive } from '../link/archive.js';
import { publishSite } from '../publish/publishSite.js';
import { isDropped, type Page, type SiteItem } from '../render/page.js';
import { renderSite } from '../render/renderSite.js';
import type { PageReuse } from '../render/renderContext.js';
import { templateErrorToDiagnostic } from '../render/templateErrors.js';
import { indexSearch, isSearchable, SEARCH_STAGE } from '../search/indexSearch.js';
import { ForeignFileConflict, listStaticFiles, type SiteWriter, type WriteResult } from '../write/writeSite.js';

/** What the stream needs besides the archive and settings. */
export interface StreamOptions {
  /** The template environment (asked for once rendering starts: making it may fail like a template). */
  environment: () => nunjucks.Environment;
  /** Keep per-article render results for the next build (a watch session). */
  remember: boolean;
  /** Last build's pages, to reuse those whose inputs did not change (a watch session's; see `renderPageFrom`). */
  reuse?: PageReuse;
  /** Where the pages go, or null for a dry run (pages are made and counted, nothing is written). */
  writer: SiteWriter | null;
  /** Build the full-text search index (only when writing). */
  search: boolean;
  /** The folder paths in messages are shown relative to. */
  cwd: string;
  /** Called after each page, so a build can collect garbage while it streams (`memoryCheckpoint`). */
  checkpoint?: () => void;
}

/** What the stream did. */
export interface Streamed {
  /** False when a template failed or a foreign file was in the way: nothing was written. */
  ok: boolean;
  /** What the writer did, or null on a dry run or a failure. */
  written: WriteResult | null;
  /** Pages made (rendered and published). */
  pages: number;
  /** Problems, each tagged with its stage. */
  diagnostics: Diagnostic[];
  /** Milliseconds per stage, in order: render, publish, search, write. */
  timings: Record<string, number>;
}

export async function streamSite(archive: Archive, config: Config, options: StreamOptions): Promise<Streamed> {
  const { writer } = options;
  const indexing = writer !== null && options.search;
  const diagnostics: Diagnostic[] = [];
  const timings: Record<string, number> = {};
  const making = { render: 0, publish: 0 };
  /** Every rendered page's path (the sitemap lists them), and the searchable ones' (read back for the index). */
  const renderedPaths: string[] = [];
  const searchable: string[] = [];
  let pages = 0;
  /** Hands each page to the writer as soon as it is made; the making is timed under `name`, the writing is not. */
  const stream = async (made: () => Iterable<SiteItem>, name: keyof typeof making, note?: (page: Page) => void): Promise<void> => {
    let started = performance.now();
    const iterator = whileMaking(() => made()[Symbol.iterator]());
    try {
      for (let next = whileMaking(() => iterator.next()); !next.done; next = whileMaking(() => iterator.next())) {
        making[name] += performance.now() - started;
        const item = next.value;
        if (isDropped(item)) {
          dropGroup(writer, item.dropped);
          started = performance.now();
          continue;
        }
        note?.(item);
        pages++;
        const waiting = writer?.add(item);
        if (waiting) await waiting;
        options.checkpoint?.();
        started = performance.now();
      }
    } finally {
      making[name] += performance.now() - started;
    }
  };
  const started = performance.now();
  const done = (ok: boolean, written: WriteResult | null): Streamed => ({ ok, written, pages, diagnostics, timings });
  try {
    await stream(() => renderSite(archive, config, options.environment(), options.remember, options.reuse), 'render', (page) => {
      renderedPaths.push(page.path);
      if (indexing && isSearchable(page)) searchable.push(page.path);
    });
    // Feeds and the sitemap describe the finished pages, so they come after rendering; the sitemap
    // lists the pages a watch rebuild left on disk too (asked for only when there is one to make).
    const untouched = writer?.untouchedFiles?.bind(writer);
    const sitePaths: Iterable<string> = untouched ? { *[Symbol.iterator]() { yield* renderedPaths; yield* untouched(); } } : renderedPaths;
    const published = publishSite(sitePaths, archive, config);
    for (const d of published.diagnostics) diagnostics.push({ ...d, stage: d.stage ?? 'publish' });
    await stream(() => published.pages, 'publish');
    Object.assign(timings, making);
    if (!writer) return done(true, null);
    await writer.settle();
    const streamMs = performance.now() - started;
    if (indexing) {
      const indexStarted = performance.now();
      // In path order, as a watch session indexes them (see `IncrementalSteps.searchablePages`), so both make the same index.
      searchable.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      const index = await indexSearch(readBack(writer, searchable));
      for (const file of index.files) await writer.add(file);
      for (const d of index.diagnostics) diagnostics.push({ ...d, stage: d.stage ?? SEARCH_STAGE });
      timings[SEARCH_STAGE] = performance.now() - indexStarted;
    }
    const finishing = performance.now();
    const written = await writer.finish(listStaticFiles(config.public));
    timings.write = streamMs - making.render - making.publish + performance.now() - finishing;
    return done(true, written);
  } catch (error) {
    await writer?.abandon();
    Object.assign(timings, making);
    if (error instanceof MakeFailure) {
      diagnostics.push({ ...templateErrorToDiagnostic(error.thrown, config.templates, options.cwd), stage: 'render' });
      return done(false, null);
    }
    if (error instanceof ForeignFileConflict) {
      diagnostics.push({ severity: 'error', file: null, message: error.message, stage: 'write' });
      return done(false, null);
    }
    throw error;
  }
}

/** Tells `writer` a group of pages is gone: only a writer that keeps each group's files together is ever told (see `PageReuse.listTouchedOnly`). */
function dropGroup(writer: SiteWriter | null, group: string): void {
  if (!writer?.drop) throw new Error('internal: a group of pages was dropped, but this build does not write over the last one');
  writer.drop(group);
}

/** An error thrown while making pages (a template error), as opposed to writing them. */
class MakeFailure extends Error {
  constructor(
    /** What was thrown. */
    readonly thrown: unknown,
  ) {
    super(thrown instanceof Error ? thrown.message : String(thrown));
  }
}

/** Runs `make`, marking what it throws as a failure to make pages (not to write them). */
function whileMaking<T>(make: () => T): T {
  try {
    return make();
  } catch (error) {
    throw new MakeFailure(error);
  }
}

/** The pages at `paths`, read back from the site being written, one at a time. */
function* readBack(writer: SiteWriter, paths: readonly string[]): Generator<Page> {
  for (const file of paths) yield { path: file, content: writer.read(file) };
}
