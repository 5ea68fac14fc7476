/**
 * A watch session's read and parse stages after a save (`IncrementalSteps` hands them over): the
 * files saved are put in their places in the last build's sources and records, instead of walking
 * every file of the listing and every source again. Either stage walks them all (the caller's
 * path) when a saved file has or had diagnostics, is the registry, changed its slug or the listing
 * changed, so each gives what the walk would (tests/dev-parse-edited.test.ts checks both paths).
 * What it keeps (the last read's and parse's lists, the last placing) serves this path alone; what
 * it shares with the session's other steps (`SessionFiles`) is passed in.
 */
import type { Diagnostic } from '../errors.js';
import type { ParseResult } from '../parse/parseArticle.js';
import type { KeptUrls } from '../parse/assignUrls.js';
import type { FileRead, ReadResult } from '../read/readSources.js';
import type { Article, SourceFile } from '../types.js';

/** What the parse stage gives: every record, and the diagnostics of parsing and placing them. */
type ParseStage = { value: Article[]; diagnostics: Diagnostic[] };

/** The session's files as read, parsed, placed and kept, which `IncrementalSteps` owns and shares with the saved-file path. */
export interface SessionFiles {
  /** Each input file as last read, by relative path. */
  files: ReadonlyMap<string, FileRead>;
  /** Input files reported changed since they were read: a file read here is taken out. */
  changedFiles: Set<string>;
  /** Reads an input file, keeping it in `files` as last read and counting it. */
  readFile(inputDir: string, relativePath: string, cwd: string): FileRead;
  /** Each article's parse, by relative path, with the content hash it was parsed from (here: the one before a saved file is parsed again). */
  parsed: ReadonlyMap<string, { contentHash: string; result: ParseResult }>;
  /** Parses a source through `parsed` (the session's `parse` step, which counts it). */
  parse(source: SourceFile): ParseResult;
  /** The URLs of the last build's drafts (see `KeptUrls`). */
  urls: KeptUrls;
  /** Last build's record when an article is unchanged (the session's `keep` step). */
  keep(article: Article): Article;
}

/** A read of the whole listing (or a save's read put in its place), kept for the next save's. */
interface LastRead {
  /** The listing read: a save's read takes the last one only while the listing is this very array. */
  listed: string[];
  /** What the read gave (its lists are kept as they are: each read hands out copies). */
  result: ReadResult;
  /** Each source's index in `result.sources`, by relative path. */
  at: Map<string, number>;
}

/** A placing of the parsed drafts (`KeptUrls.place`). */
interface Placing {
  /** The drafts placed. */
  drafts: readonly Article[];
  /** The records placed. */
  articles: readonly Article[];
  /** How many diagnostics placing gave (they close the parse stage's list). */
  diagnostics: number;
}

/** A parse stage in which each source gave a draft (its drafts are then in the sources' order), kept for the next save's. */
interface LastParse {
  /** The sources parsed. */
  sources: readonly SourceFile[];
  /** How their drafts were placed. */
  placing: Placing;
  /** What the stage gave (its lists are kept as they are: each parse hands out copies). */
  result: ParseStage;
}

export class SavedInPlace {
  /**
   * The last read, of the same listing, with each source's place in it by path: a save's read
   * puts the files saved in their places instead of walking the whole listing (see `readSaved`).
   */
  private lastRead: LastRead | null = null;
  /** The drafts last placed, the records placed and how many diagnostics placing gave. */
  private lastPlacing: Placing | null = null;
  /** The last parse stage's sources and result, when each source gave a draft. */
  private lastParse: LastParse | null = null;

  constructor(
    /** The files as read, parsed, placed and kept, shared with the session's other steps. */
    private readonly session: SessionFiles,
  ) {}

  /** Notes a read that walked the whole listing (its lists kept as they are), for the next save's read. */
  noteRead(listed: string[], result: ReadResult, at: Map<string, number>): void {
    this.lastRead = { listed, result, at };
  }

