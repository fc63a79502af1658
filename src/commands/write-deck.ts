import { lstatSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { removeAbandonedTemps, writeFileAtomic, type PieceWriter } from '../core/store/atomic-write.js';
import { describeFsError, StoreError } from '../core/store/store-error.js';
import { UserError } from './user-error.js';

/**
 * Writes a new deck file for `new` and `import`: whole or not at all (temp file, fsync,
 * rename), so a full disk, a read-only folder or a missing permission leaves no empty deck in
 * the way of a retry. Without `replace`, an existing file is never touched and `exists` is the
 * message; with it, only a regular file is replaced (never a device, a folder or a FIFO).
 * Every failure is a UserError that names the cause in words and says nothing was written.
 * The text may come in pieces (see writeFileAtomic); an error in making them is thrown as it was.
 */
export function writeDeckFile(target: string, shown: string, text: string | PieceWriter, opts: { replace: boolean; exists: string; makeFolder: boolean }): void {
  const nothing = 'Nothing was written.';
  let kind: 'none' | 'file' | 'folder' | 'other' = 'none';
  try {
    const st = lstatSync(target);
    kind = st.isFile() ? 'file' : st.isDirectory() ? 'folder' : st.isSymbolicLink() ? 'file' : 'other';
  } catch {
    // Not there yet: the usual case (a path that cannot be looked at fails below with its reason).
  }
  if (kind === 'folder') throw new UserError(`${shown} is a folder: give a file name ending in .yaml. ${nothing}`);
  if (kind !== 'none' && !opts.replace) throw new UserError(opts.exists);
  if (kind === 'other') throw new UserError(`${shown} is not a regular file (a device or a pipe?): prep will not replace it. ${nothing}`);
  try {
    if (opts.makeFolder) mkdirSync(dirname(target), { recursive: true, mode: 0o700 });
  } catch (err) {
    throw new UserError(`cannot create the folder ${dirname(shown)}: ${describeFsError(err)}. ${nothing}`, 1);
  }
  removeAbandonedTemps(dirname(target));
  try {
    writeFileAtomic(target, text, { exclusive: !opts.replace, mode: 0o644 });
  } catch (err) {
    if (!(err instanceof StoreError)) throw err;
    const cause = err.cause;
    if (err.code === 'EEXIST') throw new UserError(opts.exists);
    if (err.code === 'ENOENT') throw new UserError(`cannot write ${shown}: its folder does not exist. ${nothing}`);
    throw new UserError(`cannot write ${shown}: ${describeFsError(cause)}. ${nothing}`, 1);
  }
}
