/**
 * The privacy guard (records.md, "Privacy guard"): the records must be
 * anonymised, so columns named for personal identifiers and values shaped like
 * official identifiers are refused, and a refused value is only ever shown masked.
 */

/** Column names that identify a person; refused unless the study allows them. */
export const REFUSED_COLUMNS: readonly string[] = [
  'name', 'first_name', 'forename', 'surname', 'last_name', 'dob', 'date_of_birth', 'birth_date',
  'address', 'postcode', 'email', 'phone', 'ni_number', 'nino', 'pnc', 'pnc_id', 'pnc_number',
  'cro', 'cro_number', 'nomis', 'noms_number', 'crn',
];

const REFUSED = new Set(REFUSED_COLUMNS);

/**
 * True when a (trimmed, lower-case) column name identifies a person; spaces,
 * hyphens and dots count as underscores (dots of initials as nothing), so
 * `First Name`, `date-of-birth` and `N.I. number` are refused too.
 */
export function isRefusedColumn(name: string): boolean {
  if (REFUSED.has(name)) return true;
  const underscored = name.replace(/[\s-]+/g, '_');
  // Dots either join words (date.of.birth) or mark initials (n.i. number).
  return REFUSED.has(underscored.replace(/\.+/g, '_')) || REFUSED.has(underscored.replace(/\./g, '').replace(/_+/g, '_'));
}

// Identifier shapes, matched anywhere in a cell (free text can carry them too) but
// not inside a longer run of letters and digits, and in either case.
const EDGE_BEFORE = '(?<![A-Za-z0-9])';
const EDGE_AFTER = '(?![A-Za-z0-9])';

// Police National Computer ID: YY/NNNNNNNL or YYYY/NNNNNNNL, e.g. 2004/0123456X.
const PNC = { name: 'a PNC ID', pattern: new RegExp(`${EDGE_BEFORE}\\d{2}(?:\\d{2})?/\\d{1,7}[A-Z]${EDGE_AFTER}`, 'i') };
const EMAIL = { name: 'an email address', pattern: /[^\s@]+@[^\s@]+\.[A-Za-z]{2,}/ };

/** The identifier shapes, by what they are called in messages. */
const IDENTIFIER_SHAPES: readonly { name: string; pattern: RegExp }[] = [
  PNC,
  // National Insurance number: two letters, six digits, a suffix A–D (spaces allowed as printed on cards).
  { name: 'a National Insurance number', pattern: new RegExp(`${EDGE_BEFORE}[A-Z]{2} ?\\d{2} ?\\d{2} ?\\d{2} ?[A-D]${EDGE_AFTER}`, 'i') },
  // Prison (NOMIS) number: A1234BC.
  { name: 'a prison (NOMIS) number', pattern: new RegExp(`${EDGE_BEFORE}[A-Z]\\d{4}[A-Z]{2}${EDGE_AFTER}`, 'i') },
  // nDelius case reference number (CRN): X123456.
  { name: 'an nDelius case reference (CRN)', pattern: new RegExp(`${EDGE_BEFORE}[A-Z]\\d{6}${EDGE_AFTER}`, 'i') },
  EMAIL,
  // UK postcode: outward code (A9, A99, AA9, AA99, A9A, AA9A), optional space, inward code 9AA.
  { name: 'a UK postcode', pattern: new RegExp(`${EDGE_BEFORE}[A-Z]{1,2}\\d[A-Z\\d]? ?\\d[A-Z]{2}${EDGE_AFTER}`, 'i') },
];

/**
 * Cheap test on bytes before any regular expression. Every identifier shape
 * has at least five characters and either an `@`, a `/`, or a letter and a
 * run of 1 to 4 or exactly 6 digits (a postcode's runs are 1–3 digits, a
 * NOMIS number's 4, a CRN's and an unspaced NI number's 6, a spaced NI
 * number's 2), so dates, numbers, words and ids such as S0012345 never reach
 * the regular expressions.
 */
export function mayBeIdentifierBytes(buf: Uint8Array, start: number, end: number): boolean {
  if (end - start < 5) return false;
  let letter = false;
  let shortRun = false;
  let run = 0;
  for (let i = start; i < end; i++) {
    const b = buf[i];
    if (b >= 48 && b <= 57) {
      run++;
      continue;
    }
    if (run > 0 && (run <= 4 || run === 6)) shortRun = true;
    run = 0;
    if ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x7a) letter = true;
    else if (b === 0x40 || b === 0x2f) return true;
  }
  if (run > 0 && (run <= 4 || run === 6)) shortRun = true;
  return letter && shortRun;
}

/** Every shape in one expression: most cells that pass the pre-filter match none, and one scan says so. */
// (The email and PNC shapes stay out: they are tried only when their telltale character is present,
// and an email pattern tried at every position of a long cell is slow.)
const ANY_SHAPE = new RegExp(IDENTIFIER_SHAPES.filter((s) => s !== EMAIL && s !== PNC).map((s) => `(?:${s.pattern.source})`).join('|'), 'i');

/** Longest local part and domain of an address (RFC 5321: 64 and 255). */
const LOCAL_MAX = 64;
const DOMAIN_MAX = 255;

/**
 * True when an email address sits around some `@`: each `@` is tried on a
 * window of at most 64 characters before it and 255 after, so a long cell
 * (`x@` and a million letters) costs linear time, not the quadratic
 * backtracking of one pattern tried at every position.
 */
function hasEmail(text: string): boolean {
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    const window = text.slice(Math.max(0, at - LOCAL_MAX), at + 1 + DOMAIN_MAX);
    if (EMAIL.pattern.test(window)) return true;
  }
  return false;
}

/**
 * The name of the identifier shape a value has (e.g. 'a UK postcode'), or
 * null. Callers reading bytes rule most values out first, and at less cost,
 * with {@link mayBeIdentifierBytes}.
 */
export function identifierShape(text: string): string | null {
  const at = text.includes('@');
  const slash = text.includes('/');
  if (!at && !slash && !ANY_SHAPE.test(text)) return null;
  for (const shape of IDENTIFIER_SHAPES) {
    if (shape === EMAIL) {
      if (at && hasEmail(text)) return shape.name;
      continue;
    }
    if (shape === PNC && !slash) continue;
    if (shape.pattern.test(text)) return shape.name;
  }
  return null;
}

/**
 * Masks a refused value for messages: the first two and last two characters
 * with `•••` between (`A1234BC` → `A1•••BC`); values of six characters or
 * fewer are fully masked, since four of six characters would say too much.
 */
export function maskValue(text: string): string {
  const chars = Array.from(text);
  if (chars.length === 0) return '';
  if (chars.length <= 6) return '•••';
  return `${chars.slice(0, 2).join('')}•••${chars.slice(-2).join('')}`;
}
