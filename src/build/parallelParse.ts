/**
 * Parsing a large archive on every core. Parsing a file, and finding the dated sentences of the
 * article it yields, read nothing but that file, so a build hands the files no cache could answer
 * to worker threads (`parseWorker.ts`) and gets the results back in file order: the same records,
 * diagnostics and candidates as on the main thread, only sooner. Small builds (and a watch
 * session's rebuilds) stay on the main thread, where starting threads would cost more than it saves.
 */
import { availableParallelism } from 'node:os';
import type { EventCandidate } from '../extract/events/candidate.js';
import { extractEvents } from '../extract/events/extract.js';
import { parseArticle, type ParseResult } from '../parse/parseArticle.js';
import type { Article, SourceFile } from '../types.js';
import { mapOnWorkers } from './workerPool.js';
import { workerScript } from './workerScript.js';

/** What a worker returns for one file. */
export interface ParsedFile {
  /** The parse, as `parseArticle` returns it. */
  result: ParseResult;
  /** The dated sentences of the draft article (its id is the draft's; see `eventsFromWorkers`), or null when there is no article. */
  events: EventCandidate[] | null;
  /** Hash of the bytes parsed: the read stage's, unless the file changed since (a worker's copy of the source took the new one: see `sourceText`). */
  contentHash: string;
}

/** Below this many files to parse, threads cost more to start (a few hundred ms) than they save. */
export const PARALLEL_FROM = 300;

/** Files sent to a worker at once. */
const BATCH = 16;

/** Fewer cores than this, and threads are not worth it (see `defaultWorkers`). */
const MIN_CORES = 4;

/**
 * The worker count when the caller does not say: one per core besides the main thread's (which
 * parses too), at most seven; none below MIN_CORES. Measured on a quiet 2-core machine (4,000
 * synthetic articles): one worker beside the main thread saved 0.8 s of 5.4 s of parsing and date
 * finding, no wall time overall, and cost 190 MiB of peak memory (a second isolate, its code and the
 * records in transit), so two cores parse on the main thread alone, and find dates on one thread
 * beside it instead (`eventThread.ts`: only prose goes over, and what comes back is small).
 */
export function defaultWorkers(): number {
  const cores = availableParallelism();
  return cores < MIN_CORES ? 0 : Math.min(7, cores - 1);
}

/** Parses one file and, when it yields an article, finds its dated sentences (they need nothing else). */
export function parseWithEvents(source: SourceFile): ParsedFile {
  const result = parseArticle(source);
  return { result, events: result.article ? extractEvents(result.article) : null, contentHash: source.contentHash };
}


/** Parses `sources` on the main thread and `workers` worker threads; results in the order of `sources`. */
export function parseOnWorkers(sources: readonly SourceFile[], workers: number): Promise<ParsedFile[]> {
  const script = workerScript('build/parseWorker');
  if (!script) throw new Error('the compiled build worker (lib/build/parseWorker.js) is missing: run `npm run compile`.');
  return mapOnWorkers<SourceFile, ParsedFile>(script, 'parseWithEvents', sources, { workers, batch: BATCH, local: parseWithEvents });
}

/**
 * Event candidates found by the workers, handed out once the build has placed each article. The
 * workers saw the draft, whose id may still change when URLs are assigned (two articles wanting the
 * same slug), so each candidate gets the placed article's id; nothing else in a candidate depends on it.
 */
export class EventsFromWorkers {
  /** Candidates by source path, with the content hash they were found in. */
  private readonly bySource = new Map<string, { contentHash: string; events: EventCandidate[] }>();

  add(source: SourceFile, parsed: ParsedFile): void {
    if (parsed.events) this.bySource.set(source.relativePath, { contentHash: source.contentHash, events: parsed.events });
  }

  /** The candidates of `article`, or undefined when no worker found them. */
  of(article: Article): EventCandidate[] | undefined {
    const found = this.bySource.get(article.sourcePath);
    if (!found || found.contentHash !== article.contentHash) return undefined;
    return found.events.map((candidate) => (candidate.articleId === article.id ? candidate : { ...candidate, articleId: article.id }));
  }

  /** Lets go of every candidate (once the timeline is built). */
  clear(): void {
    this.bySource.clear();
  }
}
