import { describe, expect, it } from 'vitest';
import { BAD_DATE, ByteKeyMap, StringInterner, WordMatcher, daysFromCivil, parseDateBytes, parseNumberBytes } from '../../src/records/bytes.js';

const bytes = (s: string) => Buffer.from(s, 'utf8');

describe('dates from bytes', () => {
  it('agrees with Date.UTC on every day from 1899 to 2201 (both sides of the table of months, 1900–2199)', () => {
    const wrong: string[] = [];
    for (let t = Date.UTC(1899, 0, 1); t <= Date.UTC(2201, 11, 31); t += 86_400_000) {
      const iso = new Date(t).toISOString().slice(0, 10);
      const b = bytes(iso);
      if (parseDateBytes(b, 0, b.length) !== t / 86_400_000) wrong.push(iso);
    }
    expect(wrong).toEqual([]);
  });

  it('refuses dates that do not exist and anything not YYYY-MM-DD', () => {
    for (const text of [
      '2023-02-29',
      '2100-02-29',
      '2019-13-01',
      '2019-00-10',
      '2019-04-31',
      '2019-4-1',
      '2019/04/01',
      '20190401',
      '2019-04-01T00',
      '２019-04-01',
      '',
    ]) {
      const b = bytes(text);
      expect(parseDateBytes(b, 0, b.length), text).toBe(BAD_DATE);
    }
    const leap = bytes('2000-02-29');
    expect(parseDateBytes(leap, 0, leap.length)).toBe(Date.UTC(2000, 1, 29) / 86_400_000);
    expect(daysFromCivil(1970, 1, 1)).toBe(0);
  });

  it('reads years outside the table of months, below 100 too (where Date.UTC would read 19 as 1919)', () => {
    // Day numbers from Python's date.toordinal() − 719163 (the ordinal of 1970-01-01).
    for (const [text, expected] of [
      ['0001-01-01', -719162],
      ['0019-01-01', -712588],
      ['1600-02-29', -135081],
    ] as const) {
      const b = bytes(text);
      expect(parseDateBytes(b, 0, b.length), text).toBe(expected);
    }
  });
});

describe('numbers from bytes', () => {
  it('reads plain decimals exactly as Number does', () => {
    for (const text of ['0', '7', '-3', '+12', '8.5', '0.1', '11.0', '123456.789', '1e3', '2.5E-2', '.5', '5.']) {
      const b = bytes(text);
      expect(parseNumberBytes(b, 0, b.length), text).toBe(Number(text));
    }
  });

  it('refuses what is not a plain number', () => {
    for (const text of ['', '-', 'abc', '0x10', 'Infinity', '1,000', '1 0', 'NaN', '1e']) {
      const b = bytes(text);
      expect(parseNumberBytes(b, 0, b.length), text).toBeNaN();
    }
  });
});

describe('byte-keyed lookups', () => {
  it('keeps 100,000 keys through every growth of the table', () => {
    const map = new ByteKeyMap();
    const keys = Array.from({ length: 100_000 }, (_, i) => bytes(`S${String(i).padStart(7, '0')}`));
    let wrong = 0;
    keys.forEach((k, i) => {
      if (map.setIfAbsent(k, 0, k.length, i) !== i) wrong++;
    });
    expect(map.size).toBe(100_000);
    keys.forEach((k, i) => {
      if (map.get(k, 0, k.length) !== i) wrong++;
    });
    expect(wrong).toBe(0);
    // A second insert keeps the first value.
    expect(map.setIfAbsent(keys[5], 0, keys[5].length, 99)).toBe(5);
    const missing = bytes('S9999999');
    expect(map.get(missing, 0, missing.length)).toBe(-1);
  });

  it('keeps keys stored in order without a table, and gives the same answers once they stop coming in order', () => {
    const map = new ByteKeyMap(16, true);
    const key = (i: number) => bytes(`P${String(i).padStart(4, '0')}`);
    const store = (i: number, value: number) => map.setIfAbsent(key(i), 0, 5, value);
    const find = (i: number) => map.get(key(i), 0, 5);
    const findInOrder = (i: number) => map.getInOrder(key(i), 0, 5);
    for (let i = 0; i < 300; i += 2) expect(store(i, i)).toBe(i);
    // The last key again, and an earlier key, are present: their first values stay.
    expect(store(298, -5)).toBe(298);
    expect(find(10)).toBe(10);
    expect(find(11)).toBe(-1);
    // In order, every other person (a lookup out of order each time), then backwards.
    for (let i = 0; i < 300; i += 4) expect(findInOrder(i)).toBe(i);
    for (let i = 298; i >= 0; i -= 2) expect(findInOrder(i)).toBe(i);
    expect(findInOrder(301)).toBe(-1);
    // Out of order from now on: an odd key below the last, then an even one that is present.
    expect(store(1, 1001)).toBe(1001);
    expect(store(100, -5)).toBe(100);
    expect(store(1, -5)).toBe(1001);
    for (let i = 0; i < 300; i += 2) expect(find(i)).toBe(i);
    expect(find(1)).toBe(1001);
    expect(find(3)).toBe(-1);
    expect(map.size).toBe(151);
  });

  it('gives keys back as strings, ASCII or not', () => {
    const ascii = new ByteKeyMap(4, true);
    const utf8 = new ByteKeyMap();
    for (const [i, id] of ['A1', 'B22', 'C333'].entries()) ascii.setString(id, i);
    for (const [i, id] of ['Zoë', 'Anaïs', 'Bo'].entries()) utf8.setString(id, i);
    expect(ascii.keyStrings(Int32Array.from([2, 0, 0]), 3)).toEqual(['C333', 'A1', 'A1']);
    expect(utf8.keyStrings(Int32Array.from([1, 2, 0, 9]), 3)).toEqual(['Anaïs', 'Bo', 'Zoë']);
  });

  it('looks up keys inside a larger buffer, including UTF-8', () => {
    const map = new ByteKeyMap();
    map.setString('Ynys Môn', 1);
    map.setString('', 2);
    const b = bytes('x,Ynys Môn,y');
    expect(map.get(b, 2, 2 + Buffer.byteLength('Ynys Môn'))).toBe(1);
    expect(map.get(b, 0, 0)).toBe(2);
    expect(map.getString('Ynys Mon')).toBe(-1);
  });

  it('interns: the same bytes give the same string and index', () => {
    const interner = new StringInterner(2);
    const b = bytes('North East,South Wales,North East,Other');
    const a = interner.index(b, 0, 10);
    expect(interner.index(b, 23, 33)).toBe(a);
    expect(interner.strings[a]).toBe('North East');
    expect(interner.index(b, 11, 22)).toBe(1);
    // Past its limit it remembers nothing new.
    expect(interner.index(b, 34, 39)).toBe(-1);
  });

  it('matches words ignoring ASCII case', () => {
    const words = new WordMatcher(['recall', 'rerelease', 'breach']);
    const b = bytes('ReCaLL,BREACH,recalls');
    expect(words.match(b, 0, 6)).toBe(0);
    expect(words.match(b, 7, 13)).toBe(2);
    expect(words.match(b, 14, 21)).toBe(-1);
  });
});
