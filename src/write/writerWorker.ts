/**
 * The writer thread's entry point (see `writerThread.ts`): does the file work it is sent, batch by
 * batch, and answers each batch with what it has done, or with the first error (after which it does
 * nothing more: the build fails and its staging folder is removed).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { unpackOps, type PackedOps } from './packedOps.js';
import { StagingFiles } from './stagingFiles.js';
import type { WriterReply, WriterThreadData } from './writerThread.js';

if (parentPort) {
  const port = parentPort;
  const { outDir, staging } = workerData as WriterThreadData;
  const files = new StagingFiles(outDir, staging);
  let failed = false;
  port.on('message', (batch: PackedOps) => {
    if (failed) return;
    try {
      for (const op of unpackOps(batch)) files.apply(op);
      // The batch's buffer goes back to be filled again (see `OpPacker.recycle`).
      const { buffer } = batch.bytes;
      port.postMessage({ state: files.progress, buffer } satisfies WriterReply, [buffer]);
    } catch (error) {
      failed = true;
      files.release();
      const { message, code } = error as NodeJS.ErrnoException;
      port.postMessage({ error: { message: String(message ?? error), ...(code ? { code } : {}) } } satisfies WriterReply);
    }
  });
}
