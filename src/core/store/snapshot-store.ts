import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeFileAtomic } from './atomic-write.js';
import type { LogPosition } from './log-reader.js';
import { readSmallBytes } from './safe-read.js';

/**
 * What a start needs from the first part of a deck's log, so that it reads only what follows:
 * every card's FSRS state and grade summary after the log's first `at.offset` bytes. It is a
 * cache: the log stays the source of truth, and a snapshot that does not fit the log (another
 * retention, a log cut or rewritten before `at`, an undo reaching back into it) is ignored and
 * rebuilt from the whole log. Version 1 (FSRS states only, by record count) is rebuilt too.
 */
export interface ReplaySnapshot {
  v: 4;
  retention: number;
  /** The end of the part covered, with the check that the log still holds it unchanged. */
  at: LogPosition;
  /**
   * One row per card with a counted grade (cards since removed from the deck included, so an id
   * that comes back resumes), as columns (schedule/card-rows.ts): the card ids; their numbers
   * (the FSRS state, the count of grades) as little-endian float64s, in base64; and their grade
   * marks, one JSON line a card, in base64. A start reads the numbers where they lie and parses
   * a card's marks only when they are shown.
   */
  ids: string[];
  numbers: string;
  marks: string;
  /** Targets of the undos covered (undos are few): a grade with one of these ids never counts. */
  undone: string[];
  /** The latest counted grade or pitch run covered (ms since 1970), or null. */
  lastPractised: number | null;
  /**
   * SHA-256 of the JSON of everything above, in this order (see schedule/snapshot.ts), which is
   * the text of the file before the digest: a snapshot edited by hand no longer
   * fits and is rebuilt. The log itself is checked through `at` (the hash of the line ending
   * there), so a snapshot copied beside another log does not fit either.
   */
  digest: string;
}

/**
 * The only snapshot version this build reads; any other is rebuilt. 3: the digest is of the
 * snapshot's JSON as an object, the very text of its file, so a start checks the bytes it read
 * instead of encoding 10,000 rows again. 4: the card rows as columns, so a start makes no object
 * per card (a 10,000-card deck's rows cost `prep list` more than all else it did).
 */
export const SNAPSHOT_VERSION = 4;

/** Where a deck's replay snapshot lives: `<dataDir>/snapshots/<deck>.json`. */
export function snapshotPath(dataDir: string, deck: string): string {
  return path.join(dataDir, 'snapshots', `${deck}.json`);
}

/** Far above the snapshot of any real deck (about two hundred bytes a card). */
const MAX_SNAPSHOT_BYTES = 64 * 1024 * 1024;

/**
 * Reads a deck's snapshot. A snapshot is only a cache of the review log, so one that is
 * missing, unreadable, not a regular file, corrupt or of another version reads as "none" and is
 * rebuilt from the log. Reading creates nothing.
 */
export function loadSnapshot(dataDir: string, deck: string): ReplaySnapshot | null {
  try {
    // Plain JSON read once: conf would parse it twice and deep-compare it with its defaults.
    const bytes = readSmallBytes(snapshotPath(dataDir, deck), MAX_SNAPSHOT_BYTES);
    // Stryker disable next-line ConditionalExpression: JSON.parse(undefined) throws, and the catch returns null too
    if (bytes === undefined) return null;
    const file = JSON.parse(bytes.toString('utf8')) as { snapshot?: Partial<ReplaySnapshot> } | null;
    // Stryker disable next-line OptionalChaining: without it a null file throws, and the catch returns null too
    const snap = file?.snapshot;
    // The numbers are stored little-endian and read where they lie.
    // Stryker disable next-line OptionalChaining,ConditionalExpression: a file of null throws here and the catch returns null too; every machine this runs on is little-endian
    if (snap?.v !== SNAPSHOT_VERSION || os.endianness() !== 'LE') return null;
    if (bytesFitDigest(bytes, snap.digest)) checked.add(snap);
    return snap as ReplaySnapshot;
  } catch {
    return null;
  }
}

const HEAD_BYTES = Buffer.from('{"snapshot":', 'utf8');
const TAIL = (digest: string) => `,"digest":"${digest}"}}`;
/** Snapshots read from a file whose text matched their digest; see {@link digestCheckedOnRead}. */
const checked = new WeakSet<object>();

/**
 * True when `bytes` are the file saveSnapshot writes for a snapshot with this digest: its
 * content's JSON hashes to it. Hashed where the bytes lie: the content as a string, sliced and
 * encoded again, cost a 10,000-card deck's start three times as much.
 */
function bytesFitDigest(bytes: Buffer, digest: unknown): boolean {
  // Stryker disable next-line ConditionalExpression: a file without a digest does not end in the tail of one, checked below
  if (typeof digest !== 'string') return false;
  // Stryker disable next-line StringLiteral: UTF-8 is the default encoding
  const tail = Buffer.from(TAIL(digest), 'utf8');
  const bodyEnd = bytes.length - tail.length;
  // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator: quick looks at the first and last bytes; the hash of the bytes between them fails too when they are wrong
  if (bodyEnd < HEAD_BYTES.length || !bytes.subarray(0, HEAD_BYTES.length).equals(HEAD_BYTES) || !bytes.subarray(bodyEnd).equals(tail)) return false;
  // The content is the object between the head and the tail, closed by the brace the tail's digest stood before.
  return createHash('sha256').update(bytes.subarray(HEAD_BYTES.length, bodyEnd)).update('}').digest('hex') === digest;
}

/**
 * True for a snapshot as loadSnapshot returned it when the file's own text matched its digest, so
 * the check need not encode it again. Anything else (a snapshot built or changed in memory) is
 * checked by encoding it.
 */
export function digestCheckedOnRead(snap: ReplaySnapshot): boolean {
  return checked.has(snap);
}

/**
 * Replaces a deck's snapshot, written to a temp file and renamed, so a crash or a full disk
 * leaves the old one whole. Best effort: a failure costs only speed.
 */
export function saveSnapshot(dataDir: string, deck: string, snapshot: ReplaySnapshot): boolean {
  // Stryker disable next-line ConditionalExpression,BooleanLiteral: every machine this runs on is little-endian
  if (os.endianness() !== 'LE') return false;
  try {
    const file = snapshotPath(dataDir, deck);
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    writeFileAtomic(file, JSON.stringify({ snapshot }));
    return true;
  } catch {
    return false;
  }
}
