/**
 * The build steps of a watch session (`BuildSteps`), remembering what the previous build did so
 * the next one redoes only what changed:
 * - read lists the input folder only when a file may have come or gone (a save of a listed file
 *   reuses the last listing), and reads only files that are new or were reported changed;
 * - after a save, read and parse put the files saved in their places in the last build's sources
 *   and records instead of walking every file (`SavedInPlace`);
 * - parse answers from a cache keyed by path and content hash;
 * - keep hands back last build's record when an article is unchanged, so unchanged records keep
 *   their identity and the render memo can skip their pages;
 * - the environment's filters are tracked by the render memo, which also answers `reusePages`:
 *   pages, feeds and data-export records made from unchanged inputs are reused by number, without
 *   making their variables or keeping their text (see `RenderMemo`);
 * - write streams the whole site when every page is made (the first build, a template change), and
 *   otherwise writes only the files whose bytes changed, with the search index as last refreshed
 *   (see `ChangedFilesWriter`).
 * - entity extraction, the timeline and the link stage keep sums and per-record results in their
 *   memos (`EntityMemo`, `TimelineMemo`, `LinkMemo`) and change them by the articles that changed,
 *   each giving what its stage gives from nothing (tests/watch-delta.test.ts checks each rule).
 * The pages that are not reused from their inputs (and any archive-wide stage added to `build()`
 * without a memo) simply run again on the records: re-running is what keeps the output equal to a
 * clean build.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type nunjucks from 'nunjucks';
import type { Config } from '../config.js';
import type { BuildSteps } from '../build.js';
import type { Diagnostic } from '../errors.js';
import { parseArticle, type ParseResult } from '../parse/parseArticle.js';
import { KeptUrls } from '../parse/assignUrls.js';
import { listFiles, readSourceFile, type FileRead, type ReadResult } from '../read/readSources.js';
import { createEnvironment } from '../render/environment.js';
import { isChunked, type Page } from '../render/page.js';
import type { Article, SourceFile } from '../types.js';
import type { SiteWriter, StaticFile, WriteOptions, WriteResult } from '../write/writeSite.js';
import { EntityMemo } from '../extract/entities/index.js';
import { LinkMemo } from '../link/linkEntities.js';
import { TimelineMemo } from '../extract/events/timelineMemo.js';
import { RenderMemo } from './renderMemo.js';
import { nextTurn } from './quietWork.js';
import { ChangedFilesWriter, type Unlisted } from './writeChanged.js';
import { SavedInPlace } from './savedInPlace.js';

/** What changed since the last build, by kind. Paths are relative to their folder, `/`-separated. */
export type Change =
  | {
      kind: 'article';
      path: string;
      /** True when the watcher reported new contents of a file (its 'change' event): the input's list of files stays as it was (see `IncrementalSteps.read`). */
      contentsOnly?: boolean;
    }
  | { kind: 'template'; path: string }
  | { kind: 'static'; path: string }
  | { kind: 'config'; path: string };

export class IncrementalSteps implements BuildSteps {
  /** Each input file as last read, by relative path. */
  private readonly files = new Map<string, FileRead>();
  /** Input files reported changed since they were read. */
  private readonly changedFiles = new Set<string>();
  /** Each article's parse, by relative path, with the content hash it was parsed from. */
  private readonly parsed = new Map<string, { contentHash: string; result: ParseResult }>();
  /** Each article as the last build placed it, by source path. */
  private readonly kept = new Map<string, Article>();
  private readonly writer = new ChangedFilesWriter();
  readonly memo = new RenderMemo(this.writer);
  /** True when the next build makes every page again (the templates changed): it streams the site like a first build. */
  private remakeAll = false;
  /** Tokens and candidates of unchanged articles, kept for the next extraction. */
  readonly entityMemo = new EntityMemo();
  /** Sentences and records of unchanged articles and entities, kept for the next link stage. */
  readonly linkMemo = new LinkMemo();
  /** Each date's timeline events, kept for the next merge. */
  readonly timelineMemo = new TimelineMemo();
  /**
   * Awaited between the steps of the work done behind the edits (the data exports, the search
   * index): a turn of the event loop, or what the session sets (until a rebuild a save started is done).
   */
  yieldToEdits: () => Promise<void> = nextTurn;
  /** Files read and parsed by the last build, for the terminal and tests. */
  counts = { read: 0, parsed: 0 };
  /** The URLs of the last build's drafts (see `KeptUrls`). */
  private readonly urls = new KeptUrls();
  /** A save's read and parse: the files saved put in their places in the last build's lists. */
  private readonly saves: SavedInPlace;

