/** The pool's one sort (comparison.md step 3): by (stratum, distance), ties in file order. */
import { describe, expect, it } from 'vitest';
import { sortByDistance } from '../../src/stats/matching/sort-distance.js';
import { mulberry32 } from '../../src/synth/prng.js';

describe('sortByDistance', () => {
  it('orders as a stable comparison sort does: negatives, −0 with +0, ties in file order, strata first', () => {
    const random = mulberry32(5);
    const d = Float64Array.from({ length: 5000 }, () => Math.round((random() - 0.5) * 40) / 4);
    d[3] = -0;
    d[4] = 0;
    d[5] = -1e-300;
    d[6] = 1e300;
    d[7] = -Number.MAX_VALUE;
    const stratum = Int32Array.from({ length: d.length }, () => Math.floor(random() * 3));
    const expected = (s: Int32Array | null) => Array.from(d.keys()).sort((a, b) => (s ? s[a] - s[b] : 0) || d[a] - d[b] || a - b);
    expect(Array.from(sortByDistance(d, null, 1))).toEqual(expected(null));
    expect(Array.from(sortByDistance(d, stratum, 3))).toEqual(expected(stratum));
    expect(Array.from(sortByDistance(new Float64Array(0), null, 1))).toEqual([]);
  });
});
