/**
 * build(config): the stages in order. Each stage is a plain function; this file only sequences
 * them, times them and tags their diagnostics with the stage's name. Render, publish, search and
 * write run as one stream (`streamSite`): each page is written as soon as it is made and let go.
 * Nothing replaces the previous site until every page is written, so a failed build (a template
 * error half-way) leaves it as it was.
 *
 * The dev server runs this same sequence for every rebuild; it only swaps the steps that touch the
 * disk or can reuse the previous build's work (`BuildSteps`), so a full build and an incremental
 * one can never drift apart.
 */
import type { Config } from './config.js';
import { entityParts, timelineParts } from './build/cacheParts.js';
import { cachedForArchive, cachedParse, cachedPerArticle, hasCachedParse, memoPerArticle } from './build/cachedStages.js';
import { eventThreadFor, type EventThread } from './build/eventThread.js';
import { defaultWorkers, EventsFromWorkers, PARALLEL_FROM, parseOnWorkers } from './build/parallelParse.js';
import { NO_CACHE, openRecordCache, type RecordCache } from './build/recordCache.js';
import { currentSite, rememberSite, siteInputs } from './build/siteRecord.js';
import { streamSite } from './build/streamSite.js';
import { toolFingerprint } from './build/toolFingerprint.js';
import { BodyStore, type Place } from './build/bodyStore.js';
import { boundHeapGrowth, collectGarbage, memoryCheckpoint, NO_CHECKPOINT } from './build/memory.js';
import { hasErrors, type Diagnostic } from './errors.js';
import { extractEvents } from './extract/events/extract.js';
import { extractTimeline } from './extract/events/stage.js';
import { buildArchive } from './link/buildArchive.js';
import type { Archive } from './link/archive.js';
import { groupMentions } from './extract/entities/packedMentions.js';
import { assignUrls } from './parse/assignUrls.js';
import { parseArticle } from './parse/parseArticle.js';
import { detachFromSource } from './parse/detach.js';
import { extractEntitiesStage, type ExtractedEntities } from './extract/extractEntitiesStage.js';
import type { EntityMemo } from './extract/entities/index.js';
import type { LinkMemo } from './link/linkEntities.js';
import type { TimelineMemo } from './extract/events/timelineMemo.js';
import { readRegistry } from './read/readRegistry.js';
import { readSources } from './read/readSources.js';
import type nunjucks from 'nunjucks';
import type { ParseResult } from './parse/parseArticle.js';
import type { ReadResult } from './read/readSources.js';
import { createEnvironment } from './render/environment.js';
import type { PageReuse } from './render/renderContext.js';
import type { Article, SourceFile } from './types.js';
import { checkOutputFolder } from './write/checkOutputFolder.js';
import { startWrite, type SiteWriter, type WriteOptions } from './write/writeSite.js';
import { useWriterThread } from './write/writerThread.js';

/** What a build did. */
export interface BuildResult {
  /** True when the site was written. */
  ok: boolean;
  /** Every problem found, in every file. */
  diagnostics: Diagnostic[];
  /** Articles built. */
  articles: number;
  /** Files written (pages, data, static files). */
  pages: number;
  /**
   * Milliseconds spent in each stage, in order. Render, publish and write overlap (each page is
   * written as soon as it is made): `render` and `publish` count the time spent making pages,
   * `write` the rest of that stream and putting the site in place (see `streamSite`).
   */
  timings: Record<string, number>;
  /** The linked records, when the build got that far (for tests and the dev server). */
  archive: Archive | null;
}