  constructor() {
    // Here and not as a field: `parse` and `keep` are fields declared further down, and every field is made before this runs.
    this.saves = new SavedInPlace({
      files: this.files,
      changedFiles: this.changedFiles,
      readFile: (inputDir, relativePath, cwd) => this.readFile(inputDir, relativePath, cwd),
      parsed: this.parsed,
      parse: this.parse,
      urls: this.urls,
      keep: this.keep,
    });
  }

  /**
   * The input's files as last listed, while every change noted since is new contents of one of them
   * (a save): the next read takes it instead of listing the folder again (at 16,000 articles a listing
   * takes ~20 ms). Null when the next read must list: on the first, after a file came, went or was
   * reported without saying how, and after a watcher error (`forgetListing`).
   */
  private listing: string[] | null = null;

  /** The next read lists the input folder again (the watcher reported an error: events may have been lost). */
  forgetListing(): void {
    this.listing = null;
  }

  /** Records a change reported by the watcher; the next build picks it up. (Settings changes start a new session instead.) */
  noteChange(change: Change): void {
    if (change.kind === 'article') {
      if (!(change.contentsOnly === true && this.files.has(change.path))) this.listing = null;
      this.changedFiles.add(change.path);
    } else if (change.kind === 'template') {
      this.memo.clear();
      this.env = null;
      this.remakeAll = true;
    } else if (change.kind === 'static') {
      this.writer.staticChanged(change.path);
    }
  }

  /**
   * True when every change is to an article already read whose bytes are still the same (a save
   * without edits, a `touch`): then there is nothing to rebuild.
   */
  changesNothing(changes: readonly Change[], inputDir: string, cwd: string): boolean {
    return changes.every((change) => {
      const known = change.kind === 'article' ? this.files.get(change.path)?.source : undefined;
      if (!known) return false;
      try {
        return readSourceFile(inputDir, change.path, cwd).source?.contentHash === known.contentHash;
      } catch {
        return false; // gone or unreadable: let the build say so
      }
    });
  }

  read = (inputDir: string, cwd: string): ReadResult => {
    this.counts = { read: 0, parsed: 0 };
    this.memo.resetCounts();
    const known = this.listing;
    if (known) {
      try {
        return this.saves.readSaved(inputDir, cwd, known) ?? this.readListed(inputDir, cwd, known);
      } catch {
        // A file saved and then gone before this read (its removal not yet reported): the folder is listed after all.
        this.listing = null;
      }
    }
    const listed = listFiles(inputDir);
    const present = new Set(listed);
    for (const file of this.files.keys()) if (!present.has(file)) this.forget(file);
    return this.readListed(inputDir, cwd, listed);
  };

  /** Reads the files of `listed` that are new or reported changed, and takes the others as last read. */
  private readListed(inputDir: string, cwd: string, listed: string[]): ReadResult {
    const diagnostics: Diagnostic[] = [];
    const sources: SourceFile[] = [];
    const at = new Map<string, number>();
    let registryPath: string | null = null;
    for (const relativePath of listed) {
      let found = this.files.get(relativePath);
      if (!found || this.changedFiles.has(relativePath)) found = this.readFile(inputDir, relativePath, cwd);
      diagnostics.push(...found.diagnostics);
      if (found.source) at.set(relativePath, sources.length), sources.push(found.source);
      if (found.isRegistry) registryPath = path.join(inputDir, relativePath);
    }
    this.changedFiles.clear();
    this.listing = listed;
    this.saves.noteRead(listed, { sources, registryPath, diagnostics }, at);
    return { sources: sources.slice(), registryPath, diagnostics: diagnostics.slice() };
  }

  /** Reads an input file, keeping it as last read and counting it. */
  private readFile(inputDir: string, relativePath: string, cwd: string): FileRead {
    const found = readSourceFile(inputDir, relativePath, cwd);
    this.files.set(relativePath, found);
    this.counts.read++;
    return found;
  }

  parse = (source: SourceFile): ParseResult => {
    const cached = this.parsed.get(source.relativePath);
    if (cached && cached.contentHash === source.contentHash) return cached.result;
    const result = parseArticle(source);
    this.parsed.set(source.relativePath, { contentHash: source.contentHash, result });
    this.counts.parsed++;
    return result;
  };

