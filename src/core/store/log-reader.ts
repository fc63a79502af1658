import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { copyAside, moveAside } from './aside.js';
import { parseRecordLine, type LogRecord } from './log-records.js';
import { pause } from './pause.js';
import { readRegularFile } from './safe-read.js';
import { storeErrorFrom } from './store-error.js';

/** What reading a review log found: the valid records in file order, and what was skipped. */
export interface LogRead {
  records: LogRecord[];
  warnings: string[];
  /** Where the records read end, to read only what follows next time; undefined when that cannot be told (an unterminated last record) or must not be (a line dated ahead, which counts once its time comes). */
  end?: LogPosition;
}

/**
 * A place in a log just after a line, with what is needed to tell whether the bytes before it
 * are still the same: the number of lines up to it (for `file:line` warnings) and the length
 * and hash of the line that ends there (null at the start of the file).
 */
export interface LogPosition {
  offset: number;
  lines: number;
  last: { length: number; hash: string } | null;
}

// Stryker disable next-line MethodExpression: hashes are only compared with hashes this build made; a longer one only misses an older snapshot once
const hashLine = (line: Uint8Array): string => createHash('sha256').update(line).digest('hex').slice(0, 32);

const NEWLINE = 0x0a;
/** Every record starts so: JSON.stringify keeps key order, and `{"v":` cannot occur inside a string. */
const RECORD_START = '{"v":';
/** Past this many bad lines the rest are counted, not listed: a wall of warnings helps nobody. */
const MAX_LINE_WARNINGS = 20;
/**
 * An unfinished last line untouched for this long is a crash's leftover. A younger one may
 * be another process's append seen half done (the kernel makes a long write visible page by
 * page), so it is waited for, never cut.
 */
const SETTLE_MS = 1000;
const MAX_ATTEMPTS = 4;

interface Scan {
  records: LogRecord[];
  warnings: string[];
  /** Byte offset and number of an unfinished last line that is not a record, if any. */
  torn: { start: number; lineNo: number } | undefined;
  /** Nothing in the file looks like a record, yet it holds more than a cut-off first line. */
  unreadable: boolean;
  end: LogPosition | undefined;
}

function readBytes(file: string, from?: LogPosition): Buffer | undefined | 'changed' {
  // Stryker disable next-line ConditionalExpression: every caller passes a position, and readAfter reads a position at 0 whole too
  return readRegularFile(file, (fd, size) => (from ? readAfter(fd, size, from) : fs.readFileSync(fd)));
}

/**
 * The bytes after `at`, or 'changed' when the line that ended there is gone or different (the log
 * was cut, rewritten or replaced): then only a full read can be trusted.
 */
function readAfter(fd: number, size: number, at: LogPosition): Buffer | 'changed' {
  if (at.offset === 0) return fs.readFileSync(fd);
  // Stryker disable next-line OptionalChaining,UnaryOperator: a position past the start always carries its line (endOf)
  const lineLength = at.last?.length ?? -1;
  // Stryker disable next-line EqualityOperator: a blank last line (length 0) would only cost a full read
  if (lineLength < 0 || size < at.offset) return 'changed';
  // The line that ends at the offset, with the newline before it (if it is not the first) and after it.
  // Stryker disable next-line MethodExpression: reading from 0 checks the same bytes, only more of them
  const start = Math.max(0, at.offset - lineLength - 2);
  const buf = Buffer.allocUnsafe(size - start);
  let done = 0;
  // Stryker disable next-line EqualityOperator: one more read of 0 bytes ends the loop anyway
  while (done < buf.length) {
    const n = fs.readSync(fd, buf, done, buf.length - done, start + done);
    if (n === 0) break;
    done += n;
  }
  if (done < buf.length) return 'changed';
  const lineStart = at.offset - lineLength - 1 - start;
  const before = lineStart === 0 || buf[lineStart - 1] === NEWLINE;
  const line = buf.subarray(lineStart, lineStart + lineLength);
  if (!before || buf[lineStart + lineLength] !== NEWLINE || hashLine(line) !== at.last!.hash) return 'changed';
  return buf.subarray(at.offset - start);
}

const START: LogPosition = { offset: 0, lines: 0, last: null };

