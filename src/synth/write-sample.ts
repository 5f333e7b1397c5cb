/**
 * Writes a sample's people.csv, events.csv and study.json into a folder.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { eventLine, eventsHeader, personLine, peopleHeader } from './csv-format.js';
import { ASSESSMENTS_HEADER, assessmentLines } from './assessments.js';
import { sortEvents, type Sample, type SynthPerson, type SynthStudy } from './records.js';

/** The study file of a sample, with the lookup one folder up (the shared default). */
export function studyJson(study: SynthStudy, offences = '../offences.csv', comparison?: Record<string, unknown>): string {
  const doc: Record<string, unknown> = {
    title: study.title,
    people: 'people.csv',
    events: 'events.csv',
    offences,
    extractionDate: study.extractionDate,
  };
  if (study.snapshotDate) doc.snapshotDate = study.snapshotDate;
  if (study.options) doc.options = study.options;
  if (study.instruments) {
    doc.assessments = 'assessments.csv';
    doc.instruments = study.instruments;
  }
  if (comparison) doc.comparison = comparison;
  if (study.value) doc.value = study.value;
  return JSON.stringify(doc, null, 2) + '\n';
}

/** The three files of a sample as text, keyed by file name. */
export function sampleFiles(sample: Sample): Record<string, string> {
  const byId = (people: SynthPerson[]) => people.slice().sort((a, b) => (a.personId < b.personId ? -1 : 1));
  const files: Record<string, string> = {
    'people.csv': peopleHeader() + byId(sample.people).map(personLine).join(''),
    'events.csv': eventsHeader() + sortEvents(sample.events).map(eventLine).join(''),
    'study.json': studyJson(sample.study),
    ...(sample.assessments ? { 'assessments.csv': ASSESSMENTS_HEADER + assessmentLines(sample.assessments) } : {}),
  };
  if (sample.pool) {
    const { pool } = sample;
    files['pool/people.csv'] = peopleHeader() + byId(pool.people).map(personLine).join('');
    files['pool/events.csv'] = eventsHeader() + sortEvents(pool.events).map(eventLine).join('');
    files[pool.studyFile] = studyJson({ ...sample.study, title: pool.title }, '../offences.csv', pool.comparison);
  }
  return files;
}

/** Writes the sample's files into `dir` (created if missing). */
export function writeSample(dir: string, sample: Sample): void {
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(sampleFiles(sample))) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
}
