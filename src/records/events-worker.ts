/**
 * A worker thread reading one part of an events file (see events-chunk.ts):
 * it reads the part at once, then waits for the people and sends the part back.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { startEventsChunk, transferablesOf, type EventsChunkJob } from './events-chunk.js';
import type { PeopleIndexParts } from './person-index.js';

console.error('  worker start', Math.round(performance.timeOrigin + performance.now()) % 100000);
const finish = startEventsChunk((workerData as { job: EventsChunkJob }).job);
console.error('  worker read', Math.round(performance.timeOrigin + performance.now()) % 100000);
parentPort!.once('message', (people: PeopleIndexParts | null) => {
  console.error('  worker people', Math.round(performance.timeOrigin + performance.now()) % 100000);
  const result = finish(people);
  console.error('  worker resolved', Math.round(performance.timeOrigin + performance.now()) % 100000);
  parentPort!.postMessage(result, transferablesOf(result));
});