/** The position after the last complete line of `bytes`, read from `at`; undefined after an unterminated record. */
function endOf(bytes: Buffer, at: LogPosition, newlines: number, lastIsRecord: boolean): LogPosition | undefined {
  if (lastIsRecord) return undefined;
  const end = bytes.lastIndexOf(NEWLINE);
  // Stryker disable next-line EqualityOperator: a lone line break at 0 is a blank line, read again as nothing
  if (end < 0) return at;
  // Stryker disable next-line ConditionalExpression,EqualityOperator: lastIndexOf(NEWLINE, -1) + 1 is 0 too; a longer "line" is checked the same way, only more bytes
  const start = end === 0 ? 0 : bytes.lastIndexOf(NEWLINE, end - 1) + 1;
  return { offset: at.offset + end + 1, lines: at.lines + newlines, last: { length: end - start, hash: hashLine(bytes.subarray(start, end)) } };
}

function scan(file: string, bytes: Buffer, at: LogPosition = START): Scan {
  const lines = bytes.toString('utf8').split('\n');
  // A file ending in '\n' splits into a last empty string: there is no unfinished line.
  const last = lines.length - 1;
  const records: LogRecord[] = [];
  const seen = new Map<string, string>();
  const warnings: string[] = [];
  let bad = 0;
  let recordLike = 0;
  let torn: Scan['torn'];
  let lastIsRecord = false;
  // A line skipped only because it is dated ahead counts once its time comes: no position after
  // it is given, so no snapshot takes it in as skipped for good (a full replay would then differ).
  let ahead = false;

  const keep = (record: LogRecord, line: string, lineNo: number) => {
    const before = seen.get(record.id);
    if (before === undefined) {
      seen.set(record.id, line);
      records.push(record);
    } else if (before !== line) {
      warnings.push(`${file}:${lineNo}: skipped a record whose id ${record.id} is already used by another record`);
    }
    // The same line twice is a save retried after a failed fsync: one copy is enough.
  };

  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    const parsed = parseRecordLine(line);
    const lineNo = at.lines + i + 1;
    if (parsed.ok) {
      lastIsRecord = i === last;
      return keep(parsed.record, line, lineNo);
    }
    // A record appended after a crash cut the previous line short ends up on that line.
    const start = line.lastIndexOf(RECORD_START);
    // Stryker disable next-line EqualityOperator,ConditionalExpression,StringLiteral: at 0 the line itself was already tried, and at -1 one character or any other fallback never parses as a record
    const rest = start > 0 ? line.slice(start) : '';
    const salvaged = rest ? parseRecordLine(rest) : undefined;
    if (salvaged?.ok) {
      lastIsRecord = i === last;
      warnings.push(`${file}:${lineNo}: skipped the cut-off start of a line, kept the record after it`);
      return keep(salvaged.record, rest, lineNo);
    }
    if (i === last && parsed.reason === 'not valid JSON') {
      torn = { start: at.offset + bytes.lastIndexOf(NEWLINE) + 1, lineNo };
      return;
    }
    bad++;
    if (parsed.ahead) ahead = true;
    // Stryker disable next-line UpdateOperator: recordLike is only ever compared with 0
    if (!parsed.garbage) recordLike++;
    if (bad <= MAX_LINE_WARNINGS) warnings.push(`${file}:${lineNo}: skipped a line: ${parsed.reason}`);
  });
  if (bad > MAX_LINE_WARNINGS) {
    warnings.push(`${file}: skipped ${bad - MAX_LINE_WARNINGS} more bad lines`);
  }

  const loneFragment = torn !== undefined && torn.start === 0 && bytes.toString('utf8').trimStart().startsWith('{');
  // Lines that look like records (from a newer prep, say) mean this is a log we partly
  // understand, not garbage: moving it aside would hide it from the prep that wrote it.
  // After a checked position the log is known to hold records already.
  const unreadable = at.offset === 0 && records.length === 0 && recordLike === 0 && (bad > 0 || (torn !== undefined && !loneFragment));
  return { records, warnings, torn, unreadable, end: ahead ? undefined : endOf(bytes, at, last, lastIsRecord) };
}

