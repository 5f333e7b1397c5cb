/**
 * Reading and checking the people table (records.md, "people"): one row per
 * person, typed into columns, with every error of every row reported.
 */
import { PEOPLE_COLUMNS } from '../study/vocabulary.js';
import { END_REASONS, SEXES } from '../study/vocabulary.js';
import { formatDay } from '../time/days.js';
import { ByteKeyMap, WordMatcher } from './bytes.js';
import { Float64List, Int32List } from './growable.js';
import type { CsvRecord } from './csv-reader.js';
import type { PeopleIndexParts } from './person-index.js';
import { buildPersonTable, PersonTable } from './person-table.js';
import { TableReader, type ReaderSettings } from './table-reader.js';

const REQUIRED = ['person_id', 'service', 'index_offence'];
/** In a comparison pool `service` is optional (comparison.md "The comparison pool"). */
const POOL_REQUIRED = ['person_id', 'index_offence'];

/** Reading a comparison pool's people: the service's person_ids, each an error in the pool's row. */
export interface PoolPeopleCheck {
  serviceIds: ReadonlySet<string>;
  /** The service's people file, as named in messages. */
  serviceFile: string;
}

const SEX_WORDS = new WordMatcher(SEXES);
const UNKNOWN_SEX = SEXES.indexOf('unknown');
const END_WORDS = new WordMatcher(END_REASONS);
/** Booleans as the format accepts them; even index = true. */
const BOOLEAN_WORDS = new WordMatcher(['true', 'false', 'yes', 'no', '1', '0']);

/**
 * The people columns as read, for kept rows only, in file order. Text and
 * enum columns are held as codes (one small integer per row, −1 when blank)
 * and turned into strings once, at the end, by {@link PeopleReader.decoded}.
 */
export interface PeopleColumns {
  /** The person_id entry of each kept row: the strings are made at the end, all at once ({@link PeopleReader.personIds}). */
  entry: Int32List;
  /** Codes into the field's distinct values (see TableReader.valuesOf). */
  service: Int32List;
  tier: Int32List;
  ethnicity: Int32List;
  exclusion_reason: Int32List;
  /** Index into SEXES (blank already 'unknown'). */
  sex: Int32List;
  /** Index into END_REASONS, −1 when blank. */
  end_reason: Int32List;
  /** 1 or 0. */
  included: Int32List;
  age_at_release: Float64List;
  index_offence_row: Int32List;
  prior_convictions: Float64List;
  custody_years_before_release: Float64List;
  aces: Float64List;
  referral_date: Float64List;
  in_reach_start: Float64List;
  release_date: Float64List;
  service_end: Float64List;
  /** As written: NaN when blank (defaulted to the extraction date later). */
  follow_up_end: Float64List;
  /** The line of each kept row, for warnings about its events. */
  line: Int32List;
}

function emptyPeople(capacity: number): PeopleColumns {
  const f = () => new Float64List(capacity);
  const i = () => new Int32List(capacity);
  return {
    entry: i(),
    service: i(),
    tier: i(),
    ethnicity: i(),
    exclusion_reason: i(),
    sex: i(),
    end_reason: i(),
    included: i(),
    age_at_release: f(),
    index_offence_row: i(),
    prior_convictions: f(),
    custody_years_before_release: f(),
    aces: f(),
    referral_date: f(),
    in_reach_start: f(),
    release_date: f(),
    service_end: f(),
    follow_up_end: f(),
    line: i(),
  };
}

/** The index of end reason `completed`. */
export const COMPLETED = END_REASONS.indexOf('completed');

const show = (day: number) => formatDay(day) ?? '';

/** Field index of each people column in the file (−1 when absent). */
type PeopleFields = Record<(typeof PEOPLE_COLUMNS)[number], number>;

function fieldsAt(indexOf: (column: string) => number): PeopleFields {
  return Object.fromEntries(PEOPLE_COLUMNS.map((c) => [c, indexOf(c)])) as PeopleFields;
}

/** A row's text codes and sex code (−1 when blank). */
interface Descriptors {
  service: number;
  tier: number;
  ethnicity: number;
  exclusionReason: number;
  sex: number;
}

/** A row's numbers (NaN when blank) and the index offence's lookup row (−1 when unknown). */
interface History {
  age: number;
  prior: number;
  custody: number;
  aces: number;
  offenceRow: number;
}

/** A row's dates as day numbers (NaN when blank or invalid). */
interface Dates {
  referral: number;
  inReach: number;
  release: number;
  serviceEnd: number;
  followUpEnd: number;
}

