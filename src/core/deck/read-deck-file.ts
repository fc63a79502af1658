import type { DeckProblem } from './types.js';
import { isUtf8 } from 'node:buffer';
import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs';

/** Largest deck file we read: far above any real deck, small enough to hold in memory safely. */
export const MAX_DECK_BYTES = 16 * 1024 * 1024;

/** Why a deck file could not be read, in words for people; thrown by {@link readDeckText}. */
export class UnreadableDeckError extends Error {
  override name = 'UnreadableDeckError';
}

/**
 * Reads a deck file as UTF-8 text without a byte-order mark. Checks the size (and that it is a
 * regular file, not a folder or a device) before reading, so a huge or endless file is refused
 * without being loaded.
 */
export function readDeckText(path: string): string {
  const bytes = readCheckedFile(path);
  refuseUtf16(bytes);
  try {
    // TextDecoder drops a leading byte-order mark by itself.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UnreadableDeckError('the file is not UTF-8 text');
  }
}

const BOM = [0xef, 0xbb, 0xbf];

/**
 * Reads a file as {@link readDeckText} does, with the same checks and refusals, but leaves its
 * UTF-8 undecoded (a leading byte-order mark dropped): for a reader that can take bytes, so a
 * big file is not held both as bytes and as text.
 */
export function readDeckBytes(path: string): Buffer {
  const bytes = readCheckedFile(path);
  refuseUtf16(bytes);
  if (!isUtf8(bytes)) throw new UnreadableDeckError('the file is not UTF-8 text');
  return BOM.every((b, i) => bytes[i] === b) ? bytes.subarray(BOM.length) : bytes;
}

/** How many bytes from the start {@link utf16Of} looks at. */
const UTF16_SAMPLE = 512;

/**
 * `LE` or `BE` when the bytes are UTF-16 text (as Windows tools save "Unicode" text): a UTF-16
 * byte-order mark, or, without one, a zero byte in every other place of most of the first
 * characters and never in the others (the zero half of each Latin letter). UTF-8 text has no
 * zero bytes, and without the mark that pattern passes for valid UTF-8 full of NULs.
 */
export function utf16Of(bytes: Uint8Array): 'LE' | 'BE' | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'LE';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'BE';
  const pairs = Math.floor(Math.min(bytes.length, UTF16_SAMPLE) / 2);
  let low = 0;
  let high = 0;
  for (let i = 0; i < pairs; i++) {
    if (bytes[2 * i] === 0) high++;
    if (bytes[2 * i + 1] === 0) low++;
  }
  if (pairs < 2) return undefined;
  if (high === 0 && low * 2 >= pairs) return 'LE';
  if (low === 0 && high * 2 >= pairs) return 'BE';
  return undefined;
}

/** Refuses UTF-16 text in words that say what it is and how to make it UTF-8. */
function refuseUtf16(bytes: Uint8Array): void {
  const order = utf16Of(bytes);
  if (order) throw new UnreadableDeckError(`the file is UTF-16 text, not UTF-8: save it as UTF-8 (for example: iconv -f UTF-16${order} -t UTF-8 FILE > NEW_FILE)`);
}

/** The bytes of a regular file no bigger than {@link MAX_DECK_BYTES}, or why not in words. */
function readCheckedFile(path: string): Buffer {
  let fd: number;
  try {
    // Non-blocking, so a FIFO given as a deck is refused below instead of waiting for a writer.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    throw new UnreadableDeckError(`cannot read the file: ${osReason(err)}`);
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw new UnreadableDeckError('cannot read the file: it is a folder, not a file');
    if (!stat.isFile()) throw new UnreadableDeckError('cannot read the file: it is not a regular file');
    if (stat.size > MAX_DECK_BYTES) {
      throw new UnreadableDeckError(
        `the file is too big for a deck: ${stat.size} bytes, over the limit of ${MAX_DECK_BYTES} bytes (${MAX_DECK_BYTES / (1024 * 1024)} MB)`,
      );
    }
    return readFileSync(fd);
  } catch (err) {
    if (err instanceof UnreadableDeckError) throw err;
    throw new UnreadableDeckError(`cannot read the file: ${osReason(err)}`);
  } finally {
    closeSync(fd);
  }
}

const REASONS: Record<string, string> = {
  ENOENT: 'there is no such file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a folder, not a file',
  ENOTDIR: 'part of the path is not a folder',
  ELOOP: 'too many symbolic links in the path',
  EMFILE: 'too many files are open',
  ENAMETOOLONG: 'the path is too long',
  EIO: 'the disk reported an input/output error',
};

/** The OS error behind a failed read, in plain words. */
function osReason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code && REASONS[code]) return REASONS[code];
  return err instanceof Error ? err.message : String(err);
}

/**
 * Reads a deck file for the loader, the cache and lint alike: its text, or the one problem (at
 * 1:1, naming the file as `file`) that says why it cannot be read.
 */
export function readDeckSource(absolute: string, file: string): { text: string } | { problem: DeckProblem } {
  try {
    return { text: readDeckText(absolute) };
  } catch (err) {
    const message = err instanceof UnreadableDeckError ? err.message : `cannot read the file: ${String(err)}`;
    return { problem: { file, line: 1, column: 1, path: '', message, severity: 'error' } };
  }
}