  /** Places the drafts through the kept URLs, and notes the placing: a save's parse starts from it (see `SavedInPlace`). */
  placeUrls = (drafts: readonly Article[], displayPathOf: (article: Article) => string) => {
    const placed = this.urls.place(drafts, displayPathOf);
    this.saves.notePlacing(drafts, placed);
    return placed;
  };

  /** What parsing every file gives, from the last build's after a save (see `SavedInPlace.parseEdited`). */
  parseEdited = (sources: readonly SourceFile[], parseEverything: () => { value: Article[]; diagnostics: Diagnostic[] }): { value: Article[]; diagnostics: Diagnostic[] } =>
    this.saves.parseEdited(sources, parseEverything);

  keep = (article: Article): Article => {
    const previous = this.kept.get(article.sourcePath);
    // The draft comes from the parse cache, so the same path, hash and URL mean the same record.
    if (previous && previous.contentHash === article.contentHash && previous.id === article.id && previous.url === article.url) return previous;
    this.kept.set(article.sourcePath, article);
    return article;
  };

  /** Every build of the session is followed by another: per-article render results are kept for it. */
  readonly remember = true;

  /** Kept from build to build (its compiled templates with it) until a template changes. */
  private env: nunjucks.Environment | null = null;

  environment = (config: Config): nunjucks.Environment => (this.env ??= this.memo.wrap(createEnvironment(config)));

  /** Pages are reused through the same memo as the environment's renders (cleared with it when a template changes). */
  get reusePages(): RenderMemo {
    return this.memo;
  }

  /** The search index files to write with the pages (the index is refreshed apart from rebuilds; see SearchRefresh). */
  private searchFiles: readonly Page[] = [];
  /** Their paths: a rebuild leaves them on disk without listing them. */
  private searchPaths: ReadonlySet<string> = new Set();
  /** Builds that wrote their site so far (the data exports of an earlier one are stale once a later one has). */
  private sitesWritten = 0;
  /** Where the last write went, and the static files it copied; null before the first, and while a write is under way. */
  lastWrite: { outDir: string; staticFiles: readonly StaticFile[] } | null = null;

  /**
   * Hands the pages of a build to the session's writer: streamed through a staging folder when
   * every page is made, else taken into memory and compared with what is on disk. Such a build
   * may list only the groups of pages an edit touched (see `RenderMemo.listTouchedOnly`): the
   * writer then keeps the others on disk. The search index stays as last refreshed either way.
   */
  startWrite = (outDir: string, options?: WriteOptions): SiteWriter => {
    const whole = this.remakeAll || !this.writer.canUpdate(outDir);
    const unlisted: Unlisted = {
      otherGroups: () => (this.memo.touchedOnly ? 'kept' : 'removed'),
      looseGoes: (file) => !this.searchPaths.has(file),
    };
    const writer = this.writer.start(outDir, whole, unlisted, options);
    this.memo.leavesUnlisted = !whole;
    const later: Page[] = [];
    return {
      add: (page) => {
        // A data export already on disk is left as it is, and made after the build (see `writeExports`).
        if (!whole && isChunked(page.content) && page.content.parts && this.writer.holdsExport(outDir, page.path)) {
          later.push(page);
          page = { path: page.path, content: this.writer.writtenParts(page.path) };
        }
        return writer.add(page);
      },
      ...(writer.drop ? { drop: writer.drop.bind(writer) } : {}),
      ...(writer.untouchedFiles ? { untouchedFiles: writer.untouchedFiles.bind(writer) } : {}),
      settle: () => writer.settle(),
      read: (pagePath) => writer.read(pagePath),
      finish: async (staticFiles) => {
        this.lastWrite = null;
        // A whole site is written afresh: the index (under pagefind/, where no page goes) with it.
        if (whole) for (const file of this.searchFiles) await writer.add(file);
        const result = await writer.finish(staticFiles);
        this.remakeAll = false;
        this.sitesWritten++;
        this.lastWrite = { outDir, staticFiles };
        this.memo.siteWritten();
        this.memo.sweep();
        this.laterExports = later.length > 0 ? later : null;
        return result;
      },
      abandon: () => writer.abandon(),
    };
  };

  /**
   * The data exports of the last build, still to be made and written (see `writeExports`), or null.
   * Their parts are made from that build's records when they are written.
   */
  private laterExports: Page[] | null = null;

  /** True when the last build's data exports are still to be written. */
  get exportsPending(): boolean {
    return this.laterExports !== null;
  }