export class PeopleReader extends TableReader {
  protected override readonly neededColumns = [['release_date', 'needed for the follow-up cohort; leave a cell blank for a person not yet released']] as const;
  readonly columns: PeopleColumns;
  /** Every person_id seen (bytes → entry), the line of its first row, and its row among the kept people (−1 if none). */
  private readonly ids: ByteKeyMap;
  private readonly firstLine: Int32List;
  private readonly keptRow: Int32List;

  /** The person a person_id names: their row among the kept people, −2 when their rows were all set aside, −1 when unknown. */
  personOf(buf: Uint8Array, start: number, end: number): number {
    // Events are read once the people are: the table is built at the first event.
    this.table_ ??= new PersonTable(this.indexParts());
    return this.table_.personOf(buf, start, end);
  }

  private table_: PersonTable | null = null;

  /** The kept rows' person_ids (made once: call it when the rows are all read). */
  personIds(): string[] {
    this.ids_ ??= this.ids.keyStrings(this.columns.entry.data, this.columns.entry.length);
    return this.ids_;
  }

  private ids_: string[] | null = null;
  private decoded_: Record<string, unknown[]> | null = null;

  /** The person_ids and their rows, to find events' people in another thread (see PersonRows). */
  indexParts(): PeopleIndexParts {
    this.parts_ ??= buildPersonTable(this.ids.parts(), this.keptRow.data.subarray(0, this.keptRow.length), true);
    return this.parts_;
  }

  private parts_: PeopleIndexParts | null = null;

  /** Lets the person table go once every table that names people is read (at 10M people, 0.7 GB that ordering the events can use). */
  releaseIndex(): void {
    this.table_ = null;
    this.parts_ = null;
  }

  /** The entry of a person_id, added when new. */
  private entryOf(buf: Uint8Array, start: number, end: number, line: number): number {
    const entry = this.ids.setIfAbsent(buf, start, end, this.firstLine.length);
    if (entry === this.firstLine.length) {
      this.firstLine.push(line);
      this.keptRow.push(-1);
    }
    return entry;
  }

  constructor(
    settings: ReaderSettings,
    private readonly offenceRow: ReadonlyMap<string, number>,
    /** The study's extraction date when given; null when it will be inferred (and so no date can be after it). */
    private readonly extractionDate: number | null,
    /** A guess at the number of rows, to size the columns and the id table once. */
    expectedRows = 1024,
    /** Set when this table is a comparison pool's people. */
    private readonly pool: PoolPeopleCheck | null = null,
  ) {
    super(settings, PEOPLE_COLUMNS, pool ? POOL_REQUIRED : REQUIRED, ['index_offence_row'], Infinity);
    const capacity = Math.max(16, expectedRows);
    this.columns = emptyPeople(capacity);
    this.ids = new ByteKeyMap(capacity, true);
    this.firstLine = new Int32List(capacity);
    this.keptRow = new Int32List(capacity);
  }

  /** Field index of each people column (−1 when absent), by name, fixed by the header. */
  private at: PeopleFields = fieldsAt(() => -1);

  protected override header(rec: CsvRecord): void {
    super.header(rec);
    this.at = fieldsAt((column) => this.field(column));
  }

  /**
   * One person's row: each family of columns read and checked by its own
   * function, in the order their problems are listed (identity, descriptors,
   * history, dates, end of service, inclusion; then the order of the dates
   * and the extra columns); the row is kept only when none had an error.
   */
  protected row(): void {
    const entry = this.readIdentity();
    const descriptors = this.readDescriptors();
    const history = this.readHistory();
    const dates = this.readDates();
    const endCode = this.readWord('end_reason', this.at.end_reason, END_WORDS, 'one of completed, recalled, disengaged, transferred, died, other');
    if (endCode === -1 && !Number.isNaN(dates.serviceEnd)) {
      this.fail('missing_value', 'end_reason', this.at.end_reason, 'an end_reason, required when service_end is set');
    }
    const included = this.readInclusion(descriptors.exclusionReason);
    this.checkDateOrder(dates);
    this.readExtras();
    if (this.rowProblems.length > 0 || entry < 0) return;
    this.warnFollowUpPastExtraction(dates.followUpEnd);
    this.keep(entry, descriptors, history, dates, endCode, included);
  }

