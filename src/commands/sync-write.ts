import fs from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../core/store/atomic-write.js';
import { storeErrorFrom } from '../core/store/store-error.js';

// How sync writes a file of the data folder (a log, a deck, settings.json, a copy kept aside):
// whole or not at all, through the store's temp file and rename. A full disk leaves the old file
// as it was and throws a StoreError that says why in words. A drill appending to a log that is
// replaced this way notices (the log names another file now) and reopens it.

/** Writes `text` to `file` whole, keeping the mode of the file it replaces (decks readable by all, the rest private). */
export function writeWhole(file: string, text: string | Uint8Array): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  let mode = /\.ya?ml$/.test(file) ? 0o644 : 0o600;
  try {
    mode = fs.statSync(file).mode & 0o777;
  } catch {
    // A new file: the usual mode.
  }
  writeFileAtomic(file, text, { mode });
}

/**
 * Adds whole lines at the end of a log, as the drill does: appended in one write, never by
 * replacing the file, so a grade a drill appends meanwhile cannot fall into a replaced file. A
 * write cut short (a full disk) is cut back off when nothing else was appended since, so the
 * log is as it was, and a StoreError says why in words.
 */
export function appendWhole(file: string, lines: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  let fd: number;
  try {
    // Read and append: the last byte tells whether the log ends mid-line.
    fd = fs.openSync(file, 'a+', 0o600);
  } catch (err) {
    throw storeErrorFrom('could not save to', file, err);
  }
  let done = 0;
  let size = 0;
  try {
    size = fs.fstatSync(fd).size;
    const last = Buffer.alloc(1);
    const midLine = size > 0 && fs.readSync(fd, last, 0, 1, size - 1) === 1 && last[0] !== 0x0a;
    const data = Buffer.from(`${midLine ? '\n' : ''}${lines}`, 'utf8');
    while (done < data.length) done += fs.writeSync(fd, data, done, data.length - done);
    fs.fsyncSync(fd);
  } catch (err) {
    if (done > 0 && fs.fstatSync(fd).size === size + done) fs.ftruncateSync(fd, size);
    throw storeErrorFrom('could not save to', file, err);
  } finally {
    fs.closeSync(fd);
  }
}
