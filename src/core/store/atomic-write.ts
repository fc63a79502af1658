import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { errorCode, storeErrorFrom } from './store-error.js';

/** The file operations a write uses; tests swap one for a failing one (a full disk). */
export interface WriteOps {
  writeSync: (fd: number, data: Uint8Array, offset: number, length: number) => number;
}

const REAL: WriteOps = { writeSync: (fd, data, offset, length) => fs.writeSync(fd, data, offset, length) };

/**
 * Writes `data` to `target` so that a reader sees either the old file or the whole new one:
 * it goes to a hidden temp file beside it, is fsynced, then renamed into place. With
 * `exclusive`, an existing target is never replaced (it is hard-linked into place, which fails
 * if the name is taken) and the StoreError has code EEXIST. Any failure (a full disk, a
 * read-only or missing folder, no permission) removes the temp file, leaves the target as it
 * was, and throws a StoreError whose message says why in words.
 */
export function writeFileAtomic(target: string, data: string | Uint8Array, opts: { exclusive?: boolean; mode?: number; ops?: WriteOps } = {}): void {
  // Stryker disable next-line ConditionalExpression,StringLiteral: Buffer.from copies bytes as they are, and reads text as UTF-8 by default
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const tmp = path.join(path.dirname(target), `.${path.basename(target).slice(0, 200)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  const ops = opts.ops ?? REAL;
  let fd: number | undefined;
  try {
    fd = fs.openSync(tmp, 'wx', opts.mode ?? 0o600);
    for (let done = 0; done < bytes.length; ) done += ops.writeSync(fd, bytes, done, bytes.length - done);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    if (opts.exclusive) placeExclusive(tmp, target);
    else fs.renameSync(tmp, target);
  } catch (err) {
    if (fd !== undefined) {
      try {
        fs.closeSync(fd);
      } catch {
        // The temp file goes next; its descriptor does not matter.
      }
    }
    try {
      fs.rmSync(tmp);
    } catch {
      // No temp file was made (its folder is not there): nothing to clean.
    }
    throw storeErrorFrom('could not write', target, err);
  }
}

/** Puts `tmp` at `target` unless something is there already. */
function placeExclusive(tmp: string, target: string): void {
  try {
    fs.linkSync(tmp, target);
  } catch (err) {
    const code = errorCode(err);
    // A file system without hard links: check, then rename (a race here is only theoretical).
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'EXDEV') throw err;
    // Stryker disable next-line StringLiteral: the user reads the words for EEXIST, not this message
    if (fs.existsSync(target)) throw Object.assign(new Error('file exists'), { code: 'EEXIST' });
    fs.renameSync(tmp, target);
    return;
  }
  fs.rmSync(tmp);
}
