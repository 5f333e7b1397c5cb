/**
 * Reading and checking the events table (records.md, "events"), typed
 * straight into growable typed arrays: the person as a row index, the type and
 * recall reasons as codes, dates as day numbers.
 */
import { EVENT, EVENT_TYPES, RECALL_REASONS } from '../study/vocabulary.js';
import { formatDay } from '../time/days.js';
import { ByteKeyMap, WordMatcher, trimEnd, trimStart } from './bytes.js';
import { grown } from './growable.js';
import type { CsvRecord } from './csv-reader.js';
import { TableReader, type ReaderSettings } from './table-reader.js';

export const EVENT_COLUMNS = ['person_id', 'type', 'date', 'conviction_date', 'offence', 'recall_reasons'] as const;

const REQUIRED = ['person_id', 'type', 'date'];

const TYPE_WORDS = new WordMatcher(EVENT_TYPES);
const REASON_WORDS = new WordMatcher(RECALL_REASONS);
const SEMICOLON = 0x3b;

/** Event columns in file order, for kept rows only. */
export interface EventColumns {
  count: number;
  person: Int32Array;
  type: Uint8Array;
  date: Float64Array;
  conviction_date: Float64Array;
  offence: Int32Array;
  recall_reasons: Uint8Array;
  line: Int32Array;
}

/** Empty columns with room for `capacity` rows (count 0). */
export function allocateEventColumns(capacity: number): EventColumns {
  return {
    count: 0,
    person: new Int32Array(capacity),
    type: new Uint8Array(capacity),
    date: new Float64Array(capacity),
    conviction_date: new Float64Array(capacity),
    offence: new Int32Array(capacity),
    recall_reasons: new Uint8Array(capacity),
    line: new Int32Array(capacity),
  };
}

type ColumnArray = Int32Array | Uint8Array | Float64Array;

/**
 * Empty columns with room for `capacity` rows in shared memory, so that every thread reading
 * a part of the file writes its rows into them. Pages are committed as rows are written, so
 * room beyond the rows costs address space only.
 */
export function allocateSharedEventColumns(capacity: number): EventColumns {
  const shared = <T extends ColumnArray>(Type: { new (b: SharedArrayBuffer): T; BYTES_PER_ELEMENT: number }): T =>
    new Type(new SharedArrayBuffer(Type.BYTES_PER_ELEMENT * capacity));
  return {
    count: 0,
    person: shared(Int32Array),
    type: shared(Uint8Array),
    date: shared(Float64Array),
    conviction_date: shared(Float64Array),
    offence: shared(Int32Array),
    recall_reasons: shared(Uint8Array),
    line: shared(Int32Array),
  };
}

/** Columns of `count` rows whose arrays are f of the arrays of c, one by one. */
export function mapEventColumns(c: EventColumns, count: number, f: <T extends ColumnArray>(a: T) => T): EventColumns {
  return {
    count,
    person: f(c.person),
    type: f(c.type),
    date: f(c.date),
    conviction_date: f(c.conviction_date),
    offence: f(c.offence),
    recall_reasons: f(c.recall_reasons),
    line: f(c.line),
  };
}

/** The people a set of events can refer to. */
export interface PeopleIndex {
  /** Row among the kept people, −2 for a person whose rows were all set aside, −1 for an unknown person_id. */
  personOf(buf: Uint8Array, start: number, end: number): number;
}

export class EventsReader extends TableReader {
  columns: EventColumns;
  /** Offence code bytes → row in the lookup. */
  private readonly offenceRow = new ByteKeyMap();

  constructor(
    settings: ReaderSettings,
    private readonly people: PeopleIndex,
    offenceCodes: readonly string[],
    /** Rows to make room for, or empty columns to fill (grown into new ones if they run out). */
    room: number | EventColumns = 1024,
  ) {
    super(settings, EVENT_COLUMNS, REQUIRED, ['person']);
    offenceCodes.forEach((code, row) => this.offenceRow.setString(code, row));
    this.columns = typeof room === 'number' ? allocateEventColumns(Math.max(16, room)) : room;
  }

  private fPerson = -1;
  private fType = -1;
  private fDate = -1;
  private fConviction = -1;
  private fOffence = -1;
  private fReasons = -1;

  protected override header(rec: CsvRecord): void {
    super.header(rec);
    this.fPerson = this.field('person_id');
    this.fType = this.field('type');
    this.fDate = this.field('date');
    this.fConviction = this.field('conviction_date');
    this.fOffence = this.field('offence');
    this.fReasons = this.field('recall_reasons');
  }

