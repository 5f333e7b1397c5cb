/**
 * Reading a table from an .xlsx workbook (Office Open XML, ECMA-376 part 1:
 * §18.2 workbook, §18.3 worksheet, §18.4 shared strings, §18.8 styles): the
 * first sheet or a named one, its first row the header, each later row
 * numbered by its row in the sheet. The zip is opened by fflate; the few XML
 * parts needed are read here. A cell with a date format is its calendar day
 * (`YYYY-MM-DD`), a time of day other than midnight kept so that it is
 * reported; numbers in their shortest form; text as written.
 */
import { unzipSync } from 'fflate';
import { formatDay } from '../time/days.js';

/** A sheet's cells, row by row; `lines[r]` is row r's number in the sheet. */
interface SheetTable {
  names: string[];
  rows: string[][];
  lines: number[];
  sheet: string;
}

/** A workbook that cannot be read as a table, with what to do. */
export class WorkbookError extends Error {
  override name = 'WorkbookError';
}

const ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML text with its entities and OOXML's `_xHHHH_` escapes decoded. */
function unescapeXml(s: string): string {
  return s
    .replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) =>
      e[0] === '#' ? String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)) : ENTITY[e],
    )
    .replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

const attr = (tag: string, name: string): string | null => {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? unescapeXml(m[1]) : null;
};

/** The text of every `<t>` in an element (a rich-text string has several runs). */
function texts(xml: string): string {
  let out = '';
  for (const m of xml.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>|<t(?:\s[^>]*)?\/>/g)) out += m[1] === undefined ? '' : unescapeXml(m[1]);
  return out;
}

/** Built-in number formats that are dates (ECMA-376 §18.8.30): 14–22 and 45–47. */
const DATE_FORMAT_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** A custom format code is a date when it has day, month or year parts outside quotes and brackets. */
function isDateCode(code: string): boolean {
  const bare = code.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
  return /[dmy]/i.test(bare) && !/^general$/i.test(bare.trim());
}

/** Which cell styles (indexes into cellXfs) show dates. */
function dateStyles(stylesXml: string | undefined): boolean[] {
  if (!stylesXml) return [];
  const custom = new Map<number, string>();
  for (const m of stylesXml.matchAll(/<numFmt\s[^>]*>/g)) {
    const id = Number(attr(m[0], 'numFmtId'));
    custom.set(id, attr(m[0], 'formatCode') ?? '');
  }
  const xfs = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(stylesXml);
  if (!xfs) return [];
  return [...xfs[1].matchAll(/<xf\s[^>]*?\/?>/g)].map((m) => {
    const id = Number(attr(m[0], 'numFmtId') ?? 0);
    return DATE_FORMAT_IDS.has(id) || (custom.has(id) && isDateCode(custom.get(id)!));
  });
}

/** Column index (from 0) of a cell reference such as `AB12`. */
function columnOf(ref: string): number {
  let c = 0;
  for (let i = 0; i < ref.length; i++) {
    const k = ref.charCodeAt(i);
    if (k < 65 || k > 90) break;
    c = c * 26 + (k - 64);
  }
  return c - 1;
}

/** A serial date as text: its day (1900 or 1904 date system) and, when not midnight, its time. */
function serialDate(serial: number, date1904: boolean): string {
  const days = Math.floor(serial);
  const day = formatDay(days - (date1904 ? 24107 : 25569)) ?? String(serial);
  const seconds = Math.round((serial - days) * 86400);
  if (seconds === 0) return day;
  const hh = String(Math.floor(seconds / 3600)).padStart(2, '0');
  const mm = String(Math.floor((seconds % 3600) / 60)).padStart(2, '0');
  const ss = String(seconds % 60).padStart(2, '0');
  return `${day} ${hh}:${mm}:${ss}`;
}

/**
 * Reads the sheet named `sheet` of a workbook as a table; when none is
 * named, the sheet named after the table (`people`, `events`, ignoring case)
 * if there is one, else the first sheet. Throws a WorkbookError when the file is not a workbook, the sheet
 * does not exist (the message lists the sheets), or the sheet is empty.
 */
