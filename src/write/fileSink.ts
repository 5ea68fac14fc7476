/**
 * Where a staged write sends its file work (`FileOp`s): done at once on the main thread
 * (`LocalFiles`, for small sites, tests and the watch session), or on a writer thread
 * (`ThreadFiles` in `writerThread.ts`, for big builds). The writer (`writeSite.ts`) keeps the
 * bookkeeping (which files are ours, which clash with foreign ones, the manifest, the swap); the
 * sink only compares, links and writes.
 */
import { StagingFiles, type FileOp, type StagingState } from './stagingFiles.js';

export interface FileSink {
  /** Takes the next operation; it may be done later (throws what went wrong with an earlier one). */
  send(op: FileOp): void;
  /** Resolves when there is room for more (a thread's backlog is bounded); nothing to wait for when done at once. */
  room(): Promise<void> | void;
  /** Resolves when every operation sent so far is done, with what they did (throws what went wrong). */
  settle(): Promise<StagingState>;
  /** Stops: operations not done yet are dropped, open files closed (after a failure, or once settled). */
  close(): Promise<void>;
}

/** The file work done at once, on the calling thread. */
export class LocalFiles implements FileSink {
  private readonly files: StagingFiles;

  constructor(outDir: string, staging: string) {
    this.files = new StagingFiles(outDir, staging);
  }

  send(op: FileOp): void {
    this.files.apply(op);
  }

  room(): void {}

  async settle(): Promise<StagingState> {
    return this.files.progress;
  }

  async close(): Promise<void> {
    this.files.release();
  }
}