  protected row(): void {
    const rec = this.rec;
    const buf = rec.buf;

    // person_id: a known person needs no privacy check here (people did it).
    let person = -1;
    if (!this.trim(this.fPerson)) {
      this.fail('missing_value', 'person_id', this.fPerson, 'a person_id (required)');
    } else {
      const s = this.s,
        e = this.e;
      person = this.samePersonAsBefore(buf, s, e);
      if (person === -3) {
        person = this.people.personOf(buf, s, e);
        this.rememberPerson(buf, s, e, person);
      }
      if (person < 0) {
        const ok = this.privacyOk(this.fPerson);
        if (person === -2) {
          this.addError(
            'person_quarantined',
            'person_id',
            ok ? this.raw(this.fPerson) : null,
            "a person whose row in people is usable (this person's row has errors, so their events are set aside with it)",
          );
        } else if (ok) {
          this.addError('unknown_person', 'person_id', this.raw(this.fPerson), 'a person_id that appears in people');
        }
      }
    }

    const type = this.readWord('type', this.fType, TYPE_WORDS, 'one of recall, rerelease, conviction, caution, breach, death');
    if (type === -1) this.fail('missing_value', 'type', this.fType, 'an event type (required)');

    const date = this.readDate('date', this.fDate);
    if (Number.isNaN(date) && !this.trim(this.fDate)) this.fail('missing_value', 'date', this.fDate, 'a date (required)');

    const convictionDate = this.readDate('conviction_date', this.fConviction);
    const convictionLike = type === EVENT.conviction || type === EVENT.caution;
    if (convictionLike && !this.trim(this.fConviction)) {
      this.fail('missing_value', 'conviction_date', this.fConviction, `a conviction_date, required for a ${EVENT_TYPES[type]}`);
    }
    if (convictionDate < date) {
      this.fail('dates_out_of_order', 'conviction_date', this.fConviction, `a date on or after the offence date (${formatDay(date)})`);
    }

    let offence = -1;
    if (this.trim(this.fOffence)) {
      offence = this.offenceRow.get(buf, this.s, this.e);
      if (offence < 0) this.fail('unknown_offence', 'offence', this.fOffence, 'an offence code in the offence lookup');
    } else if (convictionLike) {
      this.fail('missing_value', 'offence', this.fOffence, `an offence code, required for a ${EVENT_TYPES[type]}`);
    }

    let reasons = 0;
    if (this.trim(this.fReasons)) {
      reasons = this.readReasons(this.fReasons, this.s, this.e);
      if (reasons > 0 && type >= 0 && type !== EVENT.recall) {
        this.rowWarnings.push(
          this.problem(
            'warning',
            'recall_reasons_on_non_recall',
            'recall_reasons',
            this.raw(this.fReasons),
            'recall_reasons on recall events only (kept as written; the measures read reasons of recalls only)',
          ),
        );
      }
    }

    this.readExtras();
    if (this.rowProblems.length > 0) {
      if (this.rowWarnings.length > 0) this.rowWarnings.length = 0;
      return;
    }
    if (this.rowWarnings.length > 0) {
      for (const w of this.rowWarnings) this.log.add(w);
      this.rowWarnings.length = 0;
    }

    let c = this.columns;
    if (c.count === c.person.length) c = this.columns = mapEventColumns(c, c.count, grown);
    const i = c.count++;
    c.person[i] = person;
    c.type[i] = type;
    c.date[i] = date;
    c.conviction_date[i] = convictionDate;
    c.offence[i] = offence;
    c.recall_reasons[i] = reasons;
    c.line[i] = rec.line;
    this.keepExtras();
  }

  /** The previous row's person_id bytes and what they named: rows of one person usually come together. */
  private prevId = new Uint8Array(64);
  private prevLength = -1;
  private prevPerson = -1;

  /** The person of the previous row when this row names the same person_id; −3 otherwise. */
  private samePersonAsBefore(buf: Uint8Array, start: number, end: number): number {
    const length = end - start;
    if (length !== this.prevLength) return -3;
    const prev = this.prevId;
    for (let i = 0; i < length; i++) if (prev[i] !== buf[start + i]) return -3;
    return this.prevPerson;
  }

  private rememberPerson(buf: Uint8Array, start: number, end: number, person: number): void {
    const length = end - start;
    if (length > this.prevId.length) this.prevId = new Uint8Array(length * 2);
    for (let i = 0; i < length; i++) this.prevId[i] = buf[start + i];
    this.prevLength = length;
    this.prevPerson = person;
  }

  private readonly rowWarnings: ReturnType<TableReader['problem']>[] = [];

  /** `;`-separated recall reasons to a bit mask; an unknown reason is reported (empty items are ignored). */
  private readReasons(field: number, start: number, end: number): number {
    const buf = this.rec.buf;
    let mask = 0;
    let itemStart = start;
    for (let i = start; i <= end; i++) {
      if (i < end && buf[i] !== SEMICOLON) continue;
      const s = trimStart(buf, itemStart, i);
      const e = trimEnd(buf, s, i);
      itemStart = i + 1;
      if (s === e) continue;
      const r = REASON_WORDS.match(buf, s, e);
      if (r < 0) {
        this.fail('wrong_type', 'recall_reasons', field, `recall reasons separated by ';', each one of ${RECALL_REASONS.join(', ')}`);
        return 0;
      }
      mask |= 1 << r;
    }
    return mask;
  }
}
