import fs from 'node:fs';
import path from 'node:path';
import { readLog, type LogRead } from './log-reader.js';
import type { LogRecord } from './log-records.js';
import { storeErrorFrom } from './store-error.js';

export type { Grade, GradeRecord, LogRecord, PitchRecord, UndoRecord } from './log-records.js';
export { LOG_VERSION, newRecordId } from './log-records.js';
export type { LogRead } from './log-reader.js';
export { StoreError } from './store-error.js';

const NEWLINE = Buffer.from('\n');

/** Makes a new directory entry survive a power cut. Some file systems cannot: that is fine. */
function syncFolder(dir: string): void {
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // Best effort only: the record itself has been fsynced already.
  }
}

/**
 * The append-only review log of one deck (`<logsDir>/<deck>.jsonl`): one JSON record per
 * line, the source of truth for all progress. Appends are synchronous and fsynced, so a grade
 * is on disk when `append` returns; several prep processes may append to the same log at once.
 */
export class ReviewLog {
  readonly file: string;
  private fd: number | undefined;
  private ino: number | undefined;
  private mayEndMidLine = false;

  private constructor(file: string) {
    this.file = file;
  }

  /**
   * Opens the log at `file` (creating its folder, not the file) and reads its records,
   * repairing crash damage as {@link readLog} describes. Throws a StoreError if the folder
   * cannot be created or the file cannot be read; then nothing has been touched.
   */
  static open(file: string): { log: ReviewLog; records: LogRecord[]; warnings: string[] } {
    const log = ReviewLog.forAppending(file);
    const { records, warnings } = readLog(file);
    return { log, records, warnings };
  }

  /**
   * The log at `file` for appending only (its folder created, nothing read): for a caller that
   * reads just the part after a snapshot. Throws a StoreError if the folder cannot be created.
   */
  static forAppending(file: string): ReviewLog {
    const dir = path.dirname(file);
    try {
      fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    } catch (err) {
      throw storeErrorFrom('cannot create the folder', dir, err);
    }
    return new ReviewLog(file);
  }

  /**
   * Writes `record` as one line and fsyncs it. When this returns, the record is durable; if
   * it throws (a StoreError saying why, e.g. no space left), the record must be treated as
   * not saved.
   */
  append(record: LogRecord): void {
    // `v` first, whatever the caller's key order: readers find a record's start by `{"v":`.
    const { v, type, ...fields } = record;
    // Stryker disable next-line StringLiteral: Buffer.from's default encoding is utf8 too
    const line = Buffer.from(`${JSON.stringify({ v, type, ...fields })}\n`, 'utf8');
    // After a failed write that may have left half a line, start on a fresh line. (Reading
    // also recovers a record glued to a cut-off line, but a clean file is better.)
    const data = this.mayEndMidLine ? Buffer.concat([NEWLINE, line]) : line;
    let done = 0;
    try {
      const fd = this.openFile();
      // One write of the whole line: with O_APPEND the kernel places it at the end in one
      // piece, so lines from two processes never interleave.
      while (done < data.length) {
        // A short write only happens when the disk is failing or full; writing the rest
        // either finishes the line or reports the real error (ENOSPC...).
        done += fs.writeSync(fd, data, done, data.length - done);
      }
      fs.fsyncSync(fd);
      this.mayEndMidLine = false;
    } catch (err) {
      if (done > 0 && done < data.length) this.mayEndMidLine = true;
      // Stryker disable next-line CallExpression: a descriptor kept open is reused only while it names the same file, which it still does
      this.close();
      throw storeErrorFrom('could not save to', this.file, err);
    }
  }

  /** Reads the file again, e.g. to see what another prep process appended meanwhile. */
  reload(): LogRead {
    return readLog(this.file);
  }

  /** Releases the file. A later `append` opens it again. */
  close(): void {
    // Stryker disable next-line ConditionalExpression: closing no descriptor throws, and that is caught below
    if (this.fd === undefined) return;
    try {
      fs.closeSync(this.fd);
    } catch {
      // Every append was fsynced already: there is nothing left to lose here.
    }
    this.fd = undefined;
    this.ino = undefined;
  }

  /**
   * The open descriptor. It is kept between appends for speed, but reopened if the path now
   * names another file (moved aside by a repair, deleted): writing to the old inode would
   * save grades nobody will ever read.
   */
  private openFile(): number {
    let ino: number | undefined;
    try {
      ino = fs.statSync(this.file).ino;
    } catch {
      // Nothing at the path (deleted, moved aside): ino stays undefined and the file is opened anew.
    }
    // fd and ino are set and cleared together, so only `ino === this.ino` decides.
    // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator: see above
    if (this.fd !== undefined && ino !== undefined && ino === this.ino) return this.fd;
    this.close();
    let fd: number;
    try {
      fd = fs.openSync(this.file, 'a', 0o600);
    } catch (err) {
      // The logs folder was deleted while prep ran: make it again rather than lose every grade.
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      fs.mkdirSync(path.dirname(this.file), { recursive: true, mode: 0o700 });
      fd = fs.openSync(this.file, 'a', 0o600);
    }
    this.fd = fd;
    this.ino = fs.fstatSync(fd).ino;
    // Stryker disable next-line ConditionalExpression: an extra folder flush on reopening a replaced file is harmless
    if (ino === undefined) syncFolder(path.dirname(this.file));
    return fd;
  }
}
