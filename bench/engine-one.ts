/**
 * One `--engine duckdb` run in its own process (issue 16): every measure of a
 * benchmark cohort on embedded DuckDB, checks included, with the process's
 * time, CPU time and peak memory (DuckDB's native memory is the process's too). Prints one JSON line.
 *
 *   tsx bench/engine-one.ts DIR [MEMORY_LIMIT]
 */
import { join } from 'node:path';
import { measuresWithDuckDb } from '../src/engine/index.js';

/** CPU time of the whole process, DuckDB's threads included: on a busy machine it moves less than the wall clock. */
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const [dir, memoryLimit] = process.argv.slice(2);
const t = process.hrtime.bigint();
const measures = await measuresWithDuckDb(
  {
    title: null,
    people: join(dir, 'people.csv'),
    events: join(dir, 'events.csv'),
    offences: null,
    extractionDate: '2024-03-31',
    snapshotDate: null,
    options: {},
  },
  memoryLimit ? { memoryLimit } : {},
);
const ms = Number(process.hrtime.bigint() - t) / 1e6;
process.stdout.write(
  `${JSON.stringify({ people: measures.dataQuality.people.read, events: measures.dataQuality.events.read, cohort: measures.flow.cohort, ms, cpuMs: cpuMs(), maxRssMB: process.resourceUsage().maxRSS / 1024 })}\n`,
);
