/**
 * Where a worker thread's compiled script is. Under the test runner the modules run from `src/` as
 * TypeScript, but a worker thread needs JavaScript: it then uses the compiled copy in `lib/`
 * (`npm test` compiles first).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The worker scripts, by their path under `lib/` without the extension. */
export type WorkerName = 'build/parseWorker' | 'build/eventWorker' | 'write/writerWorker';

/** The compiled script of worker `name`, or null when it is missing (not compiled yet). */
export function workerScript(name: WorkerName): string | null {
  const here = fileURLToPath(import.meta.url);
  // This file is src/build/workerScript.ts under the test runner, lib/build/workerScript.js compiled.
  const root = path.resolve(path.dirname(here), here.endsWith('.ts') ? '../../lib' : '..');
  const script = path.join(root, `${name}.js`);
  return existsSync(script) ? script : null;
}
