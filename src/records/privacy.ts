/**
 * The privacy guard (records.md, "Privacy guard"): the records must be
 * anonymised, so columns named for personal identifiers and values shaped like
 * official identifiers are refused, and a refused value is only ever shown masked.
 */

/** Column names that identify a person; refused unless the study allows them. */
export const REFUSED_COLUMNS: readonly string[] = [
  'name',
  'full_name',
  'first_name',
  'forename',
  'forenames',
  'given_name',
  'surname',
  'last_name',
  'family_name',
  'dob',
  'date_of_birth',
  'birth_date',
  'birthdate',
  'birthday',
  'address',
  'postcode',
  'post_code',
  'zip',
  'email',
  'email_address',
  'phone',
  'telephone',
  'tel',
  'mobile',
  'phone_number',
  'ni_number',
  'nino',
  'national_insurance',
  'national_insurance_number',
  'nhs',
  'nhs_number',
  'pnc',
  'pnc_id',
  'pnc_number',
  'cro',
  'cro_number',
  'nomis',
  'nomis_number',
  'noms',
  'noms_number',
  'prison_number',
  'crn',
  'ndelius_crn',
  'delius_crn',
];

/** Words that make any column naming them refused, wherever they sit in the name (`nDelius CRN`, `NHS no.`). */
const REFUSED_WORDS = new Set(['crn', 'nhs', 'pnc', 'nomis', 'noms', 'nino', 'dob', 'postcode', 'email', 'surname', 'forename', 'telephone', 'mobile']);
/** Trailing words that say "the identifier of": `nhs_no`, `prison number`, `phone num`. */
const ID_SUFFIXES = new Set(['no', 'num', 'number', 'nr', 'id', 'ref', 'reference']);

const REFUSED = new Set(REFUSED_COLUMNS);
const REFUSED_JOINED = new Set(REFUSED_COLUMNS.map((c) => c.replace(/_/g, '')));

/** Latin letters that Cyrillic and Greek capitals and small letters look like. */
const LOOKALIKES: Record<string, string> = {
  А: 'A',
  В: 'B',
  С: 'C',
  Е: 'E',
  Н: 'H',
  І: 'I',
  Ј: 'J',
  К: 'K',
  М: 'M',
  О: 'O',
  Р: 'P',
  Ѕ: 'S',
  Т: 'T',
  Х: 'X',
  У: 'Y',
  а: 'a',
  с: 'c',
  е: 'e',
  і: 'i',
  ј: 'j',
  о: 'o',
  р: 'p',
  ѕ: 's',
  х: 'x',
  у: 'y',
  һ: 'h',
  Α: 'A',
  Β: 'B',
  Ε: 'E',
  Ζ: 'Z',
  Η: 'H',
  Ι: 'I',
  Κ: 'K',
  Μ: 'M',
  Ν: 'N',
  Ο: 'O',
  Ρ: 'P',
  Τ: 'T',
  Υ: 'Y',
  Χ: 'X',
  ο: 'o',
  ν: 'v',
};
const LOOKALIKE_PATTERN = new RegExp(`[${Object.keys(LOOKALIKES).join('')}]`, 'g');

/**
 * Text as the guard matches it: compatibility forms folded (fullwidth `Ａ１` to
 * `A1`), invisible characters (zero-width spaces and joiners, soft hyphens,
 * byte-order marks) removed, Cyrillic and Greek lookalikes read as the Latin
 * letters they imitate, and every dash as `-`.
 */
function normaliseForMatching(text: string): string {
  let t = /[^\x00-\x7f]/.test(text) ? text.normalize('NFKC') : text;
  if (!/[^\x00-\x7f]/.test(t)) return t;
  t = t.replace(/[\u00ad\u200b-\u200f\u2060-\u2064\ufeff\u180e]/g, '');
  t = t.replace(/[\u2010-\u2015\u2212\ufe63]/g, '-');
  return t.replace(LOOKALIKE_PATTERN, (c) => LOOKALIKES[c]);
}

