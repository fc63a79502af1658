import { createHash } from 'node:crypto';
import fs from 'node:fs';

/**
 * The card texts of a deck cache entry, checked in chunks. A start needs every text soon and
 * reads and checks them all at once; a report (`prep stats`) shows the texts of ~20 of 10,000
 * cards, and checking all 10 MB for them was a tenth of its time. So the texts carry a SHA-256
 * per 16 KB chunk (kept in the entry's index, which is checked before any of this is trusted),
 * and a reader on demand reads, with positioned reads, and checks only the chunks a card's text
 * lies in, the first time one of its texts is read. A chunk that fails its check is never
 * parsed: the read throws {@link CacheTextError}, and the caller loads the deck from its file.
 */
export const CHUNK_BYTES = 16 * 1024;

/** The check of an entry's texts: their length and a digest per chunk. */
export interface TextsCheck {
  bytes: number;
  chunks: string[];
}

/** A card's text failed its check (the entry was cut or edited after its index was read). */
export class CacheTextError extends Error {
  constructor(file: string) {
    super(`The deck cache entry ${file} changed after it was opened; run the command again.`);
    this.name = 'CacheTextError';
  }
}

export const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** The check of `texts`, to keep in the index. */
export function checkOf(texts: Buffer): TextsCheck {
  const chunks: string[] = [];
  for (let at = 0; at < texts.length; at += CHUNK_BYTES) chunks.push(sha256(texts.subarray(at, at + CHUNK_BYTES)));
  return { bytes: texts.length, chunks };
}

/** Whether an index's `texts` field is a check of the right shape. */
export function isTextsCheck(t: unknown): t is TextsCheck {
  const c = t as TextsCheck | null;
  return (
    typeof c === 'object' &&
    c !== null &&
    Number.isSafeInteger(c.bytes) &&
    c.bytes >= 0 &&
    Array.isArray(c.chunks) &&
    c.chunks.length === Math.ceil(c.bytes / CHUNK_BYTES) &&
    c.chunks.every((h) => typeof h === 'string')
  );
}

/** Whether every chunk of `texts` (all of an entry's texts) matches its digest. */
export function allChunksMatch(texts: Buffer, check: TextsCheck): boolean {
  if (texts.length !== check.bytes) return false;
  return check.chunks.every((h, k) => sha256(texts.subarray(k * CHUNK_BYTES, (k + 1) * CHUNK_BYTES)) === h);
}

/** Reads a byte range of the texts: from the whole, checked texts, or chunk by chunk from the file. */
export type TextSlice = (from: number, to: number) => string;

/** Texts already read and checked as a whole. */
export const sliceOfAll =
  (texts: Buffer): TextSlice =>
  (from, to) =>
    texts.toString('utf8', from, to);

/**
 * Texts read from `file` on demand, `at` being where they start in it: each chunk is read and
 * checked once, when a text in it is first asked for, and kept.
 */
export function sliceOnDemand(file: string, at: number, check: TextsCheck, readAt: (fd: number, position: number, length: number) => Buffer): TextSlice {
  const checked = new Map<number, Buffer>();
  const load = (first: number, last: number): void => {
    const from = first * CHUNK_BYTES;
    const to = Math.min((last + 1) * CHUNK_BYTES, check.bytes);
    let bytes: Buffer;
    let fd: number | null = null;
    try {
      fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
      if (!fs.fstatSync(fd).isFile()) throw new CacheTextError(file);
      bytes = readAt(fd, at + from, to - from);
    } catch {
      throw new CacheTextError(file);
    } finally {
      if (fd !== null) fs.closeSync(fd);
    }
    if (bytes.length !== to - from) throw new CacheTextError(file);
    for (let k = first; k <= last; k++) {
      const chunk = bytes.subarray((k - first) * CHUNK_BYTES, (k - first + 1) * CHUNK_BYTES);
      if (sha256(chunk) !== check.chunks[k]) throw new CacheTextError(file);
      checked.set(k, chunk);
    }
  };
  return (from, to) => {
    const first = Math.floor(from / CHUNK_BYTES);
    const last = Math.floor((to - 1) / CHUNK_BYTES);
    if (from < 0 || to > check.bytes || last < first) throw new CacheTextError(file);
    // One read for the run of chunks not yet checked (a text rarely spans more than two).
    let k = first;
    while (k <= last && checked.has(k)) k++;
    if (k <= last) {
      let end = last;
      // Stryker disable next-line ConditionalExpression: reading again a chunk already checked at the end of the run gives the same bytes (it was checked then)
      while (checked.has(end)) end--;
      load(k, end);
    }
    const parts: Buffer[] = [];
    for (let c = first; c <= last; c++) parts.push(checked.get(c)!);
    // Stryker disable next-line ConditionalExpression: a copy of one part holds the same bytes
    const joined = parts.length === 1 ? parts[0]! : Buffer.concat(parts);
    return joined.toString('utf8', from - first * CHUNK_BYTES, to - first * CHUNK_BYTES);
  };
}
