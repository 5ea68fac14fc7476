#!/usr/bin/env node
/**
 * Entity extraction time per article on the BBC corpus (../shared/corpus/bbc), after `tsc -b`.
 * Parsing is done first and not timed; the gazetteer is loaded once before timing (it is loaded once
 * per build too). Prints one line: articles, ms per article, entities, mentions.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractEntities, EMPTY_REGISTRY } from '../lib/extract/entities/index.js';
import { loadGazetteer } from '../lib/extract/entities/gazetteer.js';
import { assignUrls } from '../lib/parse/assignUrls.js';
import { parseArticle } from '../lib/parse/parseArticle.js';
import { readSources } from '../lib/read/readSources.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpus = path.resolve(repo, '../shared/corpus/bbc');
if (!existsSync(corpus)) {
  console.log(`entities: skipped, no corpus at ${corpus}`);
  process.exit(0);
}
const drafts = [];
for (const topic of ['business', 'entertainment', 'politics', 'sport', 'tech']) {
  for (const source of readSources(path.join(corpus, topic), repo).sources) {
    const article = parseArticle({ ...source, relativePath: `${topic}/${source.relativePath}` }).article;
    if (article) drafts.push(article);
  }
}
const articles = assignUrls(drafts, (a) => a.sourcePath).articles;
const loadStart = performance.now();
loadGazetteer();
const loadMs = performance.now() - loadStart;
const runs = [];
let result;
for (let run = 0; run < 3; run++) {
  const started = performance.now();
  result = extractEntities(articles, EMPTY_REGISTRY);
  runs.push(performance.now() - started);
}
const best = Math.min(...runs);
console.log(
  `entities: ${articles.length} articles, ${(best / articles.length).toFixed(3)} ms/article (best of 3, ${best.toFixed(0)} ms total; gazetteer load ${loadMs.toFixed(0)} ms once), ${result.entities.length} entities, ${result.mentions.length} mentions`,
);
