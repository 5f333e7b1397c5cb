/**
 * The SHA-256 of a file computed in a worker thread, so that hashing a large
 * events file (a second or so) overlaps with reading the people. The worker
 * is plain JavaScript: it starts at once, with no TypeScript to load. It
 * reads the handle the parts read (a descriptor belongs to the process), by
 * position, so the hash is of the bytes the rows came from.
 */
import { Worker } from 'node:worker_threads';
import type { OpenHandle } from './open-input.js';
import type { FileInfo } from './sources.js';

const HASH_WORKER = `
const { workerData, parentPort } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const { readSync } = require('node:fs');
const hash = createHash('sha256');
const block = Buffer.allocUnsafe(1 << 23);
const fd = workerData;
let bytes = 0;
for (let n; (n = readSync(fd, block, 0, block.length, bytes)) > 0; bytes += n) hash.update(block.subarray(0, n));
parentPort.postMessage({ bytes, sha256: hash.digest('hex') });`;

/** Size and SHA-256 of an open file, read in another thread (the handle is left open). */
export function hashFileInWorker(file: OpenHandle): Promise<FileInfo> {
  const path = file.path;
  return new Promise((resolve, reject) => {
    const worker = new Worker(HASH_WORKER, { eval: true, workerData: file.fd });
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the thread hashing ${path} stopped (exit code ${code}) before it was done`)));
  });
}
