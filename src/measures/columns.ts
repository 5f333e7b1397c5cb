/**
 * Plain-array views of a study's columns, read once per study and cached, so
 * the measures can loop over typed arrays with `personStart` and never touch
 * arquero verbs in their hot paths.
 */
import type { ColumnTable } from 'arquero';
import type { Study } from '../study/study.js';
import { EVENT } from '../study/vocabulary.js';

export interface PeopleColumns {
  n: number;
  service: ArrayLike<string>;
  releaseDate: Float64Array;
  serviceEnd: Float64Array;
  /**
   * F: follow_up_end (or the extraction date), or the date of death when the
   * person died on or before it (measures.md "Competing risks": F = min(F, death)).
   */
  followUpEnd: Float64Array;
  /** follow_up_end as recorded (defaulted to the extraction date), before deaths end it. */
  recordedFollowUpEnd: Float64Array;
  /** The date of death when on or before the recorded follow_up_end; NaN otherwise (a later death is ignored, as any event after F). */
  deathDate: Float64Array;
  /** True when at least one person has a deathDate. */
  anyDeath: boolean;
  inReachStart: Float64Array;
  included: ArrayLike<boolean>;
  indexOffenceRow: Int32Array;
  endReason: ArrayLike<string | null>;
  exclusionReason: ArrayLike<string | null>;
}

export interface EventColumns {
  n: number;
  person: Int32Array;
  type: Uint8Array;
  date: Float64Array;
  convictionDate: Float64Array;
  offence: Int32Array;
  recallReasons: Uint8Array;
}

interface StudyColumns {
  people: PeopleColumns;
  events: EventColumns;
  personStart: Int32Array;
}

const cache = new WeakMap<Study, StudyColumns>();

/**
 * A column of a table as the array that backs it. The measures index people and
 * events by row, so a filtered or reordered table would silently mismatch
 * `personStart`: refuse it.
 */
export function rawColumn<T>(table: ColumnTable, name: string, tableName: string): T {
  if (table.isFiltered() || table.isOrdered()) {
    throw new Error(`The study's ${tableName} table is filtered or ordered; the measures need the table as loaded.`);
  }
  const column = table.column(name) as unknown;
  if (column === undefined) throw new Error(`The study's ${tableName} table has no column "${name}".`);
  return column as T;
}

function typed<T extends Float64Array | Int32Array | Uint8Array>(
  table: ColumnTable,
  name: string,
  tableName: string,
  Ctor: { new (n: number): T },
  missing: number,
): T {
  const column = rawColumn<ArrayLike<number>>(table, name, tableName);
  if (column instanceof Ctor) return column as T;
  // A column that arrived as a plain array (e.g. a study built by hand in a notebook).
  const out = new Ctor(table.totalRows());
  for (let i = 0; i < out.length; i++) {
    const v = column[i] as number | null | undefined;
    out[i] = v === null || v === undefined ? missing : v;
  }
  return out;
}

/** The study's columns as plain arrays (cached per study object). */
export function columnsOf(study: Study): StudyColumns {
  const hit = cache.get(study);
  if (hit) return hit;
  const p = study.people;
  const e = study.events;
  const recordedFollowUpEnd = typed(p, 'follow_up_end', 'people', Float64Array, NaN);
  const people: PeopleColumns = {
    n: p.totalRows(),
    service: rawColumn<ArrayLike<string>>(p, 'service', 'people'),
    releaseDate: typed(p, 'release_date', 'people', Float64Array, NaN),
    serviceEnd: typed(p, 'service_end', 'people', Float64Array, NaN),
    followUpEnd: recordedFollowUpEnd,
    recordedFollowUpEnd,
    deathDate: new Float64Array(0),
    anyDeath: false,
    inReachStart: typed(p, 'in_reach_start', 'people', Float64Array, NaN),
    included: rawColumn<ArrayLike<boolean>>(p, 'included', 'people'),
    indexOffenceRow: typed(p, 'index_offence_row', 'people', Int32Array, -1),
    endReason: rawColumn<ArrayLike<string | null>>(p, 'end_reason', 'people'),
    exclusionReason: rawColumn<ArrayLike<string | null>>(p, 'exclusion_reason', 'people'),
  };
  const events: EventColumns = {
    n: e.totalRows(),
    person: typed(e, 'person', 'events', Int32Array, -1),
    type: typed(e, 'type', 'events', Uint8Array, 255),
    date: typed(e, 'date', 'events', Float64Array, NaN),
    convictionDate: typed(e, 'conviction_date', 'events', Float64Array, NaN),
    offence: typed(e, 'offence', 'events', Int32Array, -1),
    recallReasons: typed(e, 'recall_reasons', 'events', Uint8Array, 0),
  };
  if (study.personStart.length !== people.n + 1) {
    throw new Error(`personStart has ${study.personStart.length} entries for ${people.n} people; expected ${people.n + 1}.`);
  }
  endFollowUpAtDeath(people, events);
  const cols = { people, events, personStart: study.personStart };
  cache.set(study, cols);
  return cols;
}

/**
 * F = min(F, date of death) (measures.md "Competing risks"): a death on or
 * before the recorded F ends the follow-up; a later one is ignored. Without a
 * death the columns are left as they are.
 */
function endFollowUpAtDeath(people: PeopleColumns, events: EventColumns): void {
  const death = new Float64Array(people.n).fill(NaN);
  let any = false;
  for (let k = 0; k < events.n; k++) {
    if (events.type[k] !== EVENT.death) continue;
    const i = events.person[k];
    if (events.date[k] <= people.recordedFollowUpEnd[i] && !(events.date[k] >= death[i])) {
      death[i] = events.date[k];
      any = true;
    }
  }
  people.deathDate = death;
  people.anyDeath = any;
  if (!any) return;
  const f = people.recordedFollowUpEnd.slice();
  for (let i = 0; i < people.n; i++) if (death[i] < f[i]) f[i] = death[i];
  people.followUpEnd = f;
}
