/**
 * Caseload snapshot at a date D (measures.md).
 */
import type { Study } from '../study/study.js';
import { EVENT } from '../study/vocabulary.js';
import { formatDay, parseISODate, type Day } from '../time/days.js';
import { columnsOf } from './columns.js';
import { labelCollator } from './groups.js';
import { MeasureOptionError } from './options.js';
import type { SnapshotResult, SnapshotRow } from './types.js';

type SnapshotPlace = 'not in service' | 'in custody' | 'in the community';

/**
 * Where person row i is at D, using every event dated on or before D (the
 * person's follow_up_end plays no part). In service when (in_reach_start ≤ D or
 * r ≤ D) and (no service_end or service_end ≥ D). In custody when not released
 * by D (no r, or D < r), or when the latest recall in [r, D] has no rerelease on
 * or after its day and on or before D; on one day a recall comes before a
 * rerelease (the events' sort order), so recalled and re-released on D is in the community.
 * A person who died before D is not in service.
 */
export function placeAt(study: Study, i: number, day: Day): SnapshotPlace {
  const { people: p, events: ev, personStart } = columnsOf(study);
  const r = p.releaseDate[i];
  const started = p.inReachStart[i] <= day || r <= day;
  const e = p.serviceEnd[i];
  if (!started || e < day) return 'not in service';
  // The snapshot leaves out people who died before D (measures.md "Competing risks").
  for (let x = personStart[i], stop = personStart[i + 1]; x < stop && ev.date[x] < day; x++) if (ev.type[x] === EVENT.death) return 'not in service';
  if (Number.isNaN(r) || day < r) return 'in custody';
  let custody = false;
  for (let x = personStart[i], stop = personStart[i + 1]; x < stop; x++) {
    const d = ev.date[x];
    if (d > day) break; // sorted by date, then recall before rerelease
    const t = ev.type[x];
    if (t === EVENT.recall) {
      if (d >= r) custody = true;
    } else if (t === EVENT.rerelease) {
      // Only a rerelease after the latest recall (in sort order) can end it.
      if (custody) custody = false;
    }
  }
  return custody ? 'in custody' : 'in the community';
}

/**
 * The caseload at D over everyone in the people table, included or not: counts
 * in custody and in the community, per service (every service in the people
 * table, zeros included, sorted by name) and in total.
 */
export function caseloadSnapshot(study: Study, day: Day | string): SnapshotResult {
  const d = typeof day === 'string' ? parseISODate(day) : day;
  if (d === undefined || !Number.isFinite(d)) throw new MeasureOptionError(`Snapshot date "${day}" is not a YYYY-MM-DD date.`);
  const p = columnsOf(study).people;
  const rowOf = new Map<string, SnapshotRow>();
  for (let i = 0; i < p.n; i++) {
    const service = p.service[i];
    let row = rowOf.get(service);
    if (!row) rowOf.set(service, (row = { service, inCustody: 0, inCommunity: 0, total: 0 }));
    const place = placeAt(study, i, d);
    if (place === 'not in service') continue;
    if (place === 'in custody') row.inCustody++;
    else row.inCommunity++;
    row.total++;
  }
  const byService = [...rowOf.values()].sort((a, b) => labelCollator.compare(a.service, b.service));
  let inCustody = 0;
  let inCommunity = 0;
  for (const row of byService) {
    inCustody += row.inCustody;
    inCommunity += row.inCommunity;
  }
  return { date: formatDay(d) as string, inCustody, inCommunity, total: inCustody + inCommunity, byService };
}
