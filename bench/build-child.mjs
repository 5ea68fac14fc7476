#!/usr/bin/env node
// build-child.mjs --input DIR --out DIR [--cache DIR] [--no-write] [--no-search] [--workers N] [--no-event-thread] [--no-writer-thread]
// One build in a process of its own, so `/usr/bin/time` around it measures wall time, cpu and peak
// memory of exactly one build, start-up included (as the peers are measured). Prints one JSON line:
// { ok, articles, pages, timings, errors } on stdout. Run from the repository root (it resolves the
// project's templates and static files from the working directory, like `dossier build`).
import { parseArgs } from 'node:util';
import { build } from '../lib/build.js';
import { resolveConfig } from '../lib/config.js';

const { values } = parseArgs({
  options: { input: { type: 'string' }, out: { type: 'string' }, cache: { type: 'string' }, 'no-write': { type: 'boolean' }, 'no-search': { type: 'boolean' }, workers: { type: 'string' }, 'no-event-thread': { type: 'boolean' }, 'no-writer-thread': { type: 'boolean' } },
});
const cwd = process.cwd();
const config = resolveConfig(cwd, { input: values.input, output: values.out });
const options = { cwd, ...(values['no-write'] ? { write: false } : {}), ...(values['no-search'] ? { search: false } : {}), ...(values.cache ? { cacheDir: values.cache } : {}), ...(values.workers !== undefined ? { workers: Number(values.workers) } : {}), ...(values['no-event-thread'] ? { eventThread: false } : {}), ...(values['no-writer-thread'] ? { writerThread: false } : {}) };
const result = await build(config, options);
const errors = result.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.file ?? ''}: ${d.message}`);
process.stdout.write(`${JSON.stringify({ ok: result.ok, articles: result.articles, pages: result.pages, timings: result.timings, errors: errors.slice(0, 5), maxRssKiB: process.resourceUsage().maxRSS })}\n`);
process.exitCode = result.ok ? 0 : 1;