export function readXlsx(bytes: Uint8Array, sheet: string | null = null, table: string | null = null): SheetTable {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (f) => /^xl\/(workbook\.xml|_rels\/workbook\.xml\.rels|sharedStrings\.xml|styles\.xml|worksheets\/[^/]+\.xml)$/.test(f.name),
    });
  } catch (error) {
    throw new WorkbookError(`a zip file that opens (${(error as Error).message})`);
  }
  const text = (name: string) => (files[name] ? new TextDecoder().decode(files[name]) : undefined);
  const workbook = text('xl/workbook.xml');
  if (workbook === undefined) throw new WorkbookError('an .xlsx workbook; this zip file holds no xl/workbook.xml (a .docx, .ods or other zip?)');
  const sheets = [...workbook.matchAll(/<sheet\s[^>]*>/g)].map((m) => ({ name: attr(m[0], 'name') ?? '', rid: attr(m[0], 'r:id') ?? '' }));
  if (sheets.length === 0) throw new WorkbookError('a workbook with at least one sheet');
  const named = (n: string) => sheets.find((s) => s.name.trim().toLowerCase() === n.toLowerCase());
  const chosen =
    sheet === null
      ? ((table !== null ? named(table) : undefined) ?? sheets[0])
      : (sheets.find((s) => s.name === sheet) ?? sheets.find((s) => s.name.toLowerCase() === sheet.toLowerCase()));
  if (chosen === undefined) {
    throw new WorkbookError(
      `a sheet named '${sheet}'; the workbook's sheets are ${sheets.map((s) => `'${s.name}'`).join(', ')} (set "sheet" in the study file, or --sheet)`,
    );
  }
  const rels = text('xl/_rels/workbook.xml.rels') ?? '';
  const rel = [...rels.matchAll(/<Relationship\s[^>]*>/g)].find((m) => attr(m[0], 'Id') === chosen.rid);
  const target = rel ? attr(rel[0], 'Target')! : '';
  const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
  const sheetXml = text(path);
  if (sheetXml === undefined) throw new WorkbookError(`the sheet '${chosen.name}' (its part ${path} is missing from the workbook)`);
  const date1904 = /<workbookPr\s[^>]*date1904="(1|true)"/.test(workbook);
  const shared = [...(text('xl/sharedStrings.xml') ?? '').matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)].map((m) => (m[1] === undefined ? '' : texts(m[1])));
  const isDate = dateStyles(text('xl/styles.xml'));

  const rows: string[][] = [];
  const lines: number[] = [];
  let rowNumber = 0;
  for (const r of sheetXml.matchAll(/<row(\s[^>]*)?(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    const rAttr = r[1] ? attr(r[1], 'r') : null;
    rowNumber = rAttr !== null ? Number(rAttr) : rowNumber + 1;
    const cells: string[] = [];
    let col = 0;
    for (const c of (r[2] ?? '').matchAll(/<c(\s[^>]*?)?(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const tag = c[1] ?? '';
      const ref = attr(tag, 'r');
      if (ref !== null) col = columnOf(ref);
      const type = attr(tag, 't') ?? 'n';
      const body = c[2] ?? '';
      const v = /<v>([\s\S]*?)<\/v>/.exec(body);
      let value = '';
      if (type === 's') value = v ? (shared[Number(v[1])] ?? '') : '';
      else if (type === 'inlineStr') value = texts(body);
      else if (type === 'b') value = v ? (v[1] === '1' ? 'true' : 'false') : '';
      else if (type === 'str' || type === 'e' || type === 'd') value = v ? unescapeXml(v[1]) : '';
      else if (v) {
        const x = Number(v[1]);
        const style = Number(attr(tag, 's') ?? 0);
        value = isDate[style] && Number.isFinite(x) ? serialDate(x, date1904) : Number.isFinite(x) ? String(x) : unescapeXml(v[1]);
      }
      while (cells.length < col) cells.push('');
      cells[col] = value;
      col++;
    }
    rows.push(cells);
    lines.push(rowNumber);
  }
  // The header is the first row with a cell; rows are padded to its width (a row may stop at its last filled cell).
  const first = rows.findIndex((cells) => cells.some((x) => x.trim() !== ''));
  if (first < 0) throw new WorkbookError(`a header row naming the columns (the sheet '${chosen.name}' is empty)`);
  const names = rows[first];
  while (names.length > 0 && names[names.length - 1].trim() === '') names.pop();
  const body = rows.slice(first + 1).map((cells) => {
    const out = cells.slice(0, Math.max(names.length, cells.length));
    while (out.length < names.length) out.push('');
    // Cells past the header's last column that are blank are formatting, not data.
    while (out.length > names.length && out[out.length - 1].trim() === '') out.pop();
    return out;
  });
  return { names, rows: body, lines: lines.slice(first + 1), sheet: chosen.name };
}
