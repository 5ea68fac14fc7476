#!/usr/bin/env node
// Edit-to-disk latency of the live preview: the median, over ten edits, of the time from saving an
// article to its updated page being on disk, with the real watcher (chokidar, debounce and all), and
// the watch process's memory after the first build and after many edits (a leak shows as growth).
// Works on a scratch copy of each archive, removed at the end. Needs the compiled lib/ (tsc -b).
//
//   node bench/edit-latency.mjs [ARCHIVE…]   seeds and (when present) ../shared/corpus/bbc, or the
//                                            archives named (e.g. a synthetic corpus folder)
//   import { measureEditLatency } from './edit-latency.mjs'   for bench/run.mjs
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveConfig } from '../lib/config.js';
import { DevSession } from '../lib/dev/devSession.js';
import { collectGarbage } from '../lib/build/memory.js';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Builds a copy of `inputDir`, watches it, then `edits` times adds a paragraph with a unique
 * marker to one article and polls that article's page until the marker is there.
 * The median is over the first ten edits (or `edits`, when fewer); memory is read (heap after a full
 * collection, and resident size) at rest: once the first build and the work behind it (data exports,
 * search index) are done, and again once the last edit's are. At rest both times, so the figures
 * compare what the session keeps, not what a search refresh happens to hold at that moment (the
 * first refresh adds ~100 MiB of resident memory that stays, heap or not; a leak grows edit by edit).
 * Returns { articles, firstBuildMs, latencies (ms, in edit order), median, rebuildMedian (the
 * rebuild alone, without the watcher and the debounce), stages (median ms of each build stage),
 * memory: { first, last } each { heapMiB, rssMiB } }.
 */
export async function measureEditLatency(inputDir, { edits = 10, gapMs = 150, timeoutMs = 120_000 } = {}) {
  const work = mkdtempSync(path.join(os.tmpdir(), 'dossier-edit-latency-'));
  const input = path.join(work, 'input');
  cpSync(inputDir, input, { recursive: true });
  const config = resolveConfig(REPO, { input, output: path.join(work, 'site') });
  let session = null;
  try {
    const started = performance.now();
    session = await DevSession.start({ config, reloadConfig: () => config, cwd: work, quiet: true, write: () => {} });
    const firstBuildMs = performance.now() - started;
    await session.idle();
    const first = memoryNow();
    const archive = session.lastResult?.archive;
    if (!session.status.ok || !archive) throw new Error(`the first build of ${inputDir} failed`);
    const articles = archive.articles;
    const latencies = [];
    const rebuilds = [];
    const originals = new Map();
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
      // Each edit replaces the previous one's paragraph, so the archive does not grow with the edits
      // (memory after many edits then measures what the session keeps, not the added text).
      originals.set(source, originals.get(source) ?? readFileSync(source, 'utf8'));
      writeFileSync(source, `${originals.get(source)}\n\nUpdated paragraph ${marker}.\n`);
      const saved = performance.now();
      while (!readFileSync(page, 'utf8').includes(marker)) {
        if (performance.now() - saved > timeoutMs) throw new Error(`${article.sourcePath}: the edit did not reach ${page} in ${timeoutMs} ms`);
        await sleep(1);
      }
      latencies.push(performance.now() - saved);
    }
    await session.idle();
    const last = memoryNow();
    const counted = Math.min(10, latencies.length);
    const stages = Object.fromEntries(Object.entries(stageTimes).map(([stage, list]) => [stage, median(list.slice(0, counted))]));
    return { articles: articles.length, firstBuildMs, latencies, median: median(latencies.slice(0, counted)), rebuildMedian: median(rebuilds.slice(0, counted)), stages, memory: { first, last } };
  } finally {
    await session?.close();
    rmSync(work, { recursive: true, force: true });
  }
}

/** The process's memory now: live heap after a full collection, and resident size, in MiB. */
function memoryNow() {
  collectGarbage(true);
  const usage = process.memoryUsage();
  return { heapMiB: usage.heapUsed / 2 ** 20, rssMiB: usage.rss / 2 ** 20 };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** The archives to measure, with their targets (ms): issue 5's two archives. */
export const EDIT_LATENCY_CASES = [
  { name: 'seeds', input: path.join(REPO, 'seeds'), targetMs: 50 },
  { name: 'bbc', input: path.resolve(REPO, '../shared/corpus/bbc'), targetMs: 100 },
];

/** Issue 8's watch target: 100 ms at 16,000 articles, and memory after 100 edits within 10% of after the first build. */
export const LARGE_ARCHIVE_CASE = { targetMs: 100, edits: 100, memoryGrowth: 0.1 };

/**
 * Measures and prints the edit latency of every case (an archive that is absent is skipped).
 * `cases` defaults to issue 5's; a case may set `edits` (memory is then compared after that many).
 */
export async function reportEditLatency(cases = EDIT_LATENCY_CASES) {
  for (const { name, input, targetMs, edits, memoryGrowth } of cases) {
    if (!existsSync(input)) {
      console.log(`edit latency, ${name}: skipped (${path.relative(REPO, input)} is absent)`);
      continue;
    }
    const result = await measureEditLatency(input, edits ? { edits } : {});
    const all = result.latencies.map((ms) => ms.toFixed(0)).join(' ');
    const verdict = result.median < targetMs ? 'under' : 'OVER';
    const stages = Object.entries(result.stages).map(([stage, ms]) => `${stage} ${ms.toFixed(0)}`).join(', ');
    const { first, last } = result.memory;
    const growth = last.heapMiB / first.heapMiB - 1;
    const rssGrowth = last.rssMiB / first.rssMiB - 1;
    const signed = (ratio) => `${ratio >= 0 ? '+' : ''}${(ratio * 100).toFixed(1)}%`;
    const memoryVerdict = memoryGrowth === undefined ? '' : Math.max(growth, rssGrowth) <= memoryGrowth ? ` (both within the ${memoryGrowth * 100}% target)` : ` (OVER the ${memoryGrowth * 100}% target)`;
    console.log(
      `edit latency, ${name} (${result.articles} articles): median of ${Math.min(10, result.latencies.length)} edits ${result.median.toFixed(1)} ms, ${verdict} the ${targetMs} ms target (rebuild alone ${result.rebuildMedian.toFixed(1)} ms: ${stages}); first build ${(result.firstBuildMs / 1000).toFixed(2)} s; ` +
        `memory at rest after the first build ${first.heapMiB.toFixed(0)} MiB heap / ${first.rssMiB.toFixed(0)} MiB resident, after ${result.latencies.length} edits ${last.heapMiB.toFixed(0)} / ${last.rssMiB.toFixed(0)} MiB (heap ${signed(growth)}, resident ${signed(rssGrowth)})${memoryVerdict}; edits ${all} ms`,
    );
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const named = process.argv.slice(2);
  await reportEditLatency(named.length === 0 ? EDIT_LATENCY_CASES : named.map((input) => ({ name: path.basename(input), input: path.resolve(input), ...LARGE_ARCHIVE_CASE })));
}
