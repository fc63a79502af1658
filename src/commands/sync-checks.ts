import fs from 'node:fs';
import path from 'node:path';
import { describeFsError, errorCode, StoreError } from '../core/store/store-error.js';
import { UserError } from './user-error.js';

// What a sync checks before it commits: things in the data folder that are not what prep
// keeps there (a FIFO where a log is, a file where the logs folder is). Each stops the sync in
// one line with nothing committed or sent: read, a FIFO would hang it; skipped, git would take
// it for logs or decks deleted here and carry that to the other machine.

/**
 * Runs a step that reads every log before the commit. A log that is not a regular file (a
 * FIFO, a folder) stops the sync there, saying so: nothing is committed or sent.
 */
export function beforeCommit<T>(step: () => T): T {
  try {
    return step();
  } catch (err) {
    if (err instanceof StoreError) throw new UserError(`sync stopped, nothing committed or sent: ${err.message}; move it out of the way, then run prep sync again`, 1);
    throw err;
  }
}

/**
 * Checks that each of `dirs` is a folder, or not there, and that the decks in it are files. A
 * file (or a FIFO, a link to one) in the place of the decks or logs folder would be committed
 * as every deck or log deleted, and the other machine would then remove them too.
 */
export function checkFolders(dirs: string[]): void {
  for (const dir of dirs) {
    let isDir: boolean;
    try {
      isDir = fs.statSync(dir).isDirectory();
    } catch (err) {
      if (errorCode(err) === 'ENOENT') continue;
      throw new UserError(`sync stopped, nothing committed or sent: cannot read ${dir}: ${describeFsError(err)}`, 1);
    }
    if (!isDir) throw new UserError(`sync stopped, nothing committed or sent: ${dir} is a file, not a folder; move it out of the way, then run prep sync again`, 1);
    // A deck that is a FIFO, a folder or a device: git cannot add it, and the copy for the
    // repository (without PREP_HOME) would take it for a deck deleted here.
    for (const f of fs.readdirSync(dir).filter((n) => /\.ya?ml$/.test(n))) {
      const file = path.join(dir, f);
      const st = fs.statSync(file, { throwIfNoEntry: false });
      if (st && !st.isFile()) throw new UserError(`sync stopped, nothing committed or sent: ${file} is not a regular file (a folder, a FIFO or a device); move it out of the way, then run prep sync again`, 1);
    }
  }
}
