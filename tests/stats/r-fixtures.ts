import { readFileSync } from 'node:fs';
import { expect } from 'vitest';

/** Cases written by tests/fixtures/r/<name>.R (R's own outputs at full precision). */
export function loadFixture<T>(name: string): T[] {
  const url = new URL(`../fixtures/r/${name}.json`, import.meta.url);
  return (JSON.parse(readFileSync(url, 'utf8')) as { cases: T[] }).cases;
}

/** Agreement with R: relative 1e-9, or both below the floor of normal doubles' useful range. */
export const RELATIVE_TOLERANCE = 1e-9;
const ABSOLUTE_FLOOR = 1e-290;

/** R's NA is JSON null and must be null here; numbers must agree within RELATIVE_TOLERANCE. */
export function expectCloseToR(actual: number | null | undefined, expected: number | null, label: string): void {
  if (expected === null) {
    expect(actual, `${label}: R gives NA`).toBeNull();
    return;
  }
  expect(actual, `${label}: R gives ${expected}`).not.toBeNull();
  expect(typeof actual, label).toBe('number');
  const a = actual as number;
  if (a === expected) return;
  const ok = Math.abs(a - expected) <= RELATIVE_TOLERANCE * Math.abs(expected) || Math.abs(a - expected) <= ABSOLUTE_FLOOR;
  expect(ok, `${label}: got ${a}, R gives ${expected} (relative error ${Math.abs(a - expected) / Math.abs(expected)})`).toBe(true);
}

export function expectAllCloseToR(actual: readonly (number | null)[] | null, expected: readonly (number | null)[] | null, label: string): void {
  if (expected === null) {
    expect(actual, label).toBeNull();
    return;
  }
  expect(actual, label).not.toBeNull();
  expect(actual!.length, `${label}: length`).toBe(expected.length);
  expected.forEach((e, i) => expectCloseToR(actual![i], e, `${label}[${i}]`));
}

/** No NaN or ±Infinity anywhere in a result (nested arrays and objects). */
export function expectAllFinite(value: unknown, label: string): void {
  if (typeof value === 'number') {
    expect(Number.isFinite(value), `${label} is ${value}`).toBe(true);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => expectAllFinite(v, `${label}[${i}]`));
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) expectAllFinite(v, `${label}.${k}`);
  }
}
