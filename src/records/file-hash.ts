/**
 * The SHA-256 of a file computed in a worker thread, so that hashing a large
 * events file (a second or so) overlaps with reading the people. The worker
 * is plain JavaScript: it starts at once, with no TypeScript to load.
 */
import { Worker } from 'node:worker_threads';
import type { FileInfo } from './sources.js';

const HASH_WORKER = `
const { workerData, parentPort } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const { openSync, readSync, closeSync } = require('node:fs');
const hash = createHash('sha256');
const block = Buffer.allocUnsafe(1 << 23);
const fd = openSync(workerData, 'r');
let bytes = 0;
try {
  for (let n; (n = readSync(fd, block, 0, block.length, null)) > 0; bytes += n) hash.update(block.subarray(0, n));
} finally {
  closeSync(fd);
}
parentPort.postMessage({ bytes, sha256: hash.digest('hex') });`;

/** Size and SHA-256 of a file, read in another thread. */
export function hashFileInWorker(path: string): Promise<FileInfo> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(HASH_WORKER, { eval: true, workerData: path });
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the thread hashing ${path} stopped (exit code ${code}) before it was done`)));
  });
}