export interface BuildOptions {
  /** The folder paths in messages are shown relative to. */
  cwd: string;
  /** When false, stop after rendering (a dry run). */
  write?: boolean;
  /** The steps that touch the disk or may reuse earlier work; `freshSteps` unless the dev server passes its own. */
  steps?: BuildSteps;
  /** When false, skip the full-text search index (faster rebuilds in the dev server). */
  search?: boolean;
  /**
   * Folder of the persistent record cache (the CLI uses `.dossier-cache/` in the project root).
   * Records are keyed by content hash and trusted only from this exact build of Dossier; the folder
   * is safe to delete. Without it nothing is cached. The output is the same either way.
   */
  cacheDir?: string;
  /**
   * Worker threads that parse beside the main thread (`parallelParse.ts`): 'auto' (the default)
   * uses `defaultWorkers()` (none on fewer than four cores) when at least PARALLEL_FROM files need parsing; a
   * number uses exactly that many whenever any file does; 0 keeps everything on the main thread.
   * A watch session's rebuilds always stay on the main thread.
   */
  workers?: number | 'auto';
  /**
   * When no parse workers run (`workers` is 'auto' on a machine with fewer than four cores), one
   * worker thread finds the dated sentences of the articles while the main thread parses and finds
   * entities (`eventThread.ts`). Undefined (the default) starts it when PARALLEL_FROM files or more
   * need parsing and there is a second core (its answers wait for the timeline stage: about 1.7 KiB an
   * article; false saves that); true whenever any file does; false never. `workers: 0`
   * keeps everything on the main thread whatever this says; a watch session never starts it.
   */
  eventThread?: boolean;
  /**
   * Write the site on a thread beside the main one, which goes on rendering (`writerThread.ts`).
   * Undefined (the default): from WRITER_THREAD_FROM articles on a machine with a second core; true
   * always; false never.
   */
  writerThread?: boolean;
  /**
   * When false, no full garbage collection between stages. A watch session's rebuilds pass false:
   * they allocate little on top of a large live archive, and V8's own young-generation collections
   * handle it; a full collection per stage would walk the whole archive several times per edit.
   */
  collectGarbage?: boolean;
}

/**
 * The parts of a build a watch session does incrementally. Each has the plain stage's signature and
 * must give the same result; it may only reuse what it knows did not change.
 */
export interface BuildSteps {
  /** Finds and hashes the article files, keeping their texts or not (then each is read again when parsed: see `sourceText`). */
  read(inputDir: string, cwd: string): ReadResult;
  /** Parses one file (a pure function of the file, so it may be cached by path and content hash). */
  parse(source: SourceFile): ParseResult;
  /** Returns `article`, or an equal record from the previous build, so later stages can tell unchanged records by identity. */
  keep(article: Article): Article;
  /** Gives the parsed drafts their URLs as `assignUrls` does (the default); a watch session's places again only the drafts an edit changed (see `KeptUrls`). */
  placeUrls?: typeof assignUrls;
  /**
   * A watch session's: what parsing every file gives (`parseEverything`, which it calls when it must),
   * made from the last build's when only a few files' contents changed (see `SavedInPlace.parseEdited`).
   */
  parseEdited?(sources: readonly SourceFile[], parseEverything: () => { value: Article[]; diagnostics: Diagnostic[] }): { value: Article[]; diagnostics: Diagnostic[] };
  /** True when another build follows with these steps (a watch session): per-article render results are then kept for it. */
  remember?: boolean;
  /** Last build's pages, reused when their inputs did not change; only with `environment`'s memo (a watch session's). */
  reusePages?: PageReuse;
  /** The template environment pages are rendered through. */
  environment(config: Config): nunjucks.Environment;
  /** Starts writing a site into the output folder: pages are handed over one at a time as they are made. */
  startWrite(outDir: string, options?: WriteOptions): SiteWriter;
  /** What entity extraction keeps from build to build (a watch session's); without it a build keeps nothing once the stage is done. */
  entityMemo?: EntityMemo;
  /** What the link stage keeps from build to build, likewise. */
  linkMemo?: LinkMemo;
  /** The timeline's events by date, likewise: only the dates an edit changed are merged again. */
  timelineMemo?: TimelineMemo;
}

/** A build from nothing: read everything, parse everything, render everything, swap the whole folder. */
export const freshSteps: BuildSteps = {
  read: readSources,
  parse: parseArticle,
  keep: (article) => article,
  environment: createEnvironment,
  startWrite,
};