  /**
   * person_id: required, refused when identifier-shaped, used once (and not in
   * the service's people when this is a comparison pool). The person's entry
   * when the id is present and passes the privacy check, else −1.
   */
  private readIdentity(): number {
    const idField = this.at.person_id;
    const rec = this.rec;
    this.trim(idField);
    const idStart = this.s;
    const idEnd = this.e;
    if (idStart === idEnd) {
      this.fail('missing_value', 'person_id', idField, 'a person_id (required)');
      return -1;
    }
    const known = this.ids.size;
    const entry = this.entryOf(rec.buf, idStart, idEnd, rec.line);
    if (!this.privacyOk(idField)) return -1;
    if (entry < known) {
      const first = this.firstLine.data[entry];
      this.addError(
        'duplicate_person_id',
        'person_id',
        this.raw(idField),
        `a person_id used only once (first used on line ${first}${this.keptRow.data[entry] >= 0 ? ', which is kept' : ', which has errors too'})`,
      );
    }
    if (this.pool?.serviceIds.has(rec.buf.toString('utf8', idStart, idEnd))) {
      this.addError(
        'person_in_service_and_pool',
        'person_id',
        this.raw(idField),
        `a person who did not receive the service: this person_id is in the service's people (${this.pool.serviceFile}); a pool person must not be`,
      );
    }
    return entry;
  }

  /** service (required outside a pool), tier, ethnicity, exclusion_reason (text codes) and sex. */
  private readDescriptors(): Descriptors {
    const f = this.at;
    const service = this.textCode(f.service);
    if (service < 0 && this.pool === null) this.fail('missing_value', 'service', f.service, 'a service (required)');
    const tier = this.textCode(f.tier);
    const ethnicity = this.textCode(f.ethnicity);
    const exclusionReason = this.textCode(f.exclusion_reason);
    const sex = this.readWord('sex', f.sex, SEX_WORDS, 'one of male, female, other, unknown (blank means unknown)');
    return { service, tier, ethnicity, exclusionReason, sex };
  }

  /** age_at_release, prior_convictions, custody_years_before_release, aces, and the index offence's lookup row. */
  private readHistory(): History {
    const f = this.at;
    const age = this.readNumber('age_at_release', f.age_at_release, true, 10, 100, 'a whole number of years from 10 to 100');
    // Sane ranges: nobody has 1e300 convictions, or spent more than 80 years in custody.
    const prior = this.readNumber('prior_convictions', f.prior_convictions, true, 0, 1000, 'a whole number from 0 to 1000');
    const custody = this.readNumber('custody_years_before_release', f.custody_years_before_release, false, 0, 80, 'a number of years from 0 to 80');
    const aces = this.readNumber('aces', f.aces, true, 0, 10, 'a whole number from 0 to 10');
    const offence = this.textCode(f.index_offence);
    let offenceRow = -1;
    if (offence < 0) this.fail('missing_value', 'index_offence', f.index_offence, 'an index_offence (required)');
    else {
      offenceRow = this.offenceRowOf(offence);
      if (offenceRow < 0) this.fail('unknown_offence', 'index_offence', f.index_offence, 'an offence code in the offence lookup');
    }
    return { age, prior, custody, aces, offenceRow };
  }

  /** The five dates (day numbers, NaN when blank or invalid). */
  private readDates(): Dates {
    const f = this.at;
    return {
      referral: this.readDate('referral_date', f.referral_date),
      inReach: this.readDate('in_reach_start', f.in_reach_start),
      release: this.readDate('release_date', f.release_date),
      serviceEnd: this.readDate('service_end', f.service_end),
      followUpEnd: this.readDate('follow_up_end', f.follow_up_end),
    };
  }

  /** included (blank means true); an exclusion_reason is required when it is false. */
  private readInclusion(exclusionReason: number): boolean {
    const f = this.at;
    const includedCode = this.readWord('included', f.included, BOOLEAN_WORDS, 'true/false, yes/no or 1/0 (blank means true)');
    const included = includedCode < 0 || includedCode % 2 === 0;
    if (!included && exclusionReason < 0) {
      this.fail('missing_value', 'exclusion_reason', f.exclusion_reason, 'an exclusion_reason, required when included is false');
    }
    return included;
  }

  /** Order of dates (records.md, "Validation"). */
  private checkDateOrder({ inReach, release, serviceEnd, followUpEnd }: Dates): void {
    const f = this.at;
    if (!Number.isNaN(inReach) && !Number.isNaN(release) && inReach > release) {
      this.fail('dates_out_of_order', 'in_reach_start', f.in_reach_start, `a date on or before release_date (${show(release)})`);
    }
    if (!Number.isNaN(serviceEnd)) {
      if (!Number.isNaN(release)) {
        if (serviceEnd < release) this.fail('dates_out_of_order', 'service_end', f.service_end, `a date on or after release_date (${show(release)})`);
      } else if (!Number.isNaN(inReach) && serviceEnd < inReach) {
        this.fail('dates_out_of_order', 'service_end', f.service_end, `a date on or after in_reach_start (${show(inReach)}), as the person was never released`);
      }
    }
    const end = !Number.isNaN(followUpEnd) ? followUpEnd : this.extractionDate;
    if (end !== null) {
      const whose = !Number.isNaN(followUpEnd) ? 'follow_up_end' : 'the extraction date, the default follow_up_end';
      if (!Number.isNaN(release) && release > end)
        this.fail('dates_out_of_order', 'release_date', f.release_date, `a date on or before ${whose} (${show(end)})`);
      if (!Number.isNaN(serviceEnd) && serviceEnd > end)
        this.fail('dates_out_of_order', 'service_end', f.service_end, `a date on or before ${whose} (${show(end)})`);
    }
  }