  /**
   * The last read with the files reported changed read again and put in their places, when the
   * listing is the one last read and each of those files is an article with no diagnostics, before
   * and after (the list of diagnostics is then the last one); else null, and the whole listing is read.
   */
  readSaved(inputDir: string, cwd: string, listed: string[]): ReadResult | null {
    const { files, changedFiles } = this.session;
    const last = this.lastRead;
    if (!last || last.listed !== listed) return null;
    for (const relativePath of changedFiles) {
      const before = files.get(relativePath);
      if (!last.at.has(relativePath) || !before?.source || before.diagnostics.length > 0 || before.isRegistry) return null;
    }
    const sources = last.result.sources.slice();
    let plain = true;
    for (const relativePath of changedFiles) {
      const found = this.session.readFile(inputDir, relativePath, cwd);
      // Read now: the whole listing's read takes it as it is.
      changedFiles.delete(relativePath);
      if (!found.source || found.diagnostics.length > 0 || found.isRegistry) plain = false;
      else sources[last.at.get(relativePath)!] = found.source;
    }
    if (!plain) return null;
    const result = { sources, registryPath: last.result.registryPath, diagnostics: last.result.diagnostics };
    this.lastRead = { listed, result, at: last.at };
    return { sources: sources.slice(), registryPath: result.registryPath, diagnostics: result.diagnostics.slice() };
  }

  /** Notes the drafts the session's `placeUrls` step placed and what it gave, for the next save's parse. */
  notePlacing(drafts: readonly Article[], placed: { articles: Article[]; diagnostics: Diagnostic[] }): Placing {
    this.lastPlacing = { drafts, articles: placed.articles.slice(), diagnostics: placed.diagnostics.length };
    return this.lastPlacing;
  }

  /**
   * What parsing every file gives, from the last build's when the sources are its own but for a
   * few replaced in their places (a save): those parsed again, each giving a draft with its old slug
   * and no diagnostics, as before; the drafts placed (`KeptUrls` gives the others back) and the
   * records placed anew kept. Else `parseEverything()`. At 16,000 articles the walk over every file
   * took ~10 ms an edit.
   */
  parseEdited(sources: readonly SourceFile[], parseEverything: () => ParseStage): ParseStage {
    const again = this.parsedAgain(sources);
    if (again) return again;
    this.lastParse = null;
    this.lastPlacing = null;
    const result = parseEverything();
    // Set again by `notePlacing` as `parseEverything` placed the drafts (TypeScript takes it for the null above).
    const placing = this.lastPlacing as Placing | null;
    if (placing && placing.drafts.length === sources.length) this.lastParse = { sources, placing, result: { value: result.value.slice(), diagnostics: result.diagnostics.slice() } };
    return result;
  }

  private parsedAgain(sources: readonly SourceFile[]): ParseStage | null {
    const { parsed, urls } = this.session;
    const last = this.lastParse;
    if (!last || last.sources.length !== sources.length) return null;
    const drafts = last.placing.drafts.slice();
    for (let i = 0; i < sources.length; i++) {
      const source = sources[i]!;
      const was = last.sources[i]!;
      if (source === was) continue;
      if (source.relativePath !== was.relativePath) return null;
      const before = parsed.get(source.relativePath)?.result;
      const now = this.session.parse(source);
      const draft = now.article;
      if (!draft || now.diagnostics.length > 0 || !before?.article || before.diagnostics.length > 0 || draft.slug !== drafts[i]!.slug || draft.sourcePath !== drafts[i]!.sourcePath) return null;
      drafts[i] = draft;
    }
    let displayPaths: Map<string, string> | null = null;
    const displayPathOf = (article: Article) => (displayPaths ??= new Map(drafts.map((draft, i) => [draft.sourcePath, sources[i]!.displayPath]))).get(article.sourcePath) ?? article.sourcePath;
    const placing = last.placing;
    const placed = urls.place(drafts, displayPathOf);
    const value = last.result.value.slice();
    // A record placed as last build's is kept as it was then; the others go through `keep` as `parseAll` puts them.
    for (let i = 0; i < value.length; i++) if (placed.articles[i] !== placing.articles[i]) value[i] = this.session.keep(placed.articles[i]!);
    const diagnostics = [...last.result.diagnostics.slice(0, last.result.diagnostics.length - placing.diagnostics), ...placed.diagnostics];
    this.lastParse = { sources, placing: this.notePlacing(drafts, placed), result: { value, diagnostics } };
    return { value: value.slice(), diagnostics: diagnostics.slice() };
  }
}
