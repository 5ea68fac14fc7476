/**
 * The file work of a big build on a thread of its own (see `stagingFiles.ts`): the main thread
 * encodes each page as it is rendered into the buffer of the batch being filled (`packedOps.ts`),
 * hands each full batch over (transferred, not copied) and goes on rendering while the thread
 * compares and writes. What the main thread no longer does is the file system calls (mkdir, open,
 * write, close), 3–5 s of a cold build at 4,000 articles.
 *
 * The operations go in batches, and the text sent but not yet written is bounded (`BACKLOG`), so
 * rendering never runs far ahead of the disk and memory stays flat. The first error the thread
 * meets is thrown by the next `room` or `settle`, as a write on the main thread would throw it.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { workerScript } from '../build/workerScript.js';
import type { FileSink } from './fileSink.js';
import { OpPacker, type PackedOps } from './packedOps.js';
import type { FileOp, StagingState } from './stagingFiles.js';

/** What the writer thread answers after each batch: what it has done, or the error that stopped it. */
export type WriterReply = { state: StagingState; buffer: ArrayBuffer } | { error: { message: string; code?: string } };

/** What the thread is started with. */
export interface WriterThreadData {
  /** The output folder (the previous site's copies). */
  outDir: string;
  /** The staging folder the new site is written into. */
  staging: string;
}

/** Bytes of pages in one message: enough to amortise the messaging. */
export const BATCH = 256 * 1024;
/** Room past BATCH in a batch's buffer, so that most pages end in the batch they start in. */
const BATCH_SLACK = 64 * 1024;
/** Values in one message's list of operations at most (many small files; see `PackedOps`). */
const BATCH_OPS = 1024;
/** Bytes sent but not yet written at most: the main thread waits beyond it. */
export const BACKLOG = 4 * 1024 * 1024;
/** What each value of a batch's operations counts for in the backlog (a file's own cost besides its bytes). */
const OP_WEIGHT = 64;

/** Articles in a build worth a writer thread: below it, starting the thread costs more than it saves. */
export const WRITER_THREAD_FROM = 300;

/**
 * True when a build of `articles` articles should write on a thread: `wanted` true always (when the
 * compiled worker is there), false never, undefined from WRITER_THREAD_FROM articles up on a
 * machine with a second core.
 */
export function useWriterThread(articles: number, wanted: boolean | undefined): boolean {
  if (wanted === false || !writerScript()) return false;
  return wanted === true || (articles >= WRITER_THREAD_FROM && availableParallelism() >= 2);
}

function writerScript(): string | null {
  return workerScript('write/writerWorker');
}

/** The file work done on a writer thread. */
export class ThreadFiles implements FileSink {
  private readonly worker: Worker;
  /** The batch being filled. */
  private readonly packer = new OpPacker(BATCH + BATCH_SLACK);
  /** Sizes of the batches sent and not yet done, oldest first. */
  private readonly inFlight: number[] = [];
  private backlog = 0;
  private state: StagingState = { staged: false, unchanged: 0 };
  private failure: Error | null = null;
  private closing = false;
  /** Callers waiting for a batch to be done. */
  private waiting: (() => void)[] = [];

  constructor(outDir: string, staging: string) {
    const script = writerScript();
    if (!script) throw new Error('the compiled writer thread (lib/write/writerWorker.js) is missing: run `npm run compile`.');
    this.worker = new Worker(script, { workerData: { outDir, staging } satisfies WriterThreadData });
    // It never keeps the process alive by itself: a caller waiting on it holds it (see `wait`).
    this.worker.unref();
    this.worker.on('message', (reply: WriterReply) => this.receive(reply));
    this.worker.on('error', (error: Error) => this.fail(error));
    this.worker.on('exit', (code) => {
      if (!this.closing) this.fail(new Error(`the writer thread stopped (exit code ${code}) before the site was written`));
    });
  }

  send(op: FileOp): void {
    this.check();
    this.packer.add(op, (batch) => this.post(batch));
    if (this.packer.filled >= BATCH || this.packer.count >= BATCH_OPS) this.flush();
  }

  /** Batches sent and not yet done (what `room` bounds, through their size). */
  get batchesInFlight(): number {
    return this.inFlight.length;
  }

  async room(): Promise<void> {
    while (!this.failure && this.backlog > BACKLOG) await this.wait();
    this.check();
  }

  async settle(): Promise<StagingState> {
    this.flush();
    while (!this.failure && this.inFlight.length > 0) await this.wait();
    this.check();
    return { ...this.state };
  }

  async close(): Promise<void> {
    this.closing = true;
    // Node does not count a thread being stopped as work to wait for (not even when referenced): with
    // nothing else pending, as when a build fails while batches are in flight, the process ended here
    // mid-await (exit code 13) and the build's error was never reported. A timer holds the process.
    const hold = setInterval(() => {}, 60_000);
    try {
      await this.worker.terminate();
    } finally {
      clearInterval(hold);
    }
    this.wake();
  }

  private flush(): void {
    const batch = this.packer.take();
    if (batch) this.post(batch);
  }

  private post(batch: PackedOps): void {
    if (this.failure) return;
    // Measured before the buffer goes to the thread (transferred, not copied: it reads empty here after).
    const size = batch.bytes.length + OP_WEIGHT * batch.ops.length;
    this.worker.postMessage(batch, [batch.bytes.buffer]);
    this.inFlight.push(size);
    this.backlog += size;
  }

  private receive(reply: WriterReply): void {
    if ('error' in reply) return this.fail(Object.assign(new Error(reply.error.message), reply.error.code ? { code: reply.error.code } : {}));
    this.state = reply.state;
    this.packer.recycle(reply.buffer);
    this.backlog -= this.inFlight.shift() ?? 0;
    this.wake();
  }

  private fail(error: Error): void {
    this.failure ??= error;
    this.wake();
  }

  private check(): void {
    if (this.failure) throw this.failure;
  }

  private wait(): Promise<void> {
    this.worker.ref();
    return new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  private wake(): void {
    this.worker.unref();
    for (const resolve of this.waiting.splice(0)) resolve();
  }
}