/** Cuts the file back to `length` bytes, unless it no longer has `expected` bytes. */
function truncateIfUnchanged(file: string, expected: number, length: number): boolean {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, 'r+');
    if (fs.fstatSync(fd).size !== expected) return false;
    fs.ftruncateSync(fd, length);
    fs.fsyncSync(fd);
    return true;
  } catch (err) {
    throw storeErrorFrom('could not repair', file, err);
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** Milliseconds since the file was last written, or undefined if that cannot be told. */
function quietFor(file: string): number | undefined {
  try {
    const age = Date.now() - fs.statSync(file).mtimeMs;
    // Stryker disable next-line EqualityOperator: an age of exactly 0 ms is as fresh either way
    return age >= 0 ? age : undefined;
  } catch {
    return undefined;
  }
}

function moveUnreadable(file: string): LogRead {
  let aside: string;
  try {
    aside = moveAside(file, 'unreadable');
  } catch (err) {
    throw storeErrorFrom('could not move aside the unreadable log', file, err);
  }
  return {
    records: [],
    warnings: [`${file} could not be read as a review log; it was moved to ${aside} and a new log was started`],
  };
}

/**
 * Reads every record of a review log, repairing what a crash can leave behind:
 * - a cut-off last line is skipped, copied to `<file>.torn-<time>` and cut from the file, so
 *   the next append starts on a clean line;
 * - a bad line in the middle is skipped with a `file:line` warning;
 * - a file with no record at all (binary garbage...) is moved to `<file>.unreadable-<time>`.
 * Nothing is ever deleted without a copy. With `repair: false` (read-only reports) the file is
 * never changed: the damage is only skipped and reported. A missing file is an empty log. A file
 * that cannot be read throws a StoreError and is left untouched. May block up to about a second
 * while another process finishes an append.
 */
export function readLog(file: string, opts: { repair?: boolean } = {}): LogRead {
  return readLogAfter(file, START, opts)!;
}

/**
 * Reads only the records after `at` (a position a previous read returned as its `end`), as
 * {@link readLog} reads the whole log, repairs included. Ids are checked for reuse only among
 * the records read. Returns undefined when the bytes before `at` are no longer what they were
 * (the log was cut, rewritten or replaced) or the file is gone: then read it all.
 */
export function readLogAfter(file: string, at: LogPosition, opts: { repair?: boolean } = {}): LogRead | undefined {
  const repair = opts.repair ?? true;
  for (let attempt = 1; ; attempt++) {
    const bytes = readBytes(file, at);
    if (bytes === undefined) return at.offset === 0 ? { records: [], warnings: [], end: START } : undefined;
    if (bytes === 'changed') return undefined;
    const found = scan(file, bytes, at);
    if (found.unreadable && !repair) {
      return { records: [], warnings: [`${file} could not be read as a review log; it was skipped (the next drill moves it aside)`] };
    }
    if (found.unreadable) return moveUnreadable(file);
    const { torn, records, warnings, end } = found;
    if (torn === undefined) return { records, warnings, end };
    const unfinished = `${file}:${torn.lineNo}: skipped an unfinished last line`;
    if (!repair) {
      // Only looking (list, stats): the repair waits for the next command that writes.
      return { records, warnings: [...warnings, `${unfinished} (the next drill repairs the file)`], end };
    }

    const age = quietFor(file);
    // Stryker disable next-line EqualityOperator: exactly SETTLE_MS either way is the same guess
    if (age === undefined || age < SETTLE_MS) {
      if (age !== undefined && attempt < MAX_ATTEMPTS) {
        // Stryker disable next-line ArithmeticOperator: only how long to wait before looking again; the age is checked anew
        pause(SETTLE_MS - age + 20);
        continue;
      }
      // Possibly a write still in progress (or a clock gone backwards): leave it be.
      return { records, warnings: [...warnings, unfinished], end };
    }

    let aside: string;
    try {
      aside = copyAside(file, 'torn', bytes.subarray(torn.start - at.offset));
    } catch (err) {
      throw storeErrorFrom('could not save the cut-off last line of', file, err);
    }
    if (!truncateIfUnchanged(file, at.offset + bytes.length, torn.start)) {
      // The file grew after all: the line was being completed. Read it again.
      // Stryker disable next-line ObjectLiteral,BooleanLiteral: the copy was just written, so force changes nothing
      fs.rmSync(aside, { force: true });
      if (attempt < MAX_ATTEMPTS) continue;
      return { records, warnings: [...warnings, unfinished], end };
    }
    const warning =
      `${file}:${torn.lineNo}: the last line was cut off (prep was probably stopped while saving); ` +
      `it was skipped and saved to ${aside}`;
    return { records, warnings: [...warnings, warning], end };
  }
}