  /** A kept row's follow_up_end after the extraction date: kept as written, with a warning. */
  private warnFollowUpPastExtraction(followUpEnd: number): void {
    if (this.extractionDate === null || !(followUpEnd > this.extractionDate)) return;
    this.log.add(
      this.problem(
        'warning',
        'follow_up_end_after_extraction',
        'follow_up_end',
        this.raw(this.at.follow_up_end),
        `a date on or before the extraction date (${show(this.extractionDate)}): records cannot be complete past it; kept as written`,
      ),
    );
  }

  /** Appends a row without errors to the columns. */
  private keep(entry: number, d: Descriptors, h: History, dates: Dates, endCode: number, included: boolean): void {
    const c = this.columns;
    this.keptRow.data[entry] = c.entry.length;
    c.entry.push(entry);
    c.service.push(d.service);
    c.tier.push(d.tier);
    c.sex.push(d.sex >= 0 ? d.sex : UNKNOWN_SEX);
    c.ethnicity.push(d.ethnicity);
    c.age_at_release.push(h.age);
    c.index_offence_row.push(h.offenceRow);
    c.prior_convictions.push(h.prior);
    c.custody_years_before_release.push(h.custody);
    c.aces.push(h.aces);
    c.referral_date.push(dates.referral);
    c.in_reach_start.push(dates.inReach);
    c.release_date.push(dates.release);
    c.service_end.push(dates.serviceEnd);
    c.end_reason.push(endCode);
    c.included.push(included ? 1 : 0);
    c.exclusion_reason.push(d.exclusionReason);
    c.follow_up_end.push(dates.followUpEnd);
    c.line.push(this.rec.line);
    this.keepExtras();
  }

  /** Lookup row of each distinct index_offence value (by its code), found once per value. */
  private readonly offenceRows = new Int32List(64);

  private offenceRowOf(code: number): number {
    const rows = this.offenceRows;
    while (rows.length <= code) rows.push(-2);
    if (rows.data[code] === -2) rows.data[code] = this.offenceRow.get(this.valuesOf(this.at.index_offence)[code]) ?? -1;
    return rows.data[code];
  }

  /** The kept rows' text and enum columns as strings (null when blank), and included as booleans; made once, when the rows are all read. */
  decoded(offenceCodes: readonly string[]): Record<string, unknown[]> {
    this.decoded_ ??= this.decode(offenceCodes);
    return this.decoded_;
  }

  private decode(offenceCodes: readonly string[]): Record<string, unknown[]> {
    const c = this.columns;
    const text = (codes: Int32List, field: number) => {
      const values = this.valuesOf(field);
      const out: (string | null)[] = new Array(codes.length);
      for (let i = 0; i < codes.length; i++) out[i] = codes.data[i] < 0 ? null : values[codes.data[i]];
      return out;
    };
    const word = <T extends string>(codes: Int32List, words: readonly T[]) => {
      const out: (T | null)[] = new Array(codes.length);
      for (let i = 0; i < codes.length; i++) out[i] = codes.data[i] < 0 ? null : words[codes.data[i]];
      return out;
    };
    const n = c.entry.length;
    const included: boolean[] = new Array(n);
    const indexOffence: string[] = new Array(n);
    for (let i = 0; i < n; i++) {
      included[i] = c.included.data[i] === 1;
      indexOffence[i] = offenceCodes[c.index_offence_row.data[i]];
    }
    return {
      service: text(c.service, this.at.service),
      tier: text(c.tier, this.at.tier),
      sex: word(c.sex, SEXES),
      ethnicity: text(c.ethnicity, this.at.ethnicity),
      index_offence: indexOffence,
      end_reason: word(c.end_reason, END_REASONS),
      included,
      exclusion_reason: text(c.exclusion_reason, this.at.exclusion_reason),
    };
  }

  /** A person whose rows are all set aside takes their events with them. */
  protected override onSetAside(): void {
    const field = this.field('person_id');
    if (field < 0 || field >= this.rec.count || !this.trim(field)) return;
    // Registering the id (kept row −1) marks the person as set aside unless a row of theirs is kept.
    this.entryOf(this.rec.buf, this.s, this.e, this.rec.line);
  }
}
