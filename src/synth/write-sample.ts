/**
 * Writes a sample's people.csv, events.csv and study.json into a folder.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { eventLine, eventsHeader, personLine, peopleHeader } from './csv-format.js';
import { sortEvents, type Sample, type SynthStudy } from './records.js';

/** The study file of a sample, with the lookup one folder up (the shared default). */
export function studyJson(study: SynthStudy, offences = '../offences.csv'): string {
  const doc: Record<string, unknown> = {
    title: study.title,
    people: 'people.csv',
    events: 'events.csv',
    offences,
    extractionDate: study.extractionDate,
  };
  if (study.snapshotDate) doc.snapshotDate = study.snapshotDate;
  if (study.options) doc.options = study.options;
  if (study.value) doc.value = study.value;
  return JSON.stringify(doc, null, 2) + '\n';
}

/** The three files of a sample as text, keyed by file name. */
export function sampleFiles(sample: Sample): Record<string, string> {
  const people = sample.people.slice().sort((a, b) => (a.personId < b.personId ? -1 : 1));
  return {
    'people.csv': peopleHeader() + people.map(personLine).join(''),
    'events.csv': eventsHeader() + sortEvents(sample.events).map(eventLine).join(''),
    'study.json': studyJson(sample.study),
  };
}

/** Writes the sample's files into `dir` (created if missing). */
export function writeSample(dir: string, sample: Sample): void {
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(sampleFiles(sample))) writeFileSync(join(dir, name), text);
}
