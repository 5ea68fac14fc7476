#!/usr/bin/env node
/**
 * `npm run bench`: full-build timings of Dossier on the three seeds, the BBC corpus (when
 * `../shared/corpus/bbc` exists) and synthetic corpora from `../shared/bench/make-corpus.mjs`, with
 * per-stage times, wall, ms per article, peak memory, a rebuild with nothing changed, and the ratio
 * to Hugo measured alternately in the same run (ours, Hugo, ours, Hugo…) where `hugo` is installed.
 *
 *   npm run bench                         seeds, BBC, 4,000 and 16,000 articles
 *   npm run bench -- --full               … and 10,000 and 100,000 articles
 *   npm run bench -- --sizes 1000,4000    only these synthetic sizes (`--sizes ''` for none)
 *   npm run bench -- --runs 5 --warmup 1  counted and uncounted runs per corpus (default 3 and 1)
 *   npm run bench -- --no-hugo --no-search --skip seeds,bbc --work DIR --json FILE
 *
 * Cold builds and rebuilds are timed without the full-text search index (Hugo builds none); one
 * more cold build per corpus with it reports the search stage on its own (`--no-search` skips it).
 *
 * Every build runs in a child process (bench/build-child.mjs) timed from outside, start-up
 * included, the way bench/measure.mjs times the peers. Corpora, outputs and caches go under
 * `--work` (default `$TMPDIR/dossier-bench`), never into the repository. Nothing here asserts a
 * time: the test suite has no timing assertions; this prints figures for BENCHMARKS.md.
 *
 * Other modules can import `runBench`, `measureOurs`, `measureHugo`, `probePerArticle` and add
 * entries to `PER_ARTICLE_PROBES` below.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, cpSync, chmodSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { EDIT_LATENCY_CASES, LARGE_ARCHIVE_CASE, reportEditLatency } from './edit-latency.mjs';

/** The repository root (this file is bench/run.mjs). */
export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SHARED = path.resolve(REPO, '../shared');
const GNU_TIME = '/usr/bin/time';
/** The seeds must build from cold in under this many seconds (issue 2). */
const SEEDS_LIMIT_S = 1;

/**
 * Per-article stage functions timed on the BBC corpus's parsed articles, printed as "ms/article"
 * rows. The entities and timeline helpers add theirs here, e.g.
 *   { name: 'entity extraction', module: 'lib/extract/entities/index.js', export: 'extractArticleEntities' },
 *   { name: 'timeline', module: 'lib/extract/events/index.js', export: 'extractArticleEvents' },
 * `module` is relative to the repository root; `export` names a function `(article) => unknown`.
 * A probe whose module is missing is reported as skipped, never as a failure.
 */
export const PER_ARTICLE_PROBES = [
  { name: 'timeline: event extraction', module: 'lib/extract/events/index.js', export: 'extractArticleEvents' },
  { name: 'entity extraction', module: 'lib/extract/entities/index.js', export: 'extractArticleEntities' },
];

// ---------- measuring one process ----------

/** Runs `command args` to completion; returns wall seconds, cpu seconds, peak RSS in MiB (null when unknown), stdout, exit code. */
export function timeProcess(command, args, { cwd = REPO } = {}) {
  const useTime = existsSync(GNU_TIME);
  const scratch = mkdtempSync(path.join(tmpdir(), 'dossier-time-'));
  const timeFile = path.join(scratch, 't');
  const argv = useTime ? ['-f', '%e %U %S %M', '-o', timeFile, command, ...args] : args;
  const started = process.hrtime.bigint();
  const run = spawnSync(useTime ? GNU_TIME : command, argv, { cwd, encoding: 'utf8', maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'pipe'] });
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  let cpu = null;
  let peakMiB = null;
  if (useTime && existsSync(timeFile)) {
    const last = readFileSync(timeFile, 'utf8').trim().split('\n').pop() ?? '';
    const [, user, sys, kib] = last.split(' ').map(Number);
    if (Number.isFinite(user)) cpu = user + sys;
    if (Number.isFinite(kib)) peakMiB = kib / 1024;
  }
  rmSync(scratch, { recursive: true, force: true });
  if (run.error) throw run.error;
  return { wall, cpu, peakMiB, stdout: run.stdout, stderr: run.stderr, code: run.status };
}