export async function build(config: Config, options: BuildOptions): Promise<BuildResult> {
  const cache = options.cacheDir ? openRecordCache(options.cacheDir, toolFingerprint()) : NO_CACHE;
  // A build that collects between stages also bounds V8's own heap growth inside them (see `boundHeapGrowth`).
  const restoreHeapGrowth = options.collectGarbage !== false ? boundHeapGrowth() : () => {};
  let result: BuildResult;
  let saveTime = 0;
  try {
    result = await buildWith(cache, config, options);
  } finally {
    restoreHeapGrowth();
    // Also when the build threw: what the cache was given is sound, and its next files must not be left half-made.
    const started = performance.now();
    cache.save();
    saveTime = performance.now() - started;
  }
  if (options.cacheDir) result.timings.cache = (result.timings.cache ?? 0) + saveTime;
  return result;
}

/**
 * Each diagnostic tagged with the stage that found it, once per diagnostic: a watch session's
 * unchanged files give back their very diagnostics build after build, and the session then gets
 * the same tagged ones (it prints only new notes, by their text: see `DevSession.finish`).
 */
const taggedOf = new WeakMap<Diagnostic, Diagnostic>();

function taggedWith(d: Diagnostic, name: string): Diagnostic {
  let tagged = taggedOf.get(d);
  if (tagged?.stage !== (d.stage ?? name)) taggedOf.set(d, (tagged = { ...d, stage: d.stage ?? name }));
  return tagged;
}

/** What a stage returns: its value, and any problems it found. */
interface StageOutput<T> {
  value: T;
  diagnostics?: Diagnostic[];
}

/** Each kept article's event candidates, across the builds of a watch session (see `memoPerArticle`). */
const memoEvents = memoPerArticle(extractEvents);
/**
 * Event extraction per article: the record cache first, then what the parse workers or the event
 * thread found, then, in a watch session (a build given its own `steps`), the in-memory memo. A
 * single build has no later build to remember them for, and the memo would hold every article's
 * candidates for as long as the articles live: the whole build.
 */
const eventsOf = (cache: RecordCache, watching: boolean, fromWorkers: EventsFromWorkers, fromThread: EventThread | null) => {
  const extract = watching ? memoEvents : extractEvents;
  const find = (article: Article) => fromWorkers.of(article) ?? fromThread?.of(article) ?? extract(article);
  return cache === NO_CACHE ? find : cachedPerArticle(cache, 'events', find);
};

