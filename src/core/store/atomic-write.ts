import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { errorCode, storeErrorFrom } from './store-error.js';

/** The file operations a write uses; tests swap one for a failing one (a full disk). */
export interface WriteOps {
  writeSync: (fd: number, data: Uint8Array, offset: number, length: number) => number;
}

const REAL: WriteOps = { writeSync: (fd, data, offset, length) => fs.writeSync(fd, data, offset, length) };

function tempName(target: string): string {
  return `.${path.basename(target).slice(0, 200)}.`;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return errorCode(err) === 'EPERM';
  }
}

/**
 * Removes from `dir` the temp files of writes (see below) by processes no longer running: a
 * write stopped by a signal or a power cut (a big import's takes seconds) never reaches its own
 * clean-up, and each left a hidden copy of up to 16 MB. A running writer's file stays. Failures
 * are ignored: it is only tidying.
 */
export function removeAbandonedTemps(dir: string): void {
  try {
    for (const entry of fs.readdirSync(dir)) {
      const pid = /^\..+\.(\d+)-[0-9a-f]{8}\.tmp$/.exec(entry)?.[1];
      if (pid !== undefined && Number(pid) !== process.pid && !alive(Number(pid))) fs.rmSync(path.join(dir, entry), { force: true });
    }
  } catch {
    // A folder that cannot be read fails the write itself, with its reason.
  }
}

/**
 * Writes `data` to `target` so that a reader sees either the old file or the whole new one:
 * it goes to a hidden temp file beside it, is fsynced, then renamed into place. With
 * `exclusive`, an existing target is never replaced (it is hard-linked into place, which fails
 * if the name is taken) and the StoreError has code EEXIST. Any failure (a full disk, a
 * read-only or missing folder, no permission) removes the temp file, leaves the target as it
 * was, and throws a StoreError whose message says why in words.
 *
 * `data` may also be a function that hands over the text in pieces, written as they come so the
 * whole text is never held; if it throws, the temp file is removed and its error is thrown as it
 * was.
 */
export function writeFileAtomic(target: string, data: string | Uint8Array | PieceWriter, opts: { exclusive?: boolean; mode?: number; ops?: WriteOps } = {}): void {
  const tmp = path.join(path.dirname(target), `${tempName(target)}${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  const ops = opts.ops ?? REAL;
  let fd: number | undefined;
  try {
    fd = fs.openSync(tmp, 'wx', opts.mode ?? 0o600);
    if (typeof data === 'function') writePieces(ops, fd, data);
    else writeAll(ops, fd, data);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    if (opts.exclusive) placeExclusive(tmp, target);
    else fs.renameSync(tmp, target);
  } catch (err) {
    // Stryker disable next-line ConditionalExpression: closing no descriptor throws, and the catch below ignores it
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
    if (err instanceof PieceFailed) throw err.cause;
    throw storeErrorFrom('could not write', target, err);
  }
}

function writeAll(ops: WriteOps, fd: number, data: string | Uint8Array): void {
  // Stryker disable next-line ConditionalExpression,StringLiteral: Buffer.from copies bytes as they are, and reads text as UTF-8 by default
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  for (let done = 0; done < bytes.length; ) done += ops.writeSync(fd, bytes, done, bytes.length - done);
}

/** Makes a file's text, handing it to `write` a piece at a time. */
export type PieceWriter = (write: (text: string) => void) => void;

/** An error thrown while making the text, told apart from the file's own. */
class PieceFailed extends Error {
  constructor(override readonly cause: unknown) {
    // Stryker disable next-line StringLiteral: never shown; writeFileAtomic throws its cause
    super('the text could not be made');
  }
}

/** An error of the file, on its way out through the code that makes the text. */
class FileFailed extends Error {
  constructor(override readonly cause: unknown) {
    // Stryker disable next-line StringLiteral: never shown; writePieces throws its cause
    super('the file could not be written');
  }
}

/** Pieces are gathered in a buffer of this size and written when it fills. */
const PIECE_BUFFER = 64 * 1024;

/**
 * Writes the pieces through one reused buffer. Encoding each piece into a buffer of its own
 * left a trail of small buffers that only a full garbage collection frees: megabytes of them by
 * the end of a big import.
 */
function writePieces(ops: WriteOps, fd: number, make: PieceWriter): void {
  const buffer = Buffer.allocUnsafe(PIECE_BUFFER);
  let used = 0;
  const flush = (): void => {
    writeAll(ops, fd, buffer.subarray(0, used));
    used = 0;
  };
  try {
    make((text) => {
      try {
        // A UTF-16 unit takes at most 3 bytes of UTF-8: what may not fit goes after a flush.
        if (used + text.length * 3 > buffer.length) flush();
        if (text.length * 3 > buffer.length) writeAll(ops, fd, text);
        // Stryker disable next-line StringLiteral: Buffer#write takes an empty encoding as UTF-8, its default
        else used += buffer.write(text, used, 'utf8');
      } catch (err) {
        throw new FileFailed(err);
      }
    });
  } catch (err) {
    if (err instanceof FileFailed) throw err.cause;
    throw new PieceFailed(err);
  }
  flush();
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
