import { ByteKeyMap } from '/work/wt/scale-load/src/records/bytes.ts';
import { buildPersonTable, PersonTable } from '/work/wt/scale-load/src/records/person-table.ts';
const N = 1_000_000, Q = 10_000_000;
const ids = new ByteKeyMap(N, true);
const enc = new TextEncoder();
for (let i = 0; i < N; i++) { const b = enc.encode('syn' + String(i).padStart(7, '0')); ids.setIfAbsent(b, 0, b.length, i); }
const kept = Int32Array.from({ length: N }, (_, i) => i);
const parts = ids.parts();
// queries: random ids in one pool
const pool = new Uint8Array(Q * 10); let x = 12345;
for (let q = 0; q < Q; q++) { x = (Math.imul(x, 1103515245) + 12345) >>> 0; const b = enc.encode('syn' + String(x % N).padStart(7, '0')); pool.set(b, q * 10); }
const old = ByteKeyMap.fromParts(parts);
for (let round = 0; round < 2; round++) {
  let t = performance.now(), s = 0;
  for (let q = 0; q < Q; q++) s += kept[old.getInOrder(pool, q * 10, q * 10 + 10)];
  console.log('old', (performance.now() - t).toFixed(0), 'ms', s);
  t = performance.now();
  const table = new PersonTable(buildPersonTable(parts, kept, true));
  console.log('build', (performance.now() - t).toFixed(0));
  t = performance.now(); s = 0;
  for (let q = 0; q < Q; q++) s += table.personOf(pool, q * 10, q * 10 + 10);
  console.log('new', (performance.now() - t).toFixed(0), 'ms', s);
}
