/**
 * One guarded way of opening an input file (records.md, "Validation": a clear
 * error naming the file): a directory, a device such as /dev/zero, a FIFO
 * (which would block forever), a file that cannot be read, or one larger than
 * the reader can hold is refused in one line that says why, before any read;
 * a file that changes while it is read is refused after.
 */
import { constants, openSync, closeSync, fstatSync, statSync, type Stats } from 'node:fs';
import { escapeControls } from './quote.js';

/** Largest JSON table: it is parsed as one string, and a Node string cannot exceed about 512 MB. */
const JSON_MAX_BYTES = 256 << 20;
/** Longest CSV record: a longer one is a quote left open, not a row. */
export const RECORD_MAX_BYTES = 256 << 20;

/**
 * An input file that cannot be read as a table. `usage` is true when the file
 * itself is wrong (a path, a permission: exit 2), false when its content is
 * (exit 1).
 */
export class InputFileError extends Error {
  override name = 'InputFileError';
  constructor(
    message: string,
    readonly usage: boolean,
  ) {
    super(message);
  }
}

const REASONS: Record<string, string> = {
  ENOENT: 'there is no such file',
  EACCES: 'permission denied (the file is not readable by this user)',
  EPERM: 'permission denied',
  EISDIR: 'it is a directory, not a file',
  ENOTDIR: 'a folder on its path is a file',
  ELOOP: 'its path has a loop of symbolic links',
  ENAMETOOLONG: 'its path is too long',
  EMFILE: 'too many files are open',
};

/** Why a file system call failed, in words (the code when it is not one of the usual). */
function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  return REASONS[code] ?? `it could not be opened (${code || 'unknown error'})`;
}

/** The size and time a reader checks again at the end. */
interface InputVersion {
  size: number;
  mtimeMs: number;
}

function refuse(role: string, path: string, reason: string, usage = true): never {
  throw new InputFileError(`cannot read the ${role} file ${escapeControls(path)}: ${reason}`, usage);
}

/**
 * Checks that `path` is a regular file this process can read, of a size the
 * reader can handle, without blocking (O_NONBLOCK: a FIFO opens at once and
 * is refused); returns its size and modification time.
 */
export function checkInputFile(role: string, path: string): InputVersion {
  let stats: Stats;
  try {
    stats = statSync(path);
  } catch (error) {
    return refuse(role, path, reasonOf(error));
  }
  if (stats.isDirectory()) refuse(role, path, 'it is a directory, not a file');
  if (stats.isFIFO()) refuse(role, path, 'it is a pipe (FIFO), not a file: reading it could wait forever');
  if (!stats.isFile()) refuse(role, path, 'it is a device or socket, not a regular file');
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    return refuse(role, path, reasonOf(error));
  }
  try {
    stats = fstatSync(fd);
  } finally {
    closeSync(fd);
  }
  if (/\.json$/i.test(path) && stats.size > JSON_MAX_BYTES) {
    refuse(role, path, `a JSON table is read whole, and this one has ${stats.size} bytes (at most ${JSON_MAX_BYTES}); write it as CSV`, false);
  }
  return { size: stats.size, mtimeMs: stats.mtimeMs };
}

/** Refuses a file whose size or modification time changed since {@link checkInputFile}: the rows read may mix two versions. */
export function checkUnchanged(role: string, path: string, before: InputVersion): void {
  let now: Stats;
  try {
    now = statSync(path);
  } catch (error) {
    refuse(role, path, `it went away while it was read (${reasonOf(error)})`, false);
  }
  if (now.size !== before.size || now.mtimeMs !== before.mtimeMs) {
    refuse(role, path, 'it changed while it was read (size or modification time): the rows read may mix two versions; read it again once it is written', false);
  }
}

/**
 * A file open for reading in parts (events-in-parallel.ts): every part, the
 * header, the hash and the encoding check read this one handle, by position,
 * so the parts cannot come from two versions of a file replaced on its path
 * while it is read. `version` is the handle's size and time when opened.
 */
export interface OpenFile extends OpenHandle {
  version: InputVersion;
}

/** A handle open on a file, with the path it was opened from (for messages). */
export interface OpenHandle {
  fd: number;
  path: string;
}

/** A file to read: a path (opened for the read and closed after), or a handle already open (read by position, left open). */
export type FileSource = string | OpenHandle;

/** Opens a file checked by {@link checkInputFile} for reading in parts, with its size and time as opened. */
export function openForParts(role: string, path: string): OpenFile {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    return refuse(role, path, reasonOf(error));
  }
  const stats = fstatSync(fd);
  return { fd, path, version: { size: stats.size, mtimeMs: stats.mtimeMs } };
}

/**
 * Refuses a file open for reading in parts whose size or modification time
 * changed while it was read (written in place), or whose path now names
 * another file (replaced): the rows read would not be the file as it is.
 */
export function checkHandleUnchanged(role: string, file: OpenFile): void {
  const now = fstatSync(file.fd);
  if (now.size !== file.version.size || now.mtimeMs !== file.version.mtimeMs) {
    refuse(
      role,
      file.path,
      'it changed while it was read (size or modification time): the rows read may mix two versions; read it again once it is written',
      false,
    );
  }
  checkUnchanged(role, file.path, file.version);
}