  /**
   * Makes and writes the data exports the last build left for later. They are the bulk of an
   * edit's work on a big archive (at 16,000 articles the timeline exports are ~190 MB each, made of
   * ~340,000 records), and no page reads them, so a watch rebuild writes its pages first and the
   * session calls this once edits pause, as it refreshes the search index. Once editing stops, the
   * output is again exactly what a clean build writes. A later build's exports replace an earlier
   * one's still waiting. They are written one file at a time, with a turn between for a save that
   * comes in (the rebuild it starts then goes first, and leaves newer exports that make these moot).
   */
  async writeExports(): Promise<void> {
    const exports = this.laterExports;
    const build = this.sitesWritten;
    this.laterExports = null;
    for (const file of exports ?? []) {
      const last = this.lastWrite;
      // A rebuild in between wrote newer records (or the folder is no longer ours): these are stale.
      if (this.sitesWritten !== build || !last || !this.writer.canUpdate(last.outDir)) return;
      await this.writer.write(last.outDir, [file], last.staticFiles, KEEP_THE_REST);
      await this.yieldToEdits();
    }
  }

  /** Writes the static files again beside the pages last written (only those that changed); null before the first write. */
  async writeStaticFiles(staticFiles: readonly StaticFile[]): Promise<WriteResult | null> {
    if (!this.lastWrite || !this.writer.canUpdate(this.lastWrite.outDir)) return null;
    this.counts = { read: 0, parsed: 0 };
    this.memo.resetCounts();
    // A static file no longer in the static folder goes; every other file stays.
    const result = await this.writer.write(this.lastWrite.outDir, [], staticFiles, { otherGroups: () => 'kept', looseGoes: (_file, held) => 'source' in held });
    this.lastWrite = { ...this.lastWrite, staticFiles };
    return result;
  }

  /**
   * Writes a new search index beside the pages last written (when the folder is still as they left
   * it), a slice of its files at a time with a turn between for a save that comes in (at BBC the
   * index is ~2,300 files). The entry file, which names the others, goes last, so a reader never
   * finds it naming a file not yet written; the old index's files that the new one lacks go then.
   */
  async writeSearchIndex(files: readonly Page[]): Promise<void> {
    const before = this.searchPaths;
    const after = new Set(files.map((file) => file.path));
    this.searchFiles = files;
    // Until the new index is whole, rebuilds leave both indexes' files where they are.
    this.searchPaths = new Set([...before, ...after]);
    const isEntry = (file: Page) => file.path.endsWith(SEARCH_ENTRY);
    const slices: Page[][] = [];
    const rest = files.filter((file) => !isEntry(file));
    for (let i = 0; i < rest.length; i += SEARCH_WRITE_SLICE) slices.push(rest.slice(i, i + SEARCH_WRITE_SLICE));
    for (const slice of slices) {
      const last = this.lastWrite;
      if (!last || !this.writer.canUpdate(last.outDir)) return;
      await this.writer.write(last.outDir, slice, last.staticFiles, KEEP_THE_REST);
      await this.yieldToEdits();
    }
    const last = this.lastWrite;
    if (!last || !this.writer.canUpdate(last.outDir)) return;
    await this.writer.write(last.outDir, files.filter(isEntry), last.staticFiles, { otherGroups: () => 'kept', looseGoes: (file) => before.has(file) && !after.has(file) });
    this.searchPaths = after;
  }

  /** The pages last written that the search indexes (in path order), each read back from disk as it is taken. */
  *searchablePages(outDir: string): Generator<Page> {
    for (const file of this.writer.searchablePaths()) {
      const content = readText(outDir, file);
      // indexSearch takes the searchable ones among them.
      if (content !== null) yield { path: file, content };
    }
  }

  private forget(file: string): void {
    this.files.delete(file);
    this.parsed.delete(file);
    this.kept.delete(file);
  }
}

/** The search index's entry file, which names every other file of the index (see `writeSearchIndex`). */
const SEARCH_ENTRY = 'pagefind-entry.json';
/** Files of the search index written at once (each write compares and writes them, holding the main thread). */
const SEARCH_WRITE_SLICE = 100;

/** A write that leaves every file it does not list as it is. */
const KEEP_THE_REST: Unlisted = { otherGroups: () => 'kept', looseGoes: () => false };

/** A page's text as written, or null when it is gone (a newer build removed it: its index will be thrown away). */
function readText(outDir: string, pagePath: string): string | null {
  try {
    return readFileSync(path.join(outDir, pagePath), 'utf8');
  } catch {
    return null;
  }
}
