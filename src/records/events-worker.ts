/**
 * A worker thread reading one part of an events file (see events-chunk.ts):
 * it reads the part at once, then waits for the people and sends the part back.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { startEventsChunk, transferablesOf, type EventsChunkJob } from './events-chunk.js';
import type { PeopleIndexParts } from './person-index.js';

const finish = startEventsChunk((workerData as { job: EventsChunkJob }).job);
parentPort!.once('message', (people: PeopleIndexParts | null) => {
  const result = finish(people);
  parentPort!.postMessage(result, transferablesOf(result));
});
