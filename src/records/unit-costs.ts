/**
 * The unit-cost table of value for money (value.md "Inputs" and its readings): a CSV with
 * columns `group` (the offence lookup's MoJ offence group), `cost` (pounds per offence)
 * and `source`, optionally headed by `#` comment lines, with a `*` row for any group not
 * listed. Read with the offence lookup's CSV machinery; every problem is reported with its
 * file, line, column and value.
 */
import { isUtf8 } from 'node:buffer';
import { readFileSync } from 'node:fs';
import type { UnitCostRow, UnitCostTable } from '../study/value-settings.js';
import { readCsvBytes } from './csv-reader.js';
import { invalidUtf8At, lineOfOffset } from './file-format.js';
import { normaliseColumnName } from './headers.js';
import { splitCommentBlock } from './offence-lookup.js';
import { escapeControls, quoteValue } from './quote.js';

const COLUMNS = ['group', 'cost', 'source'] as const;

/** The fallback group: applied to any offence group the table does not list. */
export const FALLBACK_GROUP = '*';

/** One problem of a unit-cost file. */
interface UnitCostProblem {
  file: string;
  /** Header = 1; 0 for the file as a whole. */
  line: number;
  column: string | null;
  value: string | null;
  expected: string;
}

/** A unit-cost file that cannot be used: every problem, one a line in the message. */
export class UnitCostError extends Error {
  override name = 'UnitCostError';
  constructor(readonly problems: readonly UnitCostProblem[]) {
    super(
      `the unit-cost table is invalid: ${problems.length} error${problems.length === 1 ? '' : 's'}\n` +
        problems.map((p) => `  ${formatUnitCostProblem(p)}`).join('\n'),
    );
  }
}

/** "file line L, column C: value 'v' — expected …", as the records' problems read (records/problems.ts). */
function formatUnitCostProblem(p: UnitCostProblem): string {
  const place = p.line > 0 ? ` line ${p.line}` : '';
  const column = p.column !== null ? `, column ${quoteValue(p.column)}` : '';
  const value = p.value === null ? '' : p.value.trim() === '' ? ': blank' : `: value '${quoteValue(p.value)}'`;
  return `${escapeControls(p.file)}${place}${column}${value} — expected ${p.expected}`;
}

/** Reads and checks a unit-cost CSV file (`shown` is how messages name it). */
export function readUnitCostFile(path: string, shown: string = path): UnitCostTable {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new UnitCostError([
      { file: shown, line: 0, column: null, value: null, expected: `a readable file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` },
    ]);
  }
  if (!isUtf8(bytes)) {
    const line = lineOfOffset(bytes, invalidUtf8At(bytes));
    throw new UnitCostError([{ file: shown, line, column: null, value: null, expected: 'UTF-8 text (save the table as "CSV UTF-8")' }]);
  }
  let text = bytes.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return unitCostsFromCsv(text, shown);
}

/** Checks a unit-cost table given as CSV text (`file` names it in messages). */
export function unitCostsFromCsv(text: string, file: string): UnitCostTable {
  const split = splitCommentBlock(text);
  let names: string[] | null = null;
  const records: { line: number; cells: string[]; fault: boolean }[] = [];
  readCsvBytes(Buffer.from(split.body, 'utf8'), (rec) => {
    const cells: string[] = [];
    for (let i = 0; i < rec.count; i++) cells.push(rec.buf.toString('utf8', rec.starts[i], rec.ends[i]));
    if (names === null) names = cells.map(normaliseColumnName);
    else records.push({ line: rec.line + split.lineOffset, cells, fault: rec.fault !== null });
  });
  const problems: UnitCostProblem[] = [];
  const header: string[] = names ?? [];
  const headerLine = 1 + split.lineOffset;
  if (header.length === 0) throw new UnitCostError([{ file, line: 0, column: null, value: null, expected: 'a header row: group,cost,source' }]);
  const at = new Map<string, number>();
  header.forEach((name, i) => {
    if (at.has(name)) problems.push({ file, line: headerLine, column: name, value: null, expected: 'each column once' });
    at.set(name, i);
  });
  for (const column of COLUMNS) {
    if (!at.has(column)) problems.push({ file, line: headerLine, column, value: null, expected: `a ${column} column (the columns are group, cost, source)` });
  }
  if (problems.length > 0) throw new UnitCostError(problems);

  const rows: UnitCostRow[] = [];
  const byGroup = new Map<string, UnitCostRow>();
  const firstLine = new Map<string, number>();
  for (const record of records) {
    if (record.cells.every((c) => c.trim() === '')) continue;
    if (record.fault || record.cells.length !== header.length) {
      problems.push({
        file,
        line: record.line,
        column: null,
        value: null,
        expected: `${header.length} properly quoted fields as in the header, found ${record.cells.length}`,
      });
      continue;
    }
    const cell = (c: (typeof COLUMNS)[number]) => record.cells[at.get(c)!].trim();
    const before = problems.length;
    const group = cell('group');
    if (group === '')
      problems.push({
        file,
        line: record.line,
        column: 'group',
        value: '',
        expected: "an offence group (the offence lookup's group), or * for every other group",
      });
    const rawCost = cell('cost');
    const cost = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(rawCost) ? Number(rawCost) : Number.NaN;
    if (!(cost > 0 && Number.isFinite(cost)))
      problems.push({ file, line: record.line, column: 'cost', value: rawCost, expected: 'pounds per offence: a number > 0, written without £ or commas' });
    const source = cell('source');
    if (source === '') problems.push({ file, line: record.line, column: 'source', value: '', expected: 'the source of this cost (every row names one)' });
    const first = firstLine.get(group);
    if (group !== '' && first !== undefined)
      problems.push({ file, line: record.line, column: 'group', value: group, expected: `a group listed once (first on line ${first})` });
    if (group !== '' && first === undefined) firstLine.set(group, record.line);
    if (problems.length > before) continue;
    const row: UnitCostRow = { group, cost, source, line: record.line };
    rows.push(row);
    byGroup.set(group, row);
  }
  const fallback = byGroup.get(FALLBACK_GROUP);
  if (!firstLine.has(FALLBACK_GROUP))
    problems.push({ file, line: 0, column: 'group', value: null, expected: 'a row with group * (the cost of any group not listed)' });
  if (problems.length > 0) throw new UnitCostError(problems);
  return { file, rows, byGroup, fallback: fallback! };
}
