import fs from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../core/store/atomic-write.js';
import { readText } from '../core/store/safe-read.js';

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

/** Adds whole lines at the end of a log by replacing it whole (see above). */
export function appendWhole(file: string, lines: string): void {
  const now = readText(file) ?? '';
  writeWhole(file, `${now}${now === '' || now.endsWith('\n') ? '' : '\n'}${lines}`);
}
