/**
 * Setting aside people found in error only once their events are known (a
 * release_date or service_end after the person's death, records.md
 * "Validation"), in quarantine mode: their rows leave every people column, and
 * the events' person rows are renumbered. Their events were set aside already.
 */

/**
 * Removes the people rows in `drop` from `peopleColumns` (arrays or typed
 * arrays of one entry per person, changed in place), renumbers
 * `eventColumns.person`, and returns the new `personStart`.
 */
export function dropPeople(
  peopleColumns: Record<string, unknown>,
  eventColumns: Record<string, unknown>,
  personStart: Int32Array,
  drop: ReadonlySet<number>,
): Int32Array {
  const n = personStart.length - 1;
  const newRow = new Int32Array(n);
  const kept: number[] = [];
  for (let p = 0; p < n; p++) {
    newRow[p] = drop.has(p) ? -1 : kept.length;
    if (!drop.has(p)) kept.push(p);
  }
  for (const [name, column] of Object.entries(peopleColumns)) {
    if (column instanceof Float64Array) peopleColumns[name] = Float64Array.from(kept, (p) => column[p]);
    else if (column instanceof Int32Array) peopleColumns[name] = Int32Array.from(kept, (p) => column[p]);
    else if (Array.isArray(column)) peopleColumns[name] = kept.map((p) => column[p]);
  }
  const person = eventColumns.person as Int32Array;
  const renumbered = new Int32Array(person.length);
  for (let k = 0; k < person.length; k++) renumbered[k] = newRow[person[k]];
  eventColumns.person = renumbered;
  const starts = new Int32Array(kept.length + 1);
  for (let j = 0; j < kept.length; j++) starts[j] = personStart[kept[j]];
  starts[kept.length] = personStart[n];
  return starts;
}
