/**
 * Parsing on worker threads must not change what a build produces: the same pages, data and
 * diagnostics as a build on the main thread, whatever the thread count, with the record cache cold
 * or warm. The archive has copies of the seeds, so two articles want the same slug and the workers'
 * draft ids differ from the placed ones (the events found on a worker must take the placed id).
 * No timing assertions: the gain is measured by `npm run bench`.
 */
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, type BuildOptions } from '../src/build.js';
import { workerScript } from '../src/build/workerScript.js';
import { mapOnWorkers } from '../src/build/workerPool.js';
import { resolveConfig } from '../src/config.js';
import { formatDiagnostic } from '../src/errors.js';
import { REPO, snapshotFolder, tempDir } from './helpers/project.js';

/** The seeds twice, Markdown articles in year folders, and files with errors. */
function archive(): string {
  const input = tempDir('dossier-workers-');
  cpSync(path.join(REPO, 'seeds'), input, { recursive: true });
  cpSync(path.join(REPO, 'seeds'), path.join(input, 'copies'), { recursive: true });
  for (const name of ['broken-yaml.md', 'impossible-date.md', 'empty.md']) cpSync(path.join(REPO, 'tests/fixtures/invalid', name), path.join(input, 'bad', name));
  for (let i = 0; i < 20; i++) {
    const folder = path.join(input, `20${10 + (i % 9)}`, '05');
    mkdirSync(folder, { recursive: true });
    writeFileSync(
      path.join(folder, `story-${i}.md`),
      `---\ntitle: "Harbour story"\ndate: 20${10 + (i % 9)}-05-1${i % 10}\n---\n\nMaria Lopez, the mayor of Springfield, said on March 3, 2009 that the harbour would reopen.\n\nThe Harbour Trust said it expected the work to finish in June 2011.\n`,
    );
  }
  return input;
}

async function buildWith(input: string, options: Partial<BuildOptions>) {
  const output = path.join(tempDir('dossier-workers-out-'), 'site');
  const result = await build(resolveConfig(REPO, { input, output }), { cwd: REPO, ...options });
  return { result, output, messages: result.diagnostics.map((d) => formatDiagnostic(d)) };
}

describe('parsing on worker threads', () => {
  it.skipIf(!workerScript('build/parseWorker'))('gives the same site and diagnostics as the main thread, cold and warm', async () => {
    const input = archive();
    const serial = await buildWith(input, { workers: 0 });
    expect(serial.result.ok).toBe(false); // the bad files are errors…
    // …so compare the diagnostics, then build again without them for the pages.
    const threaded = await buildWith(input, { workers: 2 });
    expect(threaded.messages).toEqual(serial.messages);

    rmSync(path.join(input, 'bad'), { recursive: true });
    const plain = await buildWith(input, { workers: 0 });
    expect(plain.result.ok).toBe(true);
    for (const workers of [1, 3]) {
      const other = await buildWith(input, { workers });
      expect(other.messages).toEqual(plain.messages);
      expect(snapshotFolder(other.output)).toEqual(snapshotFolder(plain.output));
    }
    const cacheDir = tempDir('dossier-workers-cache-');
    const cold = await buildWith(input, { workers: 2, cacheDir });
    const warm = await buildWith(input, { workers: 2, cacheDir });
    expect(snapshotFolder(cold.output)).toEqual(snapshotFolder(plain.output));
    expect(snapshotFolder(warm.output)).toEqual(snapshotFolder(plain.output));
    expect(plain.result.archive!.events.length).toBeGreaterThan(0);
  });
});

describe('the worker pool', () => {
  /** A worker script answering `double` and `fail`, written as plain JavaScript. */
  function script(): string {
    const file = path.join(tempDir('dossier-pool-'), 'worker.mjs');
    const pool = path.join(REPO, 'lib/build/workerPool.js');
    writeFileSync(
      file,
      `import { parentPort } from 'node:worker_threads';\nimport { serveTasks } from ${JSON.stringify(pool)};\nserveTasks(parentPort, { double: (n) => n * 2, fail: (n) => { if (n === 7) throw new Error('seven is bad'); return n; } });\n`,
    );
    return file;
  }

  it.skipIf(!workerScript('build/parseWorker'))('returns results in the order of the items, however the batches finish', async () => {
    const items = Array.from({ length: 101 }, (_, i) => i);
    await expect(mapOnWorkers(script(), 'double', items, { workers: 3, batch: 4 })).resolves.toEqual(items.map((n) => n * 2));
    await expect(mapOnWorkers(script(), 'double', [], { workers: 3, batch: 4 })).resolves.toEqual([]);
  });

  it.skipIf(!workerScript('build/parseWorker'))('fails with the task’s own error, and stops its threads', async () => {
    const before = process.getActiveResourcesInfo().filter((r) => r === 'MessagePort' || r === 'Worker').length;
    await expect(mapOnWorkers(script(), 'fail', Array.from({ length: 20 }, (_, i) => i), { workers: 2, batch: 3 })).rejects.toThrow('seven is bad');
    await expect(mapOnWorkers(script(), 'nothing', [1], { workers: 1, batch: 1 })).rejects.toThrow('unknown worker task "nothing"');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(process.getActiveResourcesInfo().filter((r) => r === 'MessagePort' || r === 'Worker').length).toBeLessThanOrEqual(before);
  });
});