/** One Dossier build of `input` into `out` (cache in `cache`), in a child process; `search: false` skips the search index. */
export function measureOurs(input, out, cache, { search = false } = {}) {
  const args = [path.join(REPO, 'bench/build-child.mjs'), '--input', input, '--out', out, ...(cache ? ['--cache', cache] : []), ...(search ? [] : ['--no-search'])];
  const run = timeProcess(process.execPath, args);
  const line = run.stdout.trim().split('\n').pop() ?? '';
  let report;
  try {
    report = JSON.parse(line);
  } catch {
    throw new Error(`build of ${input} printed no report (exit ${run.code}):\n${run.stderr.slice(-2000)}`);
  }
  if (!report.ok) throw new Error(`build of ${input} failed:\n${report.errors.join('\n')}`);
  // GNU time's peak covers the search indexer's own process too; `ownPeakMiB` is Dossier's process alone.
  const ownPeakMiB = typeof report.maxRssKiB === 'number' ? report.maxRssKiB / 1024 : null;
  return { ...run, peakMiB: run.peakMiB ?? ownPeakMiB, ownPeakMiB, articles: report.articles, pages: report.pages, timings: report.timings };
}

/** One Hugo build of `corpus` into `out`, with the peer site skeleton in `hugoSite`. */
export function measureHugo(corpus, out, hugoSite) {
  const run = timeProcess('hugo', ['--quiet', '--source', hugoSite, '--contentDir', corpus, '--destination', out]);
  if (run.code !== 0) throw new Error(`hugo failed (exit ${run.code}): ${run.stderr.slice(-2000)}`);
  return run;
}

// ---------- corpora and peers ----------

