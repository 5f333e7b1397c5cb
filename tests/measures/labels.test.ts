/**
 * The words of a vocabulary are written once (src/words/labels.ts) and read by
 * the text output, the page's tables and the charts alike, in one order
 * (measures.md, "Recall", "Reconviction", "Time in service").
 */
import { describe, expect, it } from 'vitest';
import { recallCounts } from '../../src/disclosure/recall.js';
import { seriousnessTable } from '../../src/disclosure/seriousness.js';
import { timeInServicePublished } from '../../src/disclosure/time-in-service.js';
import { computeMeasures } from '../../src/measures/index.js';
import { formatMeasuresText } from '../../src/output/index.js';
import { END_REASONS, RECALL_REASONS } from '../../src/study/vocabulary.js';
import { END_REASON_WORDS, RECALL_REASON_WORDS, SERIOUSNESS_LEVELS, SERIOUSNESS_WORDS, inSentence, wordOf } from '../../src/words/labels.js';
import { conviction, makeStudy, person, recall, rerelease } from './helpers.js';

const study = makeStudy(
  [
    person('ID-ALPHA-1', { index_offence: 'V1', release_date: '2020-01-01', service_end: '2020-12-31', end_reason: 'recalled' }),
    person('ID-BRAVO-2', { index_offence: 'S1', release_date: '2020-03-01', service_end: '2021-02-01', end_reason: 'completed' }),
    person('ID-CHARLIE-3', { index_offence: 'V2', release_date: '2020-06-01' }),
  ],
  [
    recall('ID-ALPHA-1', '2020-02-01', 'drugs_alcohol;further_charge'),
    rerelease('ID-ALPHA-1', '2020-03-01'),
    recall('ID-CHARLIE-3', '2020-08-01', 'failed_to_reside'),
    recall('ID-BRAVO-2', '2020-09-01'),
    conviction('ID-BRAVO-2', '2020-05-01', '2020-07-01', 'T1'),
  ],
  '2021-12-31',
);
const m = computeMeasures(study, { recallWindow: 'licence' });
const text = formatMeasuresText(m);
const ANALYST = { profile: 'analyst', minCell: 5 } as const;
const line = (start: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .find((l) => l.startsWith(start)) ?? '';

describe('vocabulary words', () => {
  it('has a word for every recall reason and end reason of the record format', () => {
    for (const r of RECALL_REASONS) expect(RECALL_REASON_WORDS[r]).toMatch(/^[A-Z]/);
    for (const e of END_REASONS) expect(END_REASON_WORDS[e]).toMatch(/^[A-Z]/);
  });

  it('gives the text output the recall reasons of the table and chart, in their order and with their counts', () => {
    const rows = recallCounts(m.recall, ANALYST).reasons;
    const expected = rows.map((r) => `${inSentence(wordOf(RECALL_REASON_WORDS, r.key))} ${r.count.value}`).join(', ');
    expect(expected).toBe(
      'further charge 1, non-compliance 0, failed to keep in touch 0, failed to reside 1, drugs or alcohol 1, other reason 0, no reason recorded 1',
    );
    expect(line('Reasons given by')).toContain(`(a recall may give several): ${expected}`);
  });

  it('gives the text output the end reasons of the table and chart', () => {
    const ends = timeInServicePublished(m.timeInService, ANALYST).ends.filter((e) => e.key !== 'ongoing');
    expect(line('Service ends by reason:')).toBe(
      `Service ends by reason: ${ends.map((e) => `${inSentence(wordOf(END_REASON_WORDS, e.key))} ${e.count.value}`).join(', ')}`,
    );
    expect(line('Service ends by reason:')).toBe('Service ends by reason: completed 1, recalled 1, disengaged 0, transferred 0, died 0, other 0');
  });

  it('orders seriousness less, as, more serious in the text as in the table', () => {
    const all = seriousnessTable(m.reconviction, ANALYST).rows.at(-1)!;
    const words = SERIOUSNESS_LEVELS.map((l) => `${inSentence(SERIOUSNESS_WORDS[l])} ${all.cells[l].value}`).join(', ');
    expect(line('Most serious reconviction')).toBe(`Most serious reconviction against the index offence (severity): ${words}`);
  });
});
