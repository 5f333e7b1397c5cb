/**
 * Reading and checking the assessments table (records.md, "assessments"; change.md):
 * one row per completed questionnaire, with the person as a row in people, the
 * instrument as an index into the study file's instruments, the date as a day
 * number and the score as a number. Every row is counted: read = used + quarantined.
 */
import { formatDay } from '../time/days.js';
import { WordMatcher, parseNumberBytes } from './bytes.js';
import { grown } from './growable.js';
import type { PeopleIndex } from './events-reader.js';
import { TableReader, type ReaderSettings } from './table-reader.js';

const ASSESSMENT_COLUMNS = ['person_id', 'instrument', 'date', 'score'] as const;

/** The kept rows, in file order. */
interface AssessmentColumns {
  count: number;
  person: Int32Array;
  instrument: Int32Array;
  date: Float64Array;
  score: Float64Array;
  line: Int32Array;
}

export class AssessmentsReader extends TableReader {
  columns: AssessmentColumns;
  private readonly instrumentWords: WordMatcher;
  /** person|instrument|date of each kept row → its line: a second row of the three is an error. */
  private readonly seen = new Map<string, number>();
  private fPerson = -1;
  private fInstrument = -1;
  private fDate = -1;
  private fScore = -1;

  constructor(
    settings: ReaderSettings,
    private readonly people: PeopleIndex,
    /** The instruments the study file declares, in its order. */
    readonly instrumentNames: readonly string[],
  ) {
    super(settings, ASSESSMENT_COLUMNS, ASSESSMENT_COLUMNS, ['person']);
    this.instrumentWords = new WordMatcher(instrumentNames);
    const n = 256;
    this.columns = {
      count: 0,
      person: new Int32Array(n),
      instrument: new Int32Array(n),
      date: new Float64Array(n),
      score: new Float64Array(n),
      line: new Int32Array(n),
    };
  }

  protected override header(rec: Parameters<TableReader['accept']>[0]): void {
    super.header(rec);
    this.fPerson = this.field('person_id');
    this.fInstrument = this.field('instrument');
    this.fDate = this.field('date');
    this.fScore = this.field('score');
  }

  protected row(): void {
    const buf = this.rec.buf;
    let person = -1;
    if (!this.trim(this.fPerson)) {
      this.fail('missing_value', 'person_id', this.fPerson, 'a person_id (required)');
    } else {
      person = this.people.personOf(buf, this.s, this.e);
      if (person < 0 && this.privacyOk(this.fPerson)) {
        if (person === -2) {
          this.addError(
            'person_quarantined',
            'person_id',
            this.raw(this.fPerson),
            "a person whose row in people is usable (this person's row has errors, so their assessments are set aside with it)",
          );
        } else this.addError('unknown_person', 'person_id', this.raw(this.fPerson), 'a person_id that appears in people');
      }
    }

    let instrument = -1;
    if (!this.trim(this.fInstrument)) {
      this.fail('missing_value', 'instrument', this.fInstrument, 'an instrument (required)');
    } else {
      instrument = this.instrumentWords.match(buf, this.s, this.e);
      if (instrument < 0) {
        this.fail(
          'unknown_instrument',
          'instrument',
          this.fInstrument,
          `an instrument declared under "instruments" in the study file (${this.instrumentNames.join(', ')})`,
        );
      }
    }

    const date = this.readDate('date', this.fDate);
    if (Number.isNaN(date) && !this.trim(this.fDate)) this.fail('missing_value', 'date', this.fDate, 'a date (required)');

    let score = NaN;
    if (!this.trim(this.fScore)) this.fail('missing_value', 'score', this.fScore, 'a score (required)');
    else {
      score = parseNumberBytes(buf, this.s, this.e);
      if (!Number.isFinite(score)) {
        this.fail('wrong_type', 'score', this.fScore, 'a number: the instrument’s total or scale score');
        score = NaN;
      }
    }

    this.readExtras();
    if (this.rowProblems.length > 0) return;
    const key = `${person}|${instrument}|${date}`;
    const first = this.seen.get(key);
    if (first !== undefined) {
      this.addError(
        'duplicate_assessment',
        'date',
        formatDay(date) ?? '',
        `one assessment of a person with an instrument on a day (line ${first} has this person, ${this.instrumentNames[instrument]} and date)`,
      );
      return;
    }
    this.seen.set(key, this.rec.line);

    let c = this.columns;
    if (c.count === c.person.length) {
      c = this.columns = {
        count: c.count,
        person: grown(c.person),
        instrument: grown(c.instrument),
        date: grown(c.date),
        score: grown(c.score),
        line: grown(c.line),
      };
    }
    const i = c.count++;
    c.person[i] = person;
    c.instrument[i] = instrument;
    c.date[i] = date;
    c.score[i] = score;
    c.line[i] = this.rec.line;
    this.keepExtras();
  }
}
