#!/usr/bin/env node
// Edit-to-disk latency of the live preview: the median, over ten edits, of the time from saving an
// article to its updated page being on disk, with the real watcher (chokidar, debounce and all).
// Works on a scratch copy of each archive, removed at the end. Needs the compiled lib/ (tsc -b).
//
//   node bench/edit-latency.mjs            seeds and (when present) ../shared/corpus/bbc
//   import { measureEditLatency } from './edit-latency.mjs'   for bench/run.mjs
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveConfig } from '../lib/config.js';
import { DevSession } from '../lib/dev/devSession.js';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Builds a copy of `inputDir`, watches it, then `edits` times appends a paragraph with a unique
 * marker to one article and polls that article's page until the marker is there.
 * Returns { articles, firstBuildMs, latencies (ms, in edit order), median, rebuildMedian (the
 * rebuild alone, without the watcher and the debounce), stages (median ms of each build stage) }.
 */
export async function measureEditLatency(inputDir, { edits = 10, gapMs = 150, timeoutMs = 30_000 } = {}) {
  const work = mkdtempSync(path.join(os.tmpdir(), 'dossier-edit-latency-'));
  const input = path.join(work, 'input');
  cpSync(inputDir, input, { recursive: true });
  const config = resolveConfig(REPO, { input, output: path.join(work, 'site') });
  let session = null;
  try {
    const started = performance.now();
    session = await DevSession.start({ config, reloadConfig: () => config, cwd: work, quiet: true, write: () => {} });
    const firstBuildMs = performance.now() - started;
    const archive = session.lastResult?.archive;
    if (!session.status.ok || !archive) throw new Error(`the first build of ${inputDir} failed`);
    const articles = archive.articles;
    const latencies = [];
    const rebuilds = [];
    const stageTimes = {};
    session.onBuilt((status) => {
      rebuilds.push(status.ms);
      for (const [stage, ms] of Object.entries(session.lastResult?.timings ?? {})) (stageTimes[stage] ??= []).push(ms);
    });
    for (let i = 0; i < edits; i++) {
      const article = articles[Math.floor(((i + 0.5) * articles.length) / edits)];
      const source = path.join(input, article.sourcePath);
      const page = path.join(config.output, article.url, 'index.html');
      const marker = `edit-latency-marker-${process.pid}-${i}`;
      await sleep(gapMs); // let the watcher settle, as between a curator's saves
      writeFileSync(source, `${readFileSync(source, 'utf8')}\n\nUpdated paragraph ${marker}.\n`);
      const saved = performance.now();
      while (!readFileSync(page, 'utf8').includes(marker)) {
        if (performance.now() - saved > timeoutMs) throw new Error(`${article.sourcePath}: the edit did not reach ${page} in ${timeoutMs} ms`);
        await sleep(1);
      }
      latencies.push(performance.now() - saved);
    }
    const stages = Object.fromEntries(Object.entries(stageTimes).map(([stage, list]) => [stage, median(list)]));
    return { articles: articles.length, firstBuildMs, latencies, median: median(latencies), rebuildMedian: median(rebuilds), stages };
  } finally {
    await session?.close();
    rmSync(work, { recursive: true, force: true });
  }
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** The archives to measure, with their targets (ms). */
export const EDIT_LATENCY_CASES = [
  { name: 'seeds', input: path.join(REPO, 'seeds'), targetMs: 50 },
  { name: 'bbc', input: path.resolve(REPO, '../shared/corpus/bbc'), targetMs: 100 },
];

/** Measures and prints the edit latency of every case (an archive that is absent is skipped). */
export async function reportEditLatency() {
  for (const { name, input, targetMs } of EDIT_LATENCY_CASES) {
    if (!existsSync(input)) {
      console.log(`edit latency, ${name}: skipped (${path.relative(REPO, input)} is absent)`);
      continue;
    }
    const result = await measureEditLatency(input);
    const all = result.latencies.map((ms) => ms.toFixed(0)).join(' ');
    const verdict = result.median < targetMs ? 'under' : 'OVER';
    const stages = Object.entries(result.stages).map(([stage, ms]) => `${stage} ${ms.toFixed(0)}`).join(', ');
    console.log(`edit latency, ${name} (${result.articles} articles): median ${result.median.toFixed(1)} ms, ${verdict} the ${targetMs} ms target (rebuild alone ${result.rebuildMedian.toFixed(1)} ms: ${stages}); first build ${(result.firstBuildMs / 1000).toFixed(2)} s; edits ${all} ms`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await reportEditLatency();
}
