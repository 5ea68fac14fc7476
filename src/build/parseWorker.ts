/**
 * The build worker's entry point (see `workerPool.ts`): the per-file tasks a build can hand to
 * other threads. Each is a pure function of the item it receives.
 */
import { parentPort } from 'node:worker_threads';
import { parseWithEvents } from './parallelParse.js';
import { serveTasks } from './workerPool.js';

if (parentPort) serveTasks(parentPort, { parseWithEvents });
