/**
 * Where a JSON text stops being valid (records.md, "Validation": file, line,
 * column): found by one linear scan with an explicit stack, so that neither
 * V8's message (which quotes the input unmasked) nor recursion (a cell nested
 * thousands deep) is involved.
 */

/** The first syntax fault of a JSON text: line and column (1-based), the top-level element it is in (0-based, −1 outside one), what was expected. */
interface JsonSyntaxFault {
  line: number;
  column: number;
  element: number;
  expected: string;
}

const WS = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const STRING_BODY = /(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;

/** The first fault of `text` as JSON, or null when it is valid. */
export function jsonSyntaxFault(text: string): JsonSyntaxFault | null {
  // Stack of open containers: 91 '[' or 123 '{'.
  const stack: number[] = [];
  let i = 0;
  let element = -1;
  // What may come next: a value, an object key, a ':' or a ',' / closer.
  let want = 'value' as 'value' | 'key' | 'colon' | 'after' | 'value-or-close' | 'key-or-close';
  const fault = (expected: string): JsonSyntaxFault => {
    let line = 1;
    let lineStart = 0;
    for (let k = 0; k < i && k < text.length; k++) {
      if (text.charCodeAt(k) === 10) {
        line++;
        lineStart = k + 1;
      }
    }
    return { line, column: i - lineStart + 1, element, expected };
  };
  for (;;) {
    while (i < text.length && WS(text.charCodeAt(i))) i++;
    if (i >= text.length) {
      if (stack.length === 0 && want === 'after') return null;
      return fault('more JSON: the text ends inside a value (a closing bracket or brace is missing)');
    }
    const c = text.charCodeAt(i);
    if (stack.length === 1 && stack[0] === 91 && (want === 'value' || want === 'value-or-close') && c !== 93) element++;
    if (want === 'value' || want === 'value-or-close') {
      if (c === 93 && want === 'value-or-close') {
        stack.pop();
        i++;
        want = 'after';
        continue;
      }
      if (c === 91 || c === 123) {
        stack.push(c);
        i++;
        want = c === 91 ? 'value-or-close' : 'key-or-close';
        continue;
      }
      if (c === 34) {
        STRING_BODY.lastIndex = i + 1;
        if (!STRING_BODY.test(text)) return fault('a string closed by a double quote, without raw line ends or bad escapes');
        i = STRING_BODY.lastIndex;
        want = 'after';
        continue;
      }
      NUMBER.lastIndex = i;
      if (NUMBER.test(text)) {
        i = NUMBER.lastIndex;
        want = 'after';
        continue;
      }
      const word = text.startsWith('true', i) ? 4 : text.startsWith('false', i) ? 5 : text.startsWith('null', i) ? 4 : 0;
      if (word > 0) {
        i += word;
        want = 'after';
        continue;
      }
      return fault('a JSON value (a string in double quotes, a number, true, false, null, an object or an array)');
    }
    if (want === 'key' || want === 'key-or-close') {
      if (c === 125 && want === 'key-or-close') {
        stack.pop();
        i++;
        want = 'after';
        continue;
      }
      if (c !== 34) return fault('a property name in double quotes');
      STRING_BODY.lastIndex = i + 1;
      if (!STRING_BODY.test(text)) return fault('a property name closed by a double quote');
      i = STRING_BODY.lastIndex;
      want = 'colon';
      continue;
    }
    if (want === 'colon') {
      if (c !== 58) return fault("a ':' after the property name");
      i++;
      want = 'value';
      continue;
    }
    // After a value.
    const top = stack[stack.length - 1];
    if (top === undefined) return fault('nothing after the JSON array');
    if (c === 44) {
      i++;
      want = top === 91 ? 'value' : 'key';
      continue;
    }
    if ((c === 93 && top === 91) || (c === 125 && top === 123)) {
      stack.pop();
      i++;
      continue;
    }
    return fault(top === 91 ? "a ',' or ']' after an array element" : "a ',' or '}' after a property value");
  }
}
