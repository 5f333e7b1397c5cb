/**
 * A worker thread fitting the adjusted comparison's models (model-fit-jobs.ts) beside the
 * main thread: each job that comes in on its port is fitted and sent back in order, then
 * the shared counter is raised so a main thread waiting on it wakes (model-fits.ts).
 */
import { type MessagePort, workerData } from 'node:worker_threads';
import { runModelFit, type ModelFitJob } from './model-fit-jobs.js';

const { port, signal } = workerData as { port: MessagePort; signal: Int32Array };
port.on('message', (job: ModelFitJob) => {
  let reply: { result: unknown } | { error: string };
  try {
    reply = { result: runModelFit(job) };
  } catch (e) {
    reply = { error: e instanceof Error ? (e.stack ?? e.message) : String(e) };
  }
  port.postMessage(reply);
  Atomics.add(signal, 0, 1);
  Atomics.notify(signal, 0);
});