/**
 * True when a column name identifies a person. The name is normalised
 * ({@link normaliseForMatching}), camelCase split (`DateOfBirth`), and spaces,
 * hyphens and dots read as underscores (dots of initials as nothing), so
 * `First Name`, `date-of-birth`, `N.I. number`, `NHS no.` and `nDelius CRN`
 * are refused; so is a name holding one of {@link REFUSED_WORDS}, and a refused
 * name followed by `number`, `no` or `id`.
 */
export function isRefusedColumn(name: string): boolean {
  const plain = normaliseForMatching(name).trim();
  if (REFUSED.has(plain)) return true;
  const words = plain
    .replace(/([a-z])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
  // Dots of initials (n.i.) read as nothing: single letters run together.
  const initialsJoined = plain
    .toLowerCase()
    .replace(/\b([a-z])\.(?=[a-z]\b)/g, '$1')
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
  for (const ws of [words, initialsJoined]) {
    if (ws.some((w) => REFUSED_WORDS.has(w))) return true;
    let body = ws;
    for (;;) {
      if (body.length === 0) break;
      if (REFUSED.has(body.join('_')) || REFUSED_JOINED.has(body.join(''))) return true;
      if (!ID_SUFFIXES.has(body[body.length - 1])) break;
      body = body.slice(0, -1);
    }
  }
  return false;
}

// Identifier shapes, matched anywhere in a cell (free text can carry them too) but
// not inside a longer run of letters and digits, and in either case, on the
// normalised text; a separator (space, hyphen, dot) may stand between the groups
// an identifier is printed in.
const EDGE_BEFORE = '(?<![A-Za-z0-9])';
const EDGE_AFTER = '(?![A-Za-z0-9])';
const SEP = '[ .-]?';

// Police National Computer ID: YY/NNNNNNNL or YYYY/NNNNNNNL, e.g. 2004/0123456X (or with a hyphen).
const PNC = { name: 'a PNC ID', pattern: new RegExp(`${EDGE_BEFORE}(?:\\d{2}(?:\\d{2})?/|\\d{4}-)\\d{1,7}${SEP}[A-Z]${EDGE_AFTER}`, 'i') };
const EMAIL = { name: 'an email address', pattern: /[^\s@]+@[^\s@]+\.[A-Za-z]{2,}/ };

/** The identifier shapes, by what they are called in messages. */
const IDENTIFIER_SHAPES: readonly { name: string; pattern: RegExp }[] = [
  PNC,
  // National Insurance number: two letters, six digits, a suffix A–D (spaced as on cards, or hyphenated).
  { name: 'a National Insurance number', pattern: new RegExp(`${EDGE_BEFORE}[A-Z]{2}${SEP}\\d{2}${SEP}\\d{2}${SEP}\\d{2}${SEP}[A-D]${EDGE_AFTER}`, 'i') },
  // Prison (NOMIS) number: A1234BC (A 1234 BC).
  { name: 'a prison (NOMIS) number', pattern: new RegExp(`${EDGE_BEFORE}[A-Z]${SEP}\\d{4}${SEP}[A-Z]{2}${EDGE_AFTER}`, 'i') },
  // nDelius case reference number (CRN): X123456 (X 123456).
  { name: 'an nDelius case reference (CRN)', pattern: new RegExp(`${EDGE_BEFORE}[A-Z]${SEP}\\d{6}${EDGE_AFTER}`, 'i') },
  EMAIL,
  // UK postcode: outward code (A9, A99, AA9, AA99, A9A, AA9A), up to two spaces, inward code 9AA.
  { name: 'a UK postcode', pattern: new RegExp(`${EDGE_BEFORE}[A-Z]{1,2}\\d[A-Z\\d]? {0,2}\\d[A-Z]{2}${EDGE_AFTER}`, 'i') },
  // UK phone number: 0 or +44 / 0044 then 9 or 10 digits (mobiles 07…, landlines 01…, 02…), spaced or hyphenated as written.
  { name: 'a UK phone number', pattern: /(?<![\d+])(?:(?:\+|00)44[ -]?(?:\(0\)[ -]?)?|\(?0)(?:\d[ )-]{0,2}){8,9}\d(?!\d)/ },
  // A date of birth in free text: a birth word, then a date (01/02/1980, 1980-02-01, 1 February 1980).
  {
    name: 'a date of birth',
    pattern:
      /(?:\bd\.?o\.?b\b\.?|date of birth|birth ?date|\bborn(?: on)?)[\s:.,-]{0,4}(?:\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}|\d{1,2}(?:st|nd|rd|th)? [a-z]{3,9},? \d{2,4})/i,
  },
];