async function buildWith(cache: RecordCache, config: Config, options: BuildOptions): Promise<BuildResult> {
  const diagnostics: Diagnostic[] = [];
  const timings: Record<string, number> = {};
  /** Runs one stage: times it and tags its diagnostics with the stage's name. */
  const stage = async <T>(name: string, run: () => StageOutput<T> | Promise<StageOutput<T>>): Promise<T> => {
    const started = performance.now();
    const result = await run();
    // The stage's temporary data is garbage now: collected here, not on top of the next stage's.
    if (options.collectGarbage !== false) collectGarbage();
    timings[name] = performance.now() - started;
    for (const d of result.diagnostics ?? []) diagnostics.push(taggedWith(d, name));
    return result.value;
  };
  const failed = (archive: Archive | null, articles = 0): BuildResult => ({ ok: false, diagnostics, articles, pages: 0, timings, archive });
  const steps = options.steps ?? freshSteps;
  const checkpoint = options.collectGarbage !== false ? memoryCheckpoint : NO_CHECKPOINT;

  checkOutputFolder(config.output, config, options.cwd);
  const read = await stage('read', () => {
    const result = steps.read(config.input, options.cwd);
    return { value: { ...result, registry: readRegistry(result.registryPath, options.cwd) }, diagnostics: result.diagnostics };
  });
  const fromWorkers = new EventsFromWorkers();
  /** Where a cold build keeps article bodies and other values read once per stage (see `BodyStore`). */
  let bodies: BodyStore | null = null;
  let fromThread = null as EventThread | null;
  const articles = await stage('parse', async () => {
    const parsed = options.steps ? new Map<SourceFile, ParseResult>() : await parseInParallel(read.sources, cache, options.workers ?? 'auto', fromWorkers);
    // Dates are found beside the main thread only when no parse workers did it (they find them as they parse).
    if (!options.steps && parsed.size === 0 && (options.workers ?? 'auto') !== 0) {
      fromThread = eventThreadFor(read.sources.filter((source) => !hasCachedParse(cache, source)).length, options.eventThread);
    }
    const thread = fromThread;
    // A single build keeps its records to the end, so they must not keep the file texts alive too.
    const parse = options.steps ? steps.parse : (source: SourceFile) => detachFromSource(steps.parse(source));
    const parseFresh = (source: SourceFile): ParseResult => {
      const result = parsed.get(source) ?? parse(source);
      // A file the cache could not answer has no cached events either: its dates are found on the thread.
      if (thread && result.article) thread.send(source, result.article);
      return result;
    };
    // A single build reads each body once per stage, one article at a time: they wait on disk (see `BodyStore`).
    if (!options.steps) bodies = new BodyStore();
    const parseEverything = () => parseAll(read.sources, { ...steps, parse: cachedParse(cache, parseFresh) }, bodies);
    return steps.parseEdited ? steps.parseEdited(read.sources, parseEverything) : parseEverything();
  });
  // What identifies each input outlives the sources; only the record cache asks. Taken once parsed:
  // a file changed since the read stage has the hash of what was parsed (see `sourceText`).
  const inputFiles = options.cacheDir ? read.sources.map(({ relativePath, format, contentHash }) => ({ relativePath, format, contentHash })) : [];
  read.sources = [];
  if (hasErrors(diagnostics)) {
    fromThread?.stop();
    return failed(null);
  }

  // The archive-wide steps go through the cache too; the registry is their one input besides the articles.
  const registryKey = JSON.stringify(read.registry);
  // The event thread gets the articles it fell behind on while entities are found (see `EventThread.resume`).
  fromThread?.resume(articles);
  const topUpThread = fromThread ? () => fromThread!.topUp() : undefined;
  let entities: ExtractedEntities | null = await stage('extract', () => cachedForArchive(cache, 'entities', articles, registryKey, () => extractEntitiesStage(articles, read.registry, steps.entityMemo, topUpThread), entityParts));
  if (hasErrors(diagnostics)) {
    fromThread?.stop();
    return failed(null, articles.length);
  }
  // After entities, so each event lists the entities its sentence names.
  const events = await stage('timeline', async () => {
    await fromThread?.done();
    const extract = eventsOf(cache, options.steps !== undefined, fromWorkers, fromThread);
    // A watch session merges again only the dates an edit changed.
    const extracted = entities!;
    // The memo reads the mentions by article: an unchanged article's list is then the very one it last read.
    if (steps.timelineMemo) return { value: steps.timelineMemo.timeline(articles, extracted.mentionsByArticle ?? groupMentions(extracted.mentions), extract, extracted.mentionsChanged) };
    // The cache keeps the events' plain records (a `CompactEvent` is not one the cache can copy), a slice at a time.
    return { value: cachedForArchive(cache, 'timeline', articles, registryKey, () => extractTimeline(articles, extracted.mentions, extract, checkpoint), timelineParts) };
  });
  fromWorkers.clear();
  fromThread?.clear();
  // The records went to the cache's next files as they were made; saving now puts those in place and closes the files read.
  if (options.cacheDir) await stage('cache', () => ({ value: cache.save() }));
  const archive = await stage('link', () => {
    const extracted = entities!;
    // Read through, not copied: a watch session's list of every mention is made only if read (its link stage reads the lists by article instead).
    const value = buildArchive(articles, { entities: extracted.entities, get mentions() { return extracted.mentions; }, ...(extracted.mentionsByArticle ? { mentionsByArticle: extracted.mentionsByArticle } : {}), ...(extracted.mentionsChanged ? { mentionsChanged: extracted.mentionsChanged } : {}), events }, steps.linkMemo, bodies ?? undefined);
    // The entity index keeps what pages need of the mentions (see `buildArchive`): the rest goes now, not after the last page.
    entities = null;
    return { value };
  });

  // Every input the same as the last build's, and its output untouched: that site is this one.
  const site = options.cacheDir && options.write !== false ? await stage('unchanged', () => {
    const inputs = siteInputs(toolFingerprint(), config, { search: options.search !== false }, inputFiles, read.registryPath);
    return { value: { inputs, current: currentSite(options.cacheDir!, inputs, config.output) } };
  }) : null;
  if (site?.current) return { ok: true, diagnostics: [...diagnostics, ...site.current.diagnostics], articles: articles.length, pages: site.current.pages, timings, archive };
  const laterDiagnostics = diagnostics.length;

  if (hasErrors(diagnostics)) return failed(archive, articles.length);
  const streamed = await streamSite(archive, config, {
    environment: () => steps.environment(config),
    remember: steps.remember === true,
    ...(steps.reusePages ? { reuse: steps.reusePages } : {}),
    writer: options.write === false ? null : steps.startWrite(config.output, { threaded: useWriterThread(articles.length, options.writerThread) }),
    search: options.search !== false,
    cwd: options.cwd,
    checkpoint,
  });
  Object.assign(timings, streamed.timings);
  diagnostics.push(...streamed.diagnostics);
  if (!streamed.ok) return failed(archive, articles.length);
  const written = streamed.written;
  if (!written) return { ok: true, diagnostics, articles: articles.length, pages: streamed.pages, timings, archive };
  if (site) await stage('record', () => ({ value: rememberSite(options.cacheDir!, site.inputs, config.output, written.written, diagnostics.slice(laterDiagnostics)) }));
  return { ok: true, diagnostics, articles: articles.length, pages: written.written, timings, archive };
}

