/**
 * The adjusted comparison's model fits (measures.md, "Services compared, adjusted for whom
 * they take on") beside this thread: jobs go to one worker thread while this thread goes on
 * with the other measures and fits the rest. The measures are computed synchronously, so
 * this thread waits for the worker's replies on a shared counter (Atomics.wait) and takes
 * them off its port with receiveMessageOnPort, without an event loop. Below
 * `WORKER_MIN_ROWS` rows a worker's start costs more than it saves and every job runs here.
 * Results do not depend on where a job ran (model-fit-jobs.ts).
 */
import { MessageChannel, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import { startWorker } from '../records/worker-code.js';
import { runModelFit, type ModelFitJob, type ModelFitResult } from './model-fit-jobs.js';

/** Rows of the largest model below which no worker is started. */
const WORKER_MIN_ROWS = 50_000;

/** Where the jobs run: `auto` uses a worker from WORKER_MIN_ROWS rows; tests force either. */
export type FitPlacement = 'auto' | 'worker' | 'here';

/** Fits models beside this thread: on one worker thread, or, without one, here when taken. */
interface ModelFitter {
  /** Starts the job (on the worker, after the ones before it); the function returned waits for its result. */
  beside(job: ModelFitJob): () => ModelFitResult;
  /** Ends the worker (safe to call more than once, and after a failure). */
  stop(): void;
}

/**
 * A fitter for models of about `rows` rows: a worker thread from WORKER_MIN_ROWS rows
 * (or always, or never, as `placement` says).
 */
export function modelFitter(rows: number, placement: FitPlacement = 'auto'): ModelFitter {
  if (placement === 'here' || (placement === 'auto' && rows < WORKER_MIN_ROWS)) {
    return { beside: (job) => () => runModelFit(job), stop: () => {} };
  }
  let worker: ReturnType<typeof startFitWorker> | null = null;
  return {
    beside(job) {
      worker ??= startFitWorker();
      return worker.send(job);
    },
    stop() {
      worker?.stop();
    },
  };
}

/** One worker thread; `send` starts a job and returns the function that waits for its result. */
function startFitWorker(): { send(job: ModelFitJob): () => ModelFitResult; stop(): void } {
  const { port1, port2 } = new MessageChannel();
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const worker = startWorker(new URL('./model-fit-worker.ts', import.meta.url), { workerData: { port: port2, signal }, transferList: [port2] });
  worker.unref();
  let seen = 0;
  const replies: unknown[] = [];
  // Replies come in the order the jobs were sent; each raises the counter once, after it is posted.
  const next = (port: MessagePort): unknown => {
    for (;;) {
      const message = receiveMessageOnPort(port);
      if (message !== undefined) return message.message;
      Atomics.wait(signal, 0, seen);
      seen = Atomics.load(signal, 0);
    }
  };
  let sent = 0;
  let taken = 0;
  return {
    send(job) {
      const index = sent++;
      port1.postMessage(job);
      return () => {
        while (taken <= index) replies[taken++] = next(port1);
        const reply = replies[index] as { result: ModelFitResult } | { error: string };
        if ('error' in reply) throw new Error(`a model fit on a worker thread failed: ${reply.error}`);
        return reply.result;
      };
    },
    stop() {
      port1.close();
      void worker.terminate();
    },
  };
}
