import fs from 'node:fs';
import { copyAside, moveAside } from './aside.js';
import { parseRecordLine, type LogRecord } from './log-records.js';
import { pause } from './pause.js';
import { errorCode, StoreError, storeErrorFrom } from './store-error.js';

/** What reading a review log found: the valid records in file order, and what was skipped. */
export interface LogRead {
  records: LogRecord[];
  warnings: string[];
}

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
}

function readBytes(file: string): Buffer | undefined {
  let fd: number;
  try {
    // Non-blocking, so a FIFO in the log's place cannot hang the open waiting for a writer.
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  } catch (err) {
    if (errorCode(err) === 'ENOENT') return undefined;
    throw storeErrorFrom('cannot read', file, err);
  }
  try {
    const stat = fs.fstatSync(fd);
    if (stat.isDirectory()) throw new StoreError(`cannot read ${file}: it is a folder, not a file`, file, { code: 'EISDIR' });
    // A device (a link to /dev/zero, say) would be read forever.
    if (!stat.isFile()) throw new StoreError(`cannot read ${file}: it is not a regular file`, file);
    return fs.readFileSync(fd);
  } catch (err) {
    if (err instanceof StoreError) throw err;
    throw storeErrorFrom('cannot read', file, err);
  } finally {
    fs.closeSync(fd);
  }
}

function scan(file: string, bytes: Buffer): Scan {
  const lines = bytes.toString('utf8').split('\n');
  // A file ending in '\n' splits into a last empty string: there is no unfinished line.
  const last = lines.length - 1;
  const records: LogRecord[] = [];
  const seen = new Map<string, string>();
  const warnings: string[] = [];
  let bad = 0;
  let recordLike = 0;
  let torn: Scan['torn'];

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
    if (parsed.ok) return keep(parsed.record, line, i + 1);
    // A record appended after a crash cut the previous line short ends up on that line.
    const start = line.lastIndexOf(RECORD_START);
    // Stryker disable next-line EqualityOperator,ConditionalExpression,StringLiteral: at 0 the line itself was already tried, and at -1 one character or any other fallback never parses as a record
    const rest = start > 0 ? line.slice(start) : '';
    const salvaged = rest ? parseRecordLine(rest) : undefined;
    if (salvaged?.ok) {
      warnings.push(`${file}:${i + 1}: skipped the cut-off start of a line, kept the record after it`);
      return keep(salvaged.record, rest, i + 1);
    }
    if (i === last && parsed.reason === 'not valid JSON') {
      torn = { start: bytes.lastIndexOf(NEWLINE) + 1, lineNo: i + 1 };
      return;
    }
    bad++;
    // Stryker disable next-line UpdateOperator: recordLike is only ever compared with 0
    if (!parsed.garbage) recordLike++;
    if (bad <= MAX_LINE_WARNINGS) warnings.push(`${file}:${i + 1}: skipped a line: ${parsed.reason}`);
  });
  if (bad > MAX_LINE_WARNINGS) {
    warnings.push(`${file}: skipped ${bad - MAX_LINE_WARNINGS} more bad lines`);
  }

  const loneFragment = torn !== undefined && torn.start === 0 && bytes.toString('utf8').trimStart().startsWith('{');
  // Lines that look like records (from a newer prep, say) mean this is a log we partly
  // understand, not garbage: moving it aside would hide it from the prep that wrote it.
  const unreadable = records.length === 0 && recordLike === 0 && (bad > 0 || (torn !== undefined && !loneFragment));
  return { records, warnings, torn, unreadable };
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
 * never changed: the damage is only skipped and reported. A missing file is an empty log. A file that cannot
 * be read throws a StoreError and is left untouched. May block up to about a second while
 * another process finishes an append.
 */
export function readLog(file: string, opts: { repair?: boolean } = {}): LogRead {
  const repair = opts.repair ?? true;
  for (let attempt = 1; ; attempt++) {
    const bytes = readBytes(file);
    if (bytes === undefined) return { records: [], warnings: [] };
    const found = scan(file, bytes);
    if (found.unreadable && !repair) {
      return { records: [], warnings: [`${file} could not be read as a review log; it was skipped (the next drill moves it aside)`] };
    }
    if (found.unreadable) return moveUnreadable(file);
    const { torn, records, warnings } = found;
    if (torn === undefined) return { records, warnings };
    if (!repair) {
      // Only looking (list, stats): the repair waits for the next command that writes.
      return { records, warnings: [...warnings, `${file}:${torn.lineNo}: skipped an unfinished last line (the next drill repairs the file)`] };
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
      return { records, warnings: [...warnings, `${file}:${torn.lineNo}: skipped an unfinished last line`] };
    }

    let aside: string;
    try {
      aside = copyAside(file, 'torn', bytes.subarray(torn.start));
    } catch (err) {
      throw storeErrorFrom('could not save the cut-off last line of', file, err);
    }
    if (!truncateIfUnchanged(file, bytes.length, torn.start)) {
      // The file grew after all: the line was being completed. Read it again.
      fs.rmSync(aside, { force: true });
      if (attempt < MAX_ATTEMPTS) continue;
      return { records, warnings: [...warnings, `${file}:${torn.lineNo}: skipped an unfinished last line`] };
    }
    const warning =
      `${file}:${torn.lineNo}: the last line was cut off (prep was probably stopped while saving); ` +
      `it was skipped and saved to ${aside}`;
    return { records, warnings: [...warnings, warning] };
  }
}
