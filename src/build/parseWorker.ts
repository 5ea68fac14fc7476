/**
 * The build worker's entry point (see `workerPool.ts`): the per-file tasks a build can hand to
 * other threads. Each is a pure function of the item it receives.
 */
import { parentPort } from 'node:worker_threads';
import { extractEvents } from '../extract/events/extract.js';
import { parseArticle } from '../parse/parseArticle.js';
import type { SourceFile } from '../types.js';
import type { ParsedFile } from './parallelParse.js';
import { serveTasks } from './workerPool.js';

/** Parses one file and, when it yields an article, finds its dated sentences (they need nothing else). */
function parseWithEvents(source: SourceFile): ParsedFile {
  const result = parseArticle(source);
  return { result, events: result.article ? extractEvents(result.article) : null };
}

if (parentPort) serveTasks(parentPort, { parseWithEvents });