/** `node ../shared/bench/make-corpus.mjs N DIR`, once: corpora are deterministic, so a finished one is reused. */
export function syntheticCorpus(work, size) {
  const dir = path.join(work, `corpus-${size}`);
  if (existsSync(dir)) return dir;
  const maker = path.join(SHARED, 'bench/make-corpus.mjs');
  if (!existsSync(maker)) return null;
  const partial = `${dir}.partial`;
  rmSync(partial, { recursive: true, force: true });
  process.stderr.write(`bench: generating ${size} articles…\n`);
  const made = spawnSync(process.execPath, [maker, String(size), partial], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (made.status !== 0) throw new Error(`make-corpus.mjs ${size} failed`);
  renameSync(partial, dir);
  return dir;
}

/** The Hugo peer site (as `../shared/bench/setup-peers.sh` lays it out), or null without `hugo`. */
export function hugoSite(work) {
  if (spawnSync('hugo', ['version'], { stdio: 'ignore' }).status !== 0) return null;
  const site = path.join(work, 'peers/hugo');
  if (!existsSync(path.join(site, 'hugo.toml'))) {
    // setup-peers.sh would also npm-install Eleventy and the floor; Hugo only needs its files.
    const files = path.join(SHARED, 'bench/peer-files/hugo');
    if (!existsSync(files)) return null;
    cpSync(files, site, { recursive: true });
    chmodSync(site, 0o755);
  }
  return site;
}

// ---------- statistics ----------

export function median(values) {
  const sorted = values.filter((v) => v !== null && v !== undefined).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Median of each stage over several runs, stages in the order the build reported them. */
function medianTimings(runs) {
  const names = [];
  for (const run of runs) for (const name of Object.keys(run.timings)) if (!names.includes(name)) names.push(name);
  return Object.fromEntries(names.map((name) => [name, median(runs.map((run) => run.timings[name]))]));
}

// ---------- one corpus ----------

/**
 * Cold builds (fresh output folder, no cache), alternating with Hugo when `site` is given, then
 * rebuilds with nothing changed (same output folder and cache).
 */
export function benchCorpus({ name, input, work, runs, warmup, site, search = true }) {
  const out = path.join(work, 'out', name);
  const cache = path.join(work, 'cache', name);
  const hugoOut = path.join(work, 'out', `${name}-hugo`);
  const cold = [];
  const hugo = [];
  const ratios = [];
  const fresh = () => {
    rmSync(out, { recursive: true, force: true });
    rmSync(cache, { recursive: true, force: true });
  };
  for (let i = 0; i < warmup + runs; i++) {
    fresh();
    const ours = measureOurs(input, out, cache);
    let peer = null;
    if (site) {
      rmSync(hugoOut, { recursive: true, force: true });
      peer = measureHugo(input, hugoOut, site);
    }
    if (i < warmup) continue;
    cold.push(ours);
    if (peer) {
      hugo.push(peer);
      ratios.push(ours.wall / peer.wall);
    }
    process.stderr.write(`bench: ${name} cold ${ours.wall.toFixed(2)} s${peer ? `, hugo ${peer.wall.toFixed(2)} s` : ''}\n`);
  }
  const rebuilds = [];
  for (let i = 0; i < runs; i++) rebuilds.push(measureOurs(input, out, cache));
  rmSync(hugoOut, { recursive: true, force: true });
  // The full-text search index is reported on its own (Hugo builds none): one cold build with it.
  fresh();
  const withSearch = search ? measureOurs(input, out, cache, { search: true }) : null;
  return {
    name,
    articles: cold[0]?.articles ?? 0,
    pages: cold[0]?.pages ?? 0,
    runs,
    wall: median(cold.map((r) => r.wall)),
    wallMin: Math.min(...cold.map((r) => r.wall)),
    wallMax: Math.max(...cold.map((r) => r.wall)),
    cpu: median(cold.map((r) => r.cpu)),
    peakMiB: median(cold.map((r) => r.ownPeakMiB ?? r.peakMiB)),
    search: withSearch ? { wall: withSearch.wall, ms: withSearch.timings.search ?? null, peakMiB: withSearch.peakMiB, ownPeakMiB: withSearch.ownPeakMiB, files: withSearch.pages } : null,
    stages: medianTimings(cold),
    rebuild: median(rebuilds.map((r) => r.wall)),
    rebuildStages: medianTimings(rebuilds),
    hugo: hugo.length ? { wall: median(hugo.map((r) => r.wall)), peakMiB: median(hugo.map((r) => r.peakMiB)), ratio: median(ratios) } : null,
  };
}

// ---------- per-article probes ----------

/** Times each probe's per-article function over the parsed articles of `input`; probes whose module is missing are skipped. */
export async function probePerArticle(input, probes = PER_ARTICLE_PROBES) {
  if (probes.length === 0) return [];
  const { build } = await import(pathToFileURL(path.join(REPO, 'lib/build.js')).href);
  const { resolveConfig } = await import(pathToFileURL(path.join(REPO, 'lib/config.js')).href);
  const scratch = mkdtempSync(path.join(tmpdir(), 'dossier-probe-'));
  const config = resolveConfig(REPO, { input, output: path.join(scratch, 'out') });
  const result = await build(config, { cwd: REPO, write: false });
  rmSync(scratch, { recursive: true, force: true });
  const articles = result.archive?.articles ?? [];
  const rows = [];
  for (const probe of probes) {
    const file = path.join(REPO, probe.module);
    if (!existsSync(file)) {
      rows.push({ name: probe.name, skipped: `${probe.module} not built` });
      continue;
    }
    const fn = (await import(pathToFileURL(file).href))[probe.export];
    if (typeof fn !== 'function') {
      rows.push({ name: probe.name, skipped: `${probe.module} has no export ${probe.export}` });
      continue;
    }
    const started = performance.now();
    for (const article of articles) fn(article);
    const ms = performance.now() - started;
    rows.push({ name: probe.name, articles: articles.length, ms, msPerArticle: ms / Math.max(1, articles.length) });
  }
  return rows;
}

// ---------- printing ----------

const s = (x, d = 2) => (x === null || x === undefined ? '–' : x.toFixed(d));

/** Issue 8's scale limits: 100k articles within 11× the 10k wall time, and under 2 GiB. */
const LINEAR_LIMIT = 11;
const PEAK_100K_LIMIT_MIB = 2048;

export function formatTables(results, probes) {
  const lines = [];
  lines.push('| corpus | articles | files | cold wall s, median (min–max) | ms/article | cpu s | peak MiB | no-change rebuild s (% of cold) | Hugo wall s | Hugo peak MiB | wall ÷ Hugo (paired) | + search index: stage s / wall s / peak MiB (all processes) |');
  lines.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of results) {
    lines.push(
      `| ${r.name} | ${r.articles} | ${r.pages} | ${s(r.wall)} (${s(r.wallMin)}–${s(r.wallMax)}) | ${s((r.wall * 1000) / Math.max(1, r.articles), 3)} | ${s(r.cpu)} | ${s(r.peakMiB, 0)} | ` +
        `${s(r.rebuild)} (${s((100 * r.rebuild) / r.wall, 0)}%) | ${r.hugo ? s(r.hugo.wall) : '–'} | ${r.hugo ? s(r.hugo.peakMiB, 0) : '–'} | ${r.hugo ? s(r.hugo.ratio) : '–'} | ` +
        `${r.search ? `${s(r.search.ms === null ? null : r.search.ms / 1000)} / ${s(r.search.wall)} / ${s(r.search.peakMiB, 0)}` : '–'} |`,
    );
  }
  // Every stage any build reported, in the order reported: new stages show up without changes here.
  const stages = [];
  for (const r of results) for (const name of Object.keys(r.stages)) if (!stages.includes(name)) stages.push(name);
  lines.push('', 'Per stage, cold build: ms (ms/article), median; "rebuild" is the no-change rebuild. Render, publish and write run as one stream (each page is written as soon as it is made): render and publish are the time spent making pages, write the rest of the stream and the swap.', '');
  lines.push(`| corpus | ${stages.join(' | ')} | rebuild: ${stages.join(' | rebuild: ')} |`);
  lines.push(`|---|${stages.map(() => '---:').join('|')}|${stages.map(() => '---:').join('|')}|`);
  for (const r of results) {
    const cell = (t, name) => (t[name] === undefined || t[name] === null ? '–' : `${t[name].toFixed(0)} (${(t[name] / Math.max(1, r.articles)).toFixed(3)})`);
    lines.push(`| ${r.name} | ${stages.map((n) => cell(r.stages, n)).join(' | ')} | ${stages.map((n) => cell(r.rebuildStages, n)).join(' | ')} |`);
  }
  const seeds = results.find((r) => r.name === 'seeds');
  if (seeds) lines.push('', `Three seeds, cold build: ${s(seeds.wall)} s wall (${seeds.wall < SEEDS_LIMIT_S ? 'under' : 'OVER'} the ${SEEDS_LIMIT_S} s target).`);
  // Issue 8: time grows linearly, 100,000 articles in at most 11 times the 10,000 time.
  const tenK = results.find((r) => r.name === 'synthetic-10000');
  const hundredK = results.find((r) => r.name === 'synthetic-100000');
  if (tenK && hundredK) {
    const ratio = hundredK.wall / tenK.wall;
    lines.push('', `100,000 ÷ 10,000 articles, cold wall: ${s(ratio)} (${ratio <= LINEAR_LIMIT ? 'within' : 'OVER'} the ${LINEAR_LIMIT}× limit); peak ${s(hundredK.peakMiB, 0)} MiB at 100,000 (limit ${PEAK_100K_LIMIT_MIB}).`);
  }
  if (probes.length) {
    lines.push('', '| per-article stage (BBC) | articles | ms | ms/article |', '|---|---:|---:|---:|');
    for (const p of probes) lines.push(p.skipped ? `| ${p.name} | skipped: ${p.skipped} | | |` : `| ${p.name} | ${p.articles} | ${s(p.ms, 0)} | ${s(p.msPerArticle, 3)} |`);
  }
  return lines.join('\n');
}

export function machine() {
  const cpuModel = cpus()[0]?.model ?? 'unknown';
  return `${cpus().length} cores (${cpuModel}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node ${process.version}`;
}

// ---------- main ----------

export async function runBench(argv = process.argv.slice(2)) {
  const { values } = parseArgs({
    args: argv,
    options: {
      sizes: { type: 'string' },
      full: { type: 'boolean' },
      runs: { type: 'string' },
      warmup: { type: 'string' },
      'no-hugo': { type: 'boolean' },
      'no-search': { type: 'boolean' },
      skip: { type: 'string' },
      work: { type: 'string' },
      json: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(`Usage: npm run bench -- [options]

Builds the seeds, the BBC corpus (when ../shared/corpus/bbc exists) and synthetic corpora, each in its
own process, and prints wall time, cpu, peak memory, per-stage times, the no-change rebuild, the ratio
to Hugo (when hugo is installed, measured alternately), per-article extraction times and the time
from saving an article to its page on disk while watching (the seeds, BBC, and the 16,000-article
corpus when it is among --sizes, with the watch process's memory after 100 edits).

  --sizes N,N     synthetic corpus sizes (default 4000,16000; 0 for none)
  --full          add the 10,000 and 100,000-article corpora (and their ratio)
  --runs N        counted runs per corpus (default 3)
  --warmup N      warm-up runs per corpus (default 1)
  --no-hugo       do not measure Hugo
  --no-search     leave out the search index
  --skip a,b      skip corpora or parts: seeds, bbc, edit
  --work DIR      scratch folder (default $TMPDIR/dossier-bench)
  --json FILE     also write the figures as JSON`);
    return { results: [], probes: [] };
  }
  const sizes = values.sizes !== undefined ? values.sizes.split(',').map(Number).filter((n) => n > 0) : values.full ? [4000, 10000, 16000, 100000] : [4000, 16000];
  const runs = Number(values.runs ?? 3);
  const warmup = Number(values.warmup ?? 1);
  const skip = new Set((values.skip ?? '').split(',').filter(Boolean));
  const work = path.resolve(values.work ?? path.join(tmpdir(), 'dossier-bench'));
  mkdirSync(work, { recursive: true });
  const site = values['no-hugo'] ? null : hugoSite(work);

  const results = [];
  if (!skip.has('seeds')) results.push(benchCorpus({ name: 'seeds', input: path.join(REPO, 'seeds'), work, runs, warmup, site: null, search: !values['no-search'] }));
  const bbc = path.join(SHARED, 'corpus/bbc');
  const hasBbc = existsSync(bbc) && !skip.has('bbc');
  // Hugo has no reader for .txt content, so the BBC corpus and the seeds have no Hugo column.
  if (hasBbc) results.push(benchCorpus({ name: 'bbc', input: bbc, work, runs, warmup, site: null, search: !values['no-search'] }));
  /** Synthetic corpora large enough for issue 8's watch target (16,000 articles), measured while watching after the builds. */
  const watched = [];
  for (const size of sizes) {
    const input = syntheticCorpus(work, size);
    if (input && size === 16000) watched.push({ name: `synthetic-${size}`, input, ...LARGE_ARCHIVE_CASE });
    if (!input) {
      process.stderr.write(`bench: ${path.join(SHARED, 'bench/make-corpus.mjs')} not found; skipping ${size}\n`);
      continue;
    }
    // The 100,000 corpus is slow: one warm-up is enough to fill the page cache.
    results.push(benchCorpus({ name: `synthetic-${size}`, input, work, runs: size >= 100000 ? Math.min(runs, 1) : runs, warmup: size >= 100000 ? 0 : warmup, site, search: !values['no-search'] }));
  }
  const probes = hasBbc ? await probePerArticle(bbc) : [];

  console.log(`\nDossier bench — ${machine()}${site ? `, ${spawnSync('hugo', ['version'], { encoding: 'utf8' }).stdout.trim().split(' ')[1]}` : ', no hugo'}`);
  console.log(`runs ${runs} + warm-up ${warmup} per corpus; wall = whole process, start-up included, search index excluded; peak = max RSS of Dossier's process\n`);
  console.log(formatTables(results, probes));
  if (!skip.has('edit')) {
    console.log('');
    await reportEditLatency(EDIT_LATENCY_CASES);
    for (const large of watched) reportLargeEditLatency(large);
  }
  if (values.json) {
    const { writeFileSync } = await import('node:fs');
    writeFileSync(values.json, `${JSON.stringify({ machine: machine(), results, probes }, null, 2)}\n`);
  }
  return { results, probes };
}

/**
 * The large watch case runs in a process of its own: a watch session holds far more than a single
 * build, and if it runs out of memory that is a figure to report, not the end of the bench.
 */
export function reportLargeEditLatency({ name, input }) {
  const child = spawnSync(process.execPath, [path.join(REPO, 'bench/edit-latency.mjs'), input], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const output = (child.stdout ?? '').replace(`edit latency, ${path.basename(input)}`, `edit latency, ${name}`).trim();
  if (child.status === 0) {
    console.log(output);
    return;
  }
  const outOfMemory = /heap out of memory|Reached heap limit/.test(child.stderr ?? '');
  const how = outOfMemory ? 'ran out of memory' : child.signal ? `was stopped by ${child.signal}` : `failed with exit code ${child.status}`;
  console.log(`edit latency, ${name}: the watch process ${how}; no figures.${outOfMemory ? '' : `\n${(child.stderr ?? '').trim().split('\n').slice(-5).join('\n')}`}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await runBench();
}
