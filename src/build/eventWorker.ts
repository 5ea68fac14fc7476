/**
 * The event thread's entry point (see `eventThread.ts`): finds the dated sentences of the reduced
 * articles it is sent. Lighter than the parse worker: it loads no parser.
 */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { packEvents } from './packedEvents.js';
import { serveTasks } from './workerPool.js';

/** The port the build talks to it on (see `EventThread`), else the worker's own. */
const port = (workerData as { port?: MessagePort } | null)?.port ?? parentPort;
if (port) serveTasks(port, { eventsOf: packEvents });
