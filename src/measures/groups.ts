/**
 * Grouping columns for subgroup comparisons and the cohort description: any
 * column of people (extras included) or of the offence lookup, the latter
 * read through each person's index offence.
 */
import { codeArray } from '../stats/code-array.js';
import type { Study } from '../study/study.js';
import { END_REASONS, MODES_OF_TRIAL, OFFENCE_CATEGORIES, SEXES } from '../study/vocabulary.js';
import { formatDay } from '../time/days.js';
import { columnsOf, rawColumn } from './columns.js';
import { MeasureOptionError } from './options.js';

/** The label of a person whose grouping value is blank. */
export const NOT_RECORDED = 'not recorded';

/** Columns read from the offence lookup through the index offence (they win over a people column of the same name). */
const LOOKUP_COLUMNS = ['category', 'group', 'mode_of_trial', 'label', 'severity'] as const;

const DATE_COLUMNS = new Set(['referral_date', 'in_reach_start', 'release_date', 'service_end', 'follow_up_end']);
const VOCABULARY_ORDER: Record<string, readonly string[]> = {
  category: OFFENCE_CATEGORIES,
  mode_of_trial: MODES_OF_TRIAL,
  sex: SEXES,
  end_reason: END_REASONS,
};

/** Natural order for labels: "Tier 2" before "Tier 10". */
export const labelCollator = new Intl.Collator('en', { numeric: true, sensitivity: 'variant' });

/** Each person's group as a code into `names`; `names` is in display order. */
export interface GroupColumn {
  /** The column's name as given. */
  groupBy: string;
  /** Where it was read: a people column or the offence lookup. */
  source: 'people' | 'offences';
  names: string[];
  /** Per person row, an index into `names`. */
  /** In the narrowest integer that holds the codes: a byte a person for up to 256 groups (at 10M people, 30 MB less for each column a run groups by, and each is kept). */
  codeOf: Uint8Array | Uint16Array | Int32Array;
}

const cache = new WeakMap<Study, Map<string, GroupColumn>>();

/**
 * Resolves `groupBy` to each person's group. `category`, `group`,
 * `mode_of_trial`, `label` and `severity` are the index offence's (prefix with
 * `people.` to use a people column of that name; `offence.x` forces the lookup);
 * anything else is a people column. Blank values are "not recorded", listed last.
 */
export function groupColumn(study: Study, groupBy: string): GroupColumn {
  let perStudy = cache.get(study);
  if (!perStudy) cache.set(study, (perStudy = new Map()));
  const hit = perStudy.get(groupBy);
  if (hit) return hit;
  const built = buildGroupColumn(study, groupBy);
  perStudy.set(groupBy, built);
  return built;
}

/**
 * The study's own `groupBy` must name a column the people file has: grouping
 * by a format column the file lacks would put everyone in "not recorded".
 */
export function checkGroupByPresent(study: Study, groupBy: string): void {
  const column = groupBy
    .trim()
    .toLowerCase()
    .replace(/^people\./, '');
  if (study.absentPeopleColumns?.includes(column)) {
    throw new MeasureOptionError(`Cannot group by "${groupBy}": the people file has no ${column} column. Add it to the file, or group by another column.`);
  }
}

function buildGroupColumn(study: Study, groupBy: string): GroupColumn {
  const { source, column } = groupSourceOf(groupBy, study.people.columnNames());
  const n = columnsOf(study).people.n;
  // First the distinct raw values (one Map lookup per person, no allocation), then a
  // label for each distinct value; values with the same label form one group.
  const { keyOf, labelOf } = valueReader(study, source, column);
  const codeOfKey = new Map<unknown, number>();
  const rawCode = new Int32Array(n);
  const keys: unknown[] = [];
  for (let i = 0; i < n; i++) {
    const key = keyOf(i);
    let code = codeOfKey.get(key);
    if (code === undefined) {
      code = keys.length;
      codeOfKey.set(key, code);
      keys.push(key);
    }
    rawCode[i] = code;
  }
  const codeOfValue = new Map<string, number>();
  const values: string[] = [];
  const numericValues: number[] = [];
  const valueOfKey = new Int32Array(keys.length);
  keys.forEach((key, k) => {
    const v = labelOf(key);
    let code = codeOfValue.get(v.label);
    if (code === undefined) {
      code = values.length;
      codeOfValue.set(v.label, code);
      values.push(v.label);
      numericValues.push(v.sortKey);
    }
    valueOfKey[k] = code;
  });
  const order = groupOrder(column, values, numericValues);
  const newCode = new Int32Array(values.length);
  order.forEach((old, k) => (newCode[old] = k));
  const codeOf = codeArray(n, values.length);
  for (let i = 0; i < n; i++) codeOf[i] = newCode[valueOfKey[rawCode[i]]];
  return { groupBy, source, names: order.map((k) => values[k]), codeOf };
}