/**
 * The parses worker threads did ahead of the parse stage: every file the record cache cannot answer,
 * when there are enough of them to be worth the threads (see `BuildOptions.workers`). The dated
 * sentences the workers found go to `fromWorkers` for the timeline stage.
 */
async function parseInParallel(sources: readonly SourceFile[], cache: RecordCache, workers: number | 'auto', fromWorkers: EventsFromWorkers): Promise<Map<SourceFile, ParseResult>> {
  const parsed = new Map<SourceFile, ParseResult>();
  const missing = sources.filter((source) => !hasCachedParse(cache, source));
  const threads = workers === 'auto' ? (missing.length >= PARALLEL_FROM ? defaultWorkers() : 0) : workers;
  if (threads === 0 || missing.length === 0) return parsed;
  const results = await parseOnWorkers(missing, threads);
  missing.forEach((source, i) => {
    const result = results[i]!;
    // The parse stage files the result under the hash of what was parsed (see `cachedParse`).
    source.contentHash = result.contentHash;
    parsed.set(source, result.result);
    fromWorkers.add(source, result);
  });
  return parsed;
}

/**
 * Every file parsed, and the URLs assigned. With `bodies` (a single build), each body goes to the
 * store as soon as it is parsed, so the bodies are never held for the whole archive at once (at
 * 100,000 articles they would be hundreds of MiB); nor are the texts: a single build's read stage
 * keeps none, and each exists only while its file is parsed (see `sourceText`).
 */
function parseAll(sources: readonly SourceFile[], steps: BuildSteps, bodies: BodyStore | null = null): { value: Article[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const drafts: Article[] = [];
  /** Each draft's display path, in the same order (see `displayPathOf`). */
  const displays: string[] = [];
  const bodyAt = new Map<string, Place>();
  for (const source of sources) {
    const result = steps.parse(source);
    if (result.diagnostics.length > 0) diagnostics.push(...result.diagnostics);
    if (result.article) {
      let article = result.article;
      if (bodies) {
        bodyAt.set(article.sourcePath, bodies.put(article.blocks));
        article = { ...article, blocks: [] };
      }
      drafts.push(article);
      displays.push(source.displayPath);
    }
  }
  // Display paths are asked only for articles wanting the same URL: by source path, made then.
  let displayPaths: Map<string, string> | null = null;
  const displayPathOf = (article: Article) => (displayPaths ??= new Map(drafts.map((draft, i) => [draft.sourcePath, displays[i]!]))).get(article.sourcePath) ?? article.sourcePath;
  const placed = (steps.placeUrls ?? assignUrls)(drafts, displayPathOf);
  const kept = bodies ? (article: Article) => bodies.attach(article, bodyAt.get(article.sourcePath)!) : steps.keep;
  return { value: placed.articles.map((article) => kept(article)), diagnostics: [...diagnostics, ...placed.diagnostics] };
}
