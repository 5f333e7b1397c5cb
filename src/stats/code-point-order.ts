/**
 * Code-point order of strings, comparison.md "Covariates and the propensity score": levels
 * sorted as R's `sort(method = "radix")` does (byte order of UTF-8, which is code-point
 * order). JavaScript's default sort compares UTF-16 units, which puts characters above
 * U+FFFF before U+E000–U+FFFF; this does not.
 */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // A surrogate (U+D800–DFFF) stands for a code point above U+FFFF.
    const surrogateX = x >= 0xd800 && x <= 0xdfff;
    const surrogateY = y >= 0xd800 && y <= 0xdfff;
    if (surrogateX === surrogateY) return x - y;
    return surrogateX ? 1 : -1;
  }
  return a.length - b.length;
}
