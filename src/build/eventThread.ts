/**
 * Date finding on a second core while the main thread parses and finds entities. On a machine with
 * too few cores for parse workers (`parallelParse.ts`), the main thread did everything in turn, and
 * finding the dated sentences (chrono-node's parse of every sentence that may hold a date) was about
 * two thirds of the timeline stage: 2.9 s of cpu at 4,000 synthetic articles. It reads nothing but
 * the article's prose and date, so each article is handed to one worker thread as soon as it is
 * parsed, as its prose texts alone (a copy of a few KiB), and what comes back is each dated
 * sentence's place and date, packed (`packedEvents.ts`); the candidates are made again on the main
 * thread from its own article, so they are the very records `extractEvents` makes there (their
 * texts cut from the article's own strings).
 *
 * The main thread takes the answers as they come, between the articles it parses (`send`), not
 * when it next waits: it does not wait until the timeline stage, and until then every answer sat in
 * its message queue as well as in the thread's.
 *
 * The thread is slower per article than the parse (4,000 articles: ~1.3 ms against ~1 ms), so it
 * falls behind, and the articles parsed meanwhile are not sent then (each would wait as a copy of
 * its prose). They are sent during the entity stage instead (`resume`, then `topUp` between the
 * articles entity finding reads), from the finished records, whose bodies wait on disk: before, the
 * main thread found those dates itself in the timeline stage, about 2 s of its 23 at 4,000 articles.
 *
 * Any failure of the thread (it cannot start, a task throws, it stops) only means the main thread
 * finds those articles' dates itself: `of` answers only for articles the thread finished.
 */
import { availableParallelism } from 'node:os';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { EventCandidate } from '../extract/events/candidate.js';
import type { Article, SourceFile } from '../types.js';
import { proseOf, unpackEvents, type PackedEvents, type ProseArticle } from './packedEvents.js';
import { PARALLEL_FROM } from './parallelParse.js';
import type { WorkerReply, WorkerRequest } from './workerPool.js';
import { workerScript } from './workerScript.js';

/**
 * The thread's heap, bounded: it holds chrono's code and one batch at a time, and a small young
 * generation keeps what it allocates (most of it short-lived) from adding to the build's peak
 * (4,000 articles: 26 MiB less resident at the end of entity finding than with V8's defaults). A
 * thread that runs out leaves its articles to the main thread, like any failure.
 */
const THREAD_HEAP = { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: 128 };

/*
 * The thread runs at any size by default. Its answers wait for the timeline stage (about 1.7 KiB an
 * article, as packed), a fixed share of what a build holds at every size. It used to stop at 20,000
 * articles, for memory: at 100,000 the answers add ~100 MiB to the peak (1,765 → 1,862 MiB, under
 * the 2 GiB target) and take the timeline stage from 217 to 126 s, the build from 762 to 632 s wall;
 * on the main thread alone, that stage was the one part of a big build that did not grow linearly
 * (100,000 took 11–12× the wall time of 10,000; with the thread, 9.7×).
 */

/**
 * Most articles sent and not yet answered. The thread usually keeps up with the parse; on a loaded
 * machine it may not, and every article sent waits for it as a copy of its prose (a few KiB), so a
 * thread that fell behind would hold a growing share of the archive's text.
 */
const MAX_OUTSTANDING = 512;

/** Articles sent to the thread in one message: enough to amortise the messaging, few enough that it starts at once. */
const BATCH = 8;

/**
 * An event thread for a build that parses `toParse` files on the main thread alone, or null when
 * it would not pay: `wanted` true starts one whenever any file needs parsing, false never, undefined
 * (the default) when PARALLEL_FROM files or more do and the machine has a second core. Null too
 * when the compiled worker is missing (under the test runner before `npm run compile`) or the
 * thread cannot start.
 */
export function eventThreadFor(toParse: number, wanted: boolean | undefined): EventThread | null {
  if (wanted === false || toParse === 0) return null;
  if (wanted === undefined && (toParse < PARALLEL_FROM || availableParallelism() < 2)) return null;
  const script = workerScript('build/eventWorker');
  if (!script) return null;
  try {
    return new EventThread(script);
  } catch {
    return null;
  }
}

/** One worker thread finding the dated sentences of the articles sent to it, while the main thread goes on. */
export class EventThread {
  private readonly worker: Worker;
  /** The main thread's end of the channel the thread answers on (taken from between articles: see `take`). */
  private readonly port: MessagePort;
  /** The articles sent, in order: which file each was, and its content hash. */
  private readonly sent: Array<{ path: string; contentHash: string }> = [];
  private batch: ProseArticle[] = [];
  /** Source paths of the articles parsed while the thread was behind, to be sent later (see `resume`). */
  private skipped: string[] = [];
  /** Those articles' finished records, sent by `topUp` as the thread makes room; `next` is the first not sent. */
  private later: { articles: Article[]; next: number } = { articles: [], next: 0 };
  /** Packed candidates by source path, with the content hash they were found in. */
  private readonly found = new Map<string, { contentHash: string; packed: PackedEvents }>();
  private answered = 0;
  private failed = false;
  private settle: (() => void) | null = null;

