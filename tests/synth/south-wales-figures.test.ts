/**
 * The South Wales sample reproduces the participant flow and profile of
 * Räsänen and Davies (2026), counted here from the committed CSV files.
 */
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { readCsv } from './csv-read.js';

const dir = fileURLToPath(new URL('../../data-samples/', import.meta.url));
const offences = new Map(readCsv(`${dir}offences.csv`).map((o) => [o.code, o]));
const people = readCsv(`${dir}south-wales/people.csv`);
const included = people.filter((p) => p.included === 'true');
const count = <T>(xs: T[]) => {
  const m: Record<string, number> = {};
  for (const x of xs) m[String(x)] = (m[String(x)] ?? 0) + 1;
  return m;
};

describe('south-wales sample (Räsänen and Davies 2026)', () => {
  it('16 identified; 7 not taking part for the published reasons; 9 took part', () => {
    expect(people).toHaveLength(16);
    expect(count(people.filter((p) => p.included === 'false').map((p) => p.exclusion_reason))).toEqual({
      recalled: 3,
      disengaged: 1,
      'no longer supervised': 1,
      'too unstable to take part': 1,
      declined: 1,
    });
    expect(included).toHaveLength(9);
    expect(included.every((p) => p.release_date !== '')).toBe(true);
  });

  it('the nine: 5 male, 2 female, 2 other; ages 24–49 with mean 39; 8 White, 1 Black; 8 violent, 1 sexual', () => {
    expect(count(included.map((p) => p.sex))).toEqual({ male: 5, female: 2, other: 2 });
    const ages = included.map((p) => Number(p.age_at_release));
    expect(Math.min(...ages)).toBe(24);
    expect(Math.max(...ages)).toBe(49);
    expect(ages.reduce((s, a) => s + a, 0) / 9).toBe(39);
    expect(count(included.map((p) => p.ethnicity))).toEqual({ White: 8, Black: 1 });
    expect(count(included.map((p) => offences.get(p.index_offence)!.category))).toEqual({ violent: 8, sexual: 1 });
    expect(new Set(people.map((p) => p.tier))).toEqual(new Set(['Tier 2', 'Tier 3']));
    expect(new Set(people.map((p) => p.service))).toEqual(new Set(['South Wales']));
  });
});