const DOB = IDENTIFIER_SHAPES.find((s) => s.name === 'a date of birth')!;

/** An NHS number: ten digits (3-3-4 as printed) whose tenth is the mod-11 check digit of the first nine. */
const NHS_CANDIDATE = /(?<![\d])\d{3}[ -]?\d{3}[ -]?\d{4}(?!\d)/g;

/** True when the ten digits have a valid NHS check digit (NHS Data Dictionary: weights 10 … 2, 11 − sum mod 11, 11 → 0, 10 invalid). */
export function isNhsNumber(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += (digits.charCodeAt(i) - 48) * (10 - i);
  let check = 11 - (sum % 11);
  if (check === 11) check = 0;
  return check !== 10 && check === digits.charCodeAt(9) - 48;
}

function hasNhsNumber(text: string): boolean {
  NHS_CANDIDATE.lastIndex = 0;
  for (let m = NHS_CANDIDATE.exec(text); m !== null; m = NHS_CANDIDATE.exec(text)) if (isNhsNumber(m[0].replace(/[ -]/g, ''))) return true;
  return false;
}

/**
 * Cheap test on bytes before any regular expression. Every identifier shape
 * has at least five characters and either an `@`, a `/`, or a letter and a
 * run of 1 to 4 or exactly 6 digits (a postcode's runs are 1–3 digits, a
 * NOMIS number's 4, a CRN's and an unspaced NI number's 6, a spaced NI
 * number's 2), so dates, numbers, words and ids such as S0012345 never reach
 * the regular expressions. Ten digits or more (an NHS or a phone number) and
 * any non-ASCII byte (a lookalike letter) pass too.
 */
export function mayBeIdentifierBytes(buf: Uint8Array, start: number, end: number): boolean {
  if (end - start < 5) return false;
  let letter = false;
  let shortRun = false;
  let run = 0;
  let digits = 0;
  for (let i = start; i < end; i++) {
    const b = buf[i];
    if (b >= 48 && b <= 57) {
      run++;
      // Ten digits or more: an NHS or phone number may be among them.
      if (++digits >= 10) return true;
      continue;
    }
    // A non-ASCII byte may be a lookalike or fullwidth character of an identifier.
    if (b >= 0x80) return true;
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
const ANY_SHAPE = new RegExp(
  IDENTIFIER_SHAPES.filter((s) => s !== EMAIL && s !== PNC && !s.name.startsWith('a date of birth'))
    .map((s) => `(?:${s.pattern.source})`)
    .join('|'),
  'i',
);

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
export function identifierShape(raw: string): string | null {
  const text = normaliseForMatching(raw);
  if (hasNhsNumber(text)) return 'an NHS number';
  const at = text.includes('@');
  const slash = text.includes('/');
  if (!at && !slash && !ANY_SHAPE.test(text) && !DOB.pattern.test(text) && !PNC.pattern.test(text)) return null;
  for (const shape of IDENTIFIER_SHAPES) {
    if (shape === EMAIL) {
      if (at && hasEmail(text)) return shape.name;
      continue;
    }
    if (shape === PNC && !slash && !text.includes('-')) continue;
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
