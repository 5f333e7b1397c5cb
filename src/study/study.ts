/**
 * The validated study: the one object every measure takes.
 *
 * Tables are arquero `ColumnTable`s over typed columns, so a notebook can use
 * arquero verbs on them and the measures can read the columns as plain arrays
 * (`study.people.column('release_date')` is a `Float64Array`).
 *
 * people columns (one row per person, in file order; every column of
 * records.md, plus any extra column, lower-cased):
 * - `person_id`, `service`: string
 * - `tier`, `ethnicity`, `exclusion_reason` (trimmed), extras: string | null
 * - `sex`: Sex (blank → 'unknown'); `end_reason`: EndReason | null
 * - `age_at_release`, `prior_convictions`, `custody_years_before_release`, `aces`:
 *   Float64Array, NaN when not recorded
 * - `index_offence`: string (the code); `index_offence_row`: Int32Array, its row in
 *   the offence lookup
 * - `referral_date`, `in_reach_start`, `release_date`, `service_end`: Float64Array
 *   day numbers (see time/days.ts), NaN when blank
 * - `follow_up_end`: Float64Array day numbers, already defaulted to the extraction date
 * - `included`: boolean[] (blank → true)
 *
 * events columns (one row per distinct event, sorted by person row, then date,
 * then type code so that on one day a recall comes before a rerelease):
 * - `person`: Int32Array, the person's row in people
 * - `type`: Uint8Array, index into EVENT_TYPES
 * - `date`, `conviction_date`: Float64Array day numbers (conviction_date NaN when blank)
 * - `offence`: Int32Array, row in the offence lookup, −1 when blank
 * - `recall_reasons`: Uint8Array bit mask over RECALL_REASONS, 0 when none recorded
 * - extras: string | null
 */
import type { ColumnTable } from 'arquero';
import type { Day } from '../time/days.js';
import type { AssessmentTable, Instrument } from './instruments.js';
import type { ModeOfTrial, OffenceCategory } from './vocabulary.js';

export interface OffenceLookup {
  /** The lookup as an arquero table: code, label, group, category, mode_of_trial, severity. */
  table: ColumnTable;
  code: string[];
  label: string[];
  group: string[];
  category: OffenceCategory[];
  modeOfTrial: ModeOfTrial[];
  severity: Float64Array;
  /** Row of each code. */
  rowOf: Map<string, number>;
  /** Where the severity weights come from, as the lookup states it (null if it does not). */
  severitySource: string | null;
}

export type TableName = 'people' | 'events' | 'offences' | 'assessments';

/** One problem found while reading or validating (records.md, "Validation"). */
export interface Problem {
  severity: 'error' | 'warning';
  /** A stable snake_case kind, e.g. `missing_value`, `duplicate_person_id`, `event_after_follow_up_end`. */
  kind: string;
  table: TableName;
  file: string;
  /** Line in the file (header = 1; a multi-line record is numbered by its first line); 0 for the file itself. */
  line: number;
  /**
   * In a JSON file, the row's element of the top-level array (1 = the first):
   * several rows can share a line (a file all on one line). Absent for every
   * other kind of file and for problems of the whole file.
   */
  element?: number;
  column: string | null;
  /** The value as written (masked for privacy problems); null when there is none. */
  value: string | null;
  expected: string;
}

export interface RowCounts {
  read: number;
  used: number;
  quarantined: number;
}

export interface DataQuality {
  /** The rows of the study's own offence lookup, present when some were set aside (quarantine mode). */
  offences?: RowCounts;
  people: RowCounts;
  events: RowCounts;
  /** The assessments table's rows (records.md, "assessments"), when the study has one. */
  assessments?: RowCounts;
  /** Warnings counted by kind. */
  warnings: Record<string, number>;
  /** Every error and warning, in file order. */
  problems: Problem[];
  /** Where quarantined rows were written, when quarantine mode was on. */
  quarantineFile: string | null;
}

/** An input file as read, for provenance. */
export interface InputFile {
  role: TableName;
  /** As given (relative to the study file when read from one). */
  path: string;
  sha256: string;
  bytes: number;
}

export interface Study {
  title: string | null;
  extractionDate: Day;
  /** True when no extraction date was given and the latest date in the records was used. */
  extractionDateInferred: boolean;
  snapshotDate: Day | null;
  people: ColumnTable;
  events: ColumnTable;
  offences: OffenceLookup;
  /** events of person p are rows personStart[p] … personStart[p + 1] − 1. */
  personStart: Int32Array;
  quality: DataQuality;
  inputs: InputFile[];
  allowColumns: string[];
  /** Columns of the record format the people file did not have (their cells are all blank): grouping by one is an error. */
  absentPeopleColumns?: string[];
  /** For an inferred extraction date: the rows it came from ("from people.csv line 7, column service_end"). */
  extractionDateSource?: string;
  /** The assessments table (records.md, "assessments"), when the study names one. */
  assessments?: AssessmentTable;
  /** The study file's `instruments` (change.md), by name. */
  instruments?: Record<string, Instrument>;
  /** The comparison pool (comparison.md "The comparison pool"), validated as its own tables; absent when the study names none. */
  pool?: Study | null;
}