/** Where `groupBy` is read: a people column (of `peopleNames`) or the offence lookup; throws for an unusable name. */
export function groupSourceOf(groupBy: string, peopleNames: readonly string[]): { source: 'people' | 'offences'; column: string } {
  const wanted = groupBy.trim().toLowerCase();
  const lookupNames = ['code', ...LOOKUP_COLUMNS];
  let source: 'people' | 'offences';
  let column: string;
  if (wanted.startsWith('offence.') || wanted.startsWith('offences.')) {
    source = 'offences';
    column = wanted.slice(wanted.indexOf('.') + 1);
  } else if (wanted.startsWith('people.')) {
    source = 'people';
    column = wanted.slice('people.'.length);
  } else if ((LOOKUP_COLUMNS as readonly string[]).includes(wanted)) {
    source = 'offences';
    column = wanted;
  } else {
    source = 'people';
    column = wanted;
  }
  if (source === 'offences' && !lookupNames.includes(column)) {
    throw new MeasureOptionError(`Cannot group by "${groupBy}": the offence lookup has columns ${lookupNames.join(', ')}.`);
  }
  if (source === 'people' && (!peopleNames.includes(column) || column === 'person_id')) {
    const usable = peopleNames.filter((c) => c !== 'person_id' && c !== 'index_offence_row');
    throw new MeasureOptionError(
      `Cannot group by "${groupBy}": no such column. Use a people column (${usable.join(', ')}) ` +
        `or an offence lookup column (${LOOKUP_COLUMNS.join(', ')}).`,
    );
  }
  if (source === 'people' && column === 'index_offence_row') {
    throw new MeasureOptionError(`Cannot group by "${groupBy}": use index_offence (the code) instead.`);
  }

  return { source, column };
}

/**
 * The display order of a grouping column's labels (indices into `values`):
 * vocabulary order where the column has one, then by number, then natural
 * label order; "not recorded" last. Shared with the SQL engine (src/engine/).
 */
export function groupOrder(column: string, values: readonly string[], numericValues: readonly number[]): number[] {
  const order = values.map((_, k) => k);
  const vocab = VOCABULARY_ORDER[column];
  order.sort((a, b) => {
    const la = values[a];
    const lb = values[b];
    if (la === NOT_RECORDED || lb === NOT_RECORDED) return la === lb ? 0 : la === NOT_RECORDED ? 1 : -1;
    if (vocab) {
      const d = rank(vocab, la) - rank(vocab, lb);
      if (d !== 0) return d;
    }
    if (!Number.isNaN(numericValues[a]) && !Number.isNaN(numericValues[b]) && numericValues[a] !== numericValues[b]) {
      return numericValues[a] - numericValues[b];
    }
    return labelCollator.compare(la, lb);
  });
  return order;
}

function rank(vocab: readonly string[], value: string): number {
  const r = vocab.indexOf(value);
  return r < 0 ? vocab.length : r;
}

interface Reader {
  /** The raw value of a person (a primitive, usable as a Map key). */
  keyOf: (row: number) => unknown;
  labelOf: (key: unknown) => { label: string; sortKey: number };
}

function valueReader(study: Study, source: 'people' | 'offences', column: string): Reader {
  if (source === 'offences') {
    const lookup = study.offences;
    const indexRow = columnsOf(study).people.indexOffenceRow;
    const of = (o: number): string | number | null => {
      if (o < 0) return null;
      switch (column) {
        case 'code':
          return lookup.code[o];
        case 'label':
          return lookup.label[o];
        case 'group':
          return lookup.group[o];
        case 'category':
          return lookup.category[o];
        case 'mode_of_trial':
          return lookup.modeOfTrial[o];
        default:
          return lookup.severity[o];
      }
    };
    return { keyOf: (row) => indexRow[row], labelOf: (key) => labelled(of(key as number), false) };
  }
  const values = rawColumn<ArrayLike<unknown>>(study.people, column, 'people');
  const isDate = DATE_COLUMNS.has(column);
  return { keyOf: (row) => values[row], labelOf: (key) => labelled(key, isDate) };
}

function labelled(v: unknown, isDate: boolean): { label: string; sortKey: number } {
  if (v === null || v === undefined) return { label: NOT_RECORDED, sortKey: NaN };
  if (typeof v === 'number') {
    if (Number.isNaN(v)) return { label: NOT_RECORDED, sortKey: NaN };
    return { label: isDate ? (formatDay(v) as string) : String(v), sortKey: v };
  }
  if (typeof v === 'boolean') return { label: v ? 'yes' : 'no', sortKey: NaN };
  const s = String(v).trim();
  return s === '' ? { label: NOT_RECORDED, sortKey: NaN } : { label: s, sortKey: NaN };
}

/** Which groups have at least one of `rows` in them. */
export function groupsInCohortRows(groups: GroupColumn, rows: ArrayLike<number>): boolean[] {
  const present = new Array<boolean>(groups.names.length).fill(false);
  for (let j = 0; j < rows.length; j++) present[groups.codeOf[rows[j]]] = true;
  return present;
}
