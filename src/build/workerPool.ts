/**
 * A small pool of worker threads that maps a pure per-item task over a list, in batches, and hands
 * the results back in the list's order. The build uses it for the per-file work that needs nothing
 * but the file (parsing and dated-sentence finding), so a machine's cores share it; everything
 * archive-wide stays on the main thread.
 *
 * Items and results cross threads by structured clone, so both must be plain data. A task that
 * throws fails the whole map with the worker's error, as the same call on the main thread would.
 */
import { Worker } from 'node:worker_threads';

/** What the main thread sends a worker: one batch of one task. */
export interface WorkerRequest {
  /** Name of the task in the worker's task table. */
  task: string;
  /** Position of the batch's first item in the whole list. */
  start: number;
  /** The batch. */
  items: unknown[];
}

/** What a worker answers: the batch's results, or the error that stopped it. */
export interface WorkerReply {
  /** Position of the batch's first item, as sent. */
  start: number;
  /** One result per item, in order (absent when `error` is set). */
  results?: unknown[];
  /** The first task error, with its stack (it cannot cross threads as an Error). */
  error?: { message: string; stack?: string };
}

/** How to spread the work. */
export interface PoolOptions<I, O> {
  /** Worker threads to start (at least one). */
  workers: number;
  /** Items sent in one message: large enough to amortise the messaging, small enough to balance the load. */
  batch: number;
  /**
   * The same task on the main thread: when given, the main thread takes batches too between
   * answering the workers, so one core fewer needs a thread (and its start-up, and the copying).
   */
  local?: (item: I) => O;
}

/**
 * Runs `task` of the worker script `workerFile` over `items` on `workers` threads and returns the
 * results in the order of `items`. The threads end when the map is done or has failed.
 */
export function mapOnWorkers<I, O>(workerFile: string, task: string, items: readonly I[], { workers, batch, local }: PoolOptions<I, O>): Promise<O[]> {
  const results = new Array<O>(items.length);
  if (items.length === 0) return Promise.resolve(results);
  return new Promise<O[]>((resolve, reject) => {
    const pool: Worker[] = [];
    let next = 0;
    let pending = 0;
    let settled = false;
    const finish = (error: Error | null) => {
      if (settled) return;
      settled = true;
      for (const worker of pool) void worker.terminate();
      if (error) reject(error);
      else resolve(results);
    };
    const send = (worker: Worker) => {
      if (next >= items.length) return;
      const start = next;
      next = Math.min(items.length, next + batch);
      pending++;
      worker.postMessage({ task, start, items: items.slice(start, next) } satisfies WorkerRequest);
    };
    const threads = Math.max(1, Math.min(workers, Math.ceil(items.length / batch)));
    /** Takes one batch on the main thread, then lets the workers' answers in before the next. */
    const work = () => {
      if (settled || next >= items.length || !local) return;
      const start = next;
      next = Math.min(items.length, next + batch);
      try {
        for (let i = start; i < next; i++) results[i] = local(items[i]!);
      } catch (error) {
        finish(error as Error);
        return;
      }
      if (next < items.length) setImmediate(work);
      else if (pending === 0) finish(null);
    };
    for (let i = 0; i < threads; i++) {
      const worker = new Worker(workerFile);
      pool.push(worker);
      worker.on('message', (reply: WorkerReply) => {
        pending--;
        if (reply.error) {
          const error = new Error(reply.error.message);
          if (reply.error.stack) error.stack = reply.error.stack;
          finish(error);
          return;
        }
        reply.results!.forEach((result, offset) => {
          results[reply.start + offset] = result as O;
        });
        if (next < items.length) send(worker);
        else if (pending === 0) finish(null);
      });
      worker.on('error', (error) => finish(error));
      worker.on('exit', (code) => {
        if (!settled) finish(new Error(`a build worker stopped early (exit code ${code})`));
      });
      // Two batches in flight per worker, so it never waits for the main thread between batches.
      send(worker);
      send(worker);
    }
    setImmediate(work);
  });
}

/** Answers requests with `tasks` (call it from the worker script). */
export function serveTasks(port: { on(event: 'message', listener: (request: WorkerRequest) => void): void; postMessage(reply: WorkerReply): void }, tasks: Record<string, (item: never) => unknown>): void {
  port.on('message', ({ task, start, items }) => {
    try {
      const run = tasks[task];
      if (!run) throw new Error(`unknown worker task "${task}"`);
      port.postMessage({ start, results: items.map((item) => run(item as never)) });
    } catch (error) {
      const { message, stack } = error instanceof Error ? error : new Error(String(error));
      port.postMessage({ start, error: { message, stack } });
    }
  });
}