  /** `script`: the compiled event worker (`eventWorker.js`). */
  constructor(script: string) {
    const { port1, port2 } = new MessageChannel();
    this.worker = new Worker(script, { resourceLimits: THREAD_HEAP, workerData: { port: port2 }, transferList: [port2] });
    this.port = port1;
    this.port.on('message', (reply: WorkerReply) => this.receive(reply));
    // Neither keeps the process alive by itself (a build that fails early need not wait for it); `done` holds them.
    // (After the listener: adding one refs the port.)
    this.worker.unref();
    this.port.unref();
    this.worker.on('error', () => this.fail());
    this.worker.on('exit', () => this.fail());
  }

  /** Hands over the article parsed from `source` (its dates are found on the thread). */
  send(source: SourceFile, article: Article): void {
    if (this.failed) return;
    // A thread that fell behind gets no more until it catches up: what waits for it is a copy of each
    // article's prose (a few KiB). The articles not sent go to it later (`resume`).
    if (!this.hasRoom()) {
      this.take();
      if (!this.hasRoom()) {
        this.skipped.push(source.relativePath);
        return;
      }
    }
    this.post(source.relativePath, source.contentHash, article);
  }

  /**
   * The parse is over and `articles` are its finished records: those parsed while the thread was
   * behind are sent as it makes room (`topUp`). Any it has not been sent by the timeline stage are
   * left to the main thread.
   */
  resume(articles: readonly Article[]): void {
    if (this.skipped.length === 0) return;
    const skipped = new Set(this.skipped);
    this.skipped = [];
    this.later = { articles: articles.filter((article) => skipped.has(article.sourcePath)), next: 0 };
    this.topUp();
  }

  /** Sends the thread articles `resume` was given, as many as it has room for (called between the main thread's articles). */
  topUp(): void {
    const { later } = this;
    if (this.failed || later.next === later.articles.length) return;
    this.take();
    while (later.next < later.articles.length && this.hasRoom()) {
      const article = later.articles[later.next++]!;
      this.post(article.sourcePath, article.contentHash, article);
    }
    // At once, not when a batch fills: the thread may be idle.
    this.flush();
    if (later.next === later.articles.length) later.articles = [];
  }

  /** True when the thread has fewer than `MAX_OUTSTANDING` articles waiting. */
  private hasRoom(): boolean {
    return this.sent.length - this.answered < MAX_OUTSTANDING;
  }

  /** Queues one article for the thread, sending the batch once it is full. */
  private post(path: string, contentHash: string, article: Article): void {
    this.sent.push({ path, contentHash });
    this.batch.push(proseOf(article));
    if (this.batch.length === BATCH) {
      this.flush();
      this.take();
    }
  }

  /** Waits for every article sent, then ends the thread. */
  async done(): Promise<void> {
    this.flush();
    this.take();
    if (!this.failed && this.answered < this.sent.length) {
      this.worker.ref();
      this.port.ref();
      await new Promise<void>((resolve) => (this.settle = resolve));
    }
    this.stop();
  }

  /** Ends the thread now; articles it did not finish are left to the main thread. */
  stop(): void {
    this.failed = true;
    this.wake();
    this.port.close();
    void this.worker.terminate();
  }

  /**
   * The candidates of `article`, or undefined when the thread did not find them (the caller then
   * does). Each article's are handed out once: the packed copy is let go as the timeline takes it.
   */
  of(article: Article): EventCandidate[] | undefined {
    const found = this.found.get(article.sourcePath);
    if (!found || found.contentHash !== article.contentHash) return undefined;
    this.found.delete(article.sourcePath);
    return unpackEvents(article, found.packed);
  }

  /** Lets go of every result (once the timeline is built). */
  clear(): void {
    this.found.clear();
    this.later = { articles: [], next: 0 };
  }

  /** Takes every answer waiting, now: the main thread is busy until the timeline stage, and they would wait in its queue till then. */
  private take(): void {
    for (let reply = receiveMessageOnPort(this.port); reply && !this.failed; reply = receiveMessageOnPort(this.port)) this.receive(reply.message as WorkerReply);
  }

  private flush(): void {
    if (this.batch.length === 0 || this.failed) return;
    const start = this.sent.length - this.batch.length;
    this.port.postMessage({ task: 'eventsOf', start, items: this.batch } satisfies WorkerRequest);
    this.batch = [];
  }

  private receive(reply: WorkerReply): void {
    if (reply.error || !reply.results) return this.fail();
    reply.results.forEach((packed, offset) => {
      const { path, contentHash } = this.sent[reply.start + offset]!;
      this.found.set(path, { contentHash, packed: packed as PackedEvents });
    });
    this.answered += reply.results.length;
    if (this.answered === this.sent.length) this.wake();
  }

  private fail(): void {
    this.failed = true;
    this.wake();
  }

  private wake(): void {
    const settle = this.settle;
    this.settle = null;
    settle?.();
  }
}
