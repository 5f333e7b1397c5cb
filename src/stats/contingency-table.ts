/** Checks a contingency table: rectangular, cells non-negative integers. */
export function checkContingencyTable(table: number[][]): void {
  if (!Array.isArray(table)) throw new RangeError('contingency table must be an array of rows');
  const cols = table.length > 0 ? table[0]?.length : 0;
  table.forEach((row, i) => {
    if (!Array.isArray(row) || row.length !== cols) {
      throw new RangeError(`contingency table: row ${i} must have ${cols} cells`);
    }
    row.forEach((v, j) => {
      if (!Number.isInteger(v) || v < 0) {
        throw new RangeError(`contingency table: cell [${i}][${j}] must be a non-negative integer, got ${v}`);
      }
    });
  });
}
