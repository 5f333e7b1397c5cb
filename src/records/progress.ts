/**
 * A progress line for long work (study-file.md, commands: standard output
 * carries only the command's result). On standard error, and only when it is
 * a terminal: the phase, the rows read so far and the time elapsed, rewritten
 * in place at most five times a second, from one second on; the line is
 * cleared when the work is done, so nothing of it stays on the screen or
 * reaches a file or a pipe.
 */

/** Where work reports how far it is. */
export interface Progress {
  /** A new phase (reading people, reading events, putting events in order, measures). */
  phase(name: string): void;
  /** Rows read so far in the phase (called every few thousand rows). */
  rows(count: number): void;
  /** The work is done: the line is cleared. */
  done(): void;
}

/** The part of a stream (process.stderr) a progress line needs. */
interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

/** Nothing shown: for a stream that is not a terminal, for --json, for tests and libraries. */
export const NO_PROGRESS: Progress = { phase: () => {}, rows: () => {}, done: () => {} };

const AFTER_MS = 1000;
const EVERY_MS = 200;

/**
 * A progress line on `stream` when it is a terminal ({@link NO_PROGRESS} otherwise).
 * `now` is the clock in milliseconds (a test's fake one).
 */
export function progressLine(stream: ProgressStream, now: () => number = Date.now): Progress {
  if (stream.isTTY !== true) return NO_PROGRESS;
  const started = now();
  let phase = '';
  let rows = -1;
  let lastDrawn = -Infinity;
  let shown = false;
  const draw = (force: boolean) => {
    const t = now();
    if (t - started < AFTER_MS || (!force && t - lastDrawn < EVERY_MS)) return;
    lastDrawn = t;
    const count = rows >= 0 ? `, ${rows.toLocaleString('en-GB')} rows` : '';
    let text = `follow-up: ${phase}${count}, ${((t - started) / 1000).toFixed(1)} s`;
    const width = (stream.columns ?? 80) - 1;
    if (text.length > width) text = text.slice(0, width);
    // \r, the text, then erase to the end of the line: a shorter line leaves nothing of a longer one.
    stream.write(`\r${text}\x1b[K`);
    shown = true;
  };
  return {
    phase(name) {
      phase = name;
      rows = -1;
      draw(true);
    },
    rows(count) {
      rows = count;
      draw(false);
    },
    done() {
      if (shown) stream.write('\r\x1b[K');
      shown = false;
    },
  };
}
