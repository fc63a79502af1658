import fs from 'node:fs';
import { parseRecordLine, type LogRecord } from './log-records.js';
import { errorCode, StoreError, storeErrorFrom } from './store-error.js';

const NEWLINE = 0x0a;
const CHUNK = 1 << 20;
/** As in log-reader.ts: a record glued after a cut-off line starts so. */
const RECORD_START = '{"v":';

function visitLine(line: string, visit: (r: LogRecord) => void): void {
  // Stryker disable next-line ConditionalExpression,StringLiteral: a shortcut; an empty line parses as nothing below too
  if (line === '') return;
  const parsed = parseRecordLine(line);
  if (parsed.ok) return visit(parsed.record);
  const start = line.lastIndexOf(RECORD_START);
  // Stryker disable next-line ConditionalExpression,EqualityOperator: from 0 (or -1, the last character) the slice is no record either
  const salvaged = start > 0 ? parseRecordLine(line.slice(start)) : undefined;
  if (salvaged?.ok) visit(salvaged.record);
}

/**
 * Calls `visit` with every valid record of a review log, in file order, reading a megabyte at a
 * time, so a year of history is never held whole (`prep stats` counts it this way). Bad lines
 * are skipped without a word: reading the log for progress reports them (log-reader.ts).
 * Unlike that read, a record id used twice is not looked for. A missing file has no records.
 * With `limit`, only the file's first `limit` bytes are read (a position a read returned as its end).
 */
export function streamLog(file: string, visit: (r: LogRecord) => void, limit = Number.POSITIVE_INFINITY): void {
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  } catch (err) {
    if (errorCode(err) === 'ENOENT') return;
    throw storeErrorFrom('cannot read', file, err);
  }
  try {
    if (!fs.fstatSync(fd).isFile()) throw new StoreError(`cannot read ${file}: it is not a regular file`, file);
    const chunk = Buffer.allocUnsafe(CHUNK);
    let rest = Buffer.alloc(0);
    for (let left = limit; left > 0; ) {
      const n = fs.readSync(fd, chunk, 0, Math.min(CHUNK, left), null);
      if (n === 0) break;
      left -= n;
      const buf = rest.length ? Buffer.concat([rest, chunk.subarray(0, n)]) : chunk.subarray(0, n);
      const end = buf.lastIndexOf(NEWLINE);
      // Stryker disable next-line ConditionalExpression,EqualityOperator: with no line break (or one at 0) the text before it is empty: no lines
      if (end >= 0) for (const line of buf.toString('utf8', 0, end).split('\n')) visitLine(line, visit);
      // Copied: `chunk` is overwritten by the next read.
      rest = Buffer.from(buf.subarray(end + 1));
    }
    visitLine(rest.toString('utf8'), visit);
  } catch (err) {
    if (err instanceof StoreError) throw err;
    throw storeErrorFrom('cannot read', file, err);
  } finally {
    fs.closeSync(fd);
  }
}
