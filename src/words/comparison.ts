/**
 * The words of comparison.md "Reporting", in the Justice Data Lab's manner: a difference
 * per 100 people with both ends of its 95% interval.
 */

/** "within a year", "within 2 years", "within 18 months". */
export function windowPhrase(months: number): string {
  if (months === 12) return 'within a year';
  if (months % 12 === 0) return `within ${months / 12} years`;
  return `within ${months} months`;
}

/** One end of an interval per 100: "3 fewer", "4 more", "0 more". */
function end(x: number): { n: number; word: 'fewer' | 'more' } {
  const per100 = Math.round(Math.abs(x) * 100 * (1 + 1e-12));
  return { n: per100, word: x < 0 && per100 !== 0 ? 'fewer' : 'more' };
}

/**
 * "For every 100 people who received the service, between 3 and 21 fewer reoffended within
 * a year than in a matched comparison group" (the interval excludes zero), or "…, between 9
 * fewer and 4 more …; the difference could be zero" (it includes zero). `ci` is of the
 * difference service − pool in proportions (or reoffences per person when `what` says so).
 */
export function per100Sentence(
  ci: readonly [number, number],
  what: 'reoffended' | 'were recalled' | 'reoffences',
  windowMonths: number,
  group: 'matched' | 'weighted',
): string {
  const lo = end(ci[0]);
  const hi = end(ci[1]);
  const range =
    lo.word === hi.word ? `between ${Math.min(lo.n, hi.n)} and ${Math.max(lo.n, hi.n)} ${lo.word}` : `between ${lo.n} ${lo.word} and ${hi.n} ${hi.word}`;
  const zero = ci[0] <= 0 && ci[1] >= 0;
  const tail =
    what === 'reoffences'
      ? `proven reoffences ${windowPhrase(windowMonths)} than per 100 people in a ${group} comparison group`
      : `${what} ${windowPhrase(windowMonths)} than in a ${group} comparison group`;
  return `For every 100 people who received the service, ${range} ${tail}${zero ? '; the difference could be zero' : ''}.`;
}
