/**
 * The event thread's entry point (see `eventThread.ts`): finds the dated sentences of the reduced
 * articles it is sent. Lighter than the parse worker: it loads no parser.
 */
import { parentPort } from 'node:worker_threads';
import { packEvents } from './packedEvents.js';
import { serveTasks } from './workerPool.js';

if (parentPort) serveTasks(parentPort, { eventsOf: packEvents });
