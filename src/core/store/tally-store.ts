import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from './atomic-write.js';
import type { LogPosition } from './log-reader.js';
import { readSmallBytes } from './safe-read.js';

/**
 * What `prep stats` counted from a deck's log up to `at` (its review counts, calendar, answer
 * times...), stored beside the deck's snapshot so that it reads only the log after `at`. A cache,
 * like the snapshot: one that does not fit (another position, a time zone other than the one it
 * was counted in, a wrong digest, another version) is ignored and the log is counted whole.
 * The file is this head as JSON on its first line, then the tally's lines, each a JSON value,
 * read one by one as asked for (stats/log-tally.ts: a report parses only the line it draws from;
 * the head is enough to tell whether the file is current). The digest is of the bytes of them all.
 */
export interface TallyHead {
  v: 3;
  /** The end of the part of the log counted: the same position as the snapshot's. */
  at: LogPosition;
  /** The span the time zone was checked over, and its signature then (schedule/day.ts zoneSignature). */
  zone: { from: number; to: number; sig: string };
  /** SHA-256 of the version, position, zone and the tally's line. */
  digest: string;
}

/**
 * The only tally version this build reads. 2: answer times packed, with each card's median (a
 * tally of version 1 is ignored; the log is counted whole until the next drill start rewrites it).
 * 3: the tally in lines, so that a report reads only those it needs.
 */
export const TALLY_VERSION = 3;

/** Far above the tally of any real deck (a few bytes a grade). */
const MAX_TALLY_BYTES = 64 * 1024 * 1024;

/**
 * Where a deck's tally lives: `<dataDir>/snapshots/<deck>.stats.json`, beside its snapshot
 * (`<deck>.json`). A progress key never ends in `.stats` (only a hash follows a dot in one).
 */
export function tallyPath(dataDir: string, deck: string): string {
  return path.join(dataDir, 'snapshots', `${deck}.stats.json`);
}

const NEWLINE = 0x0a;

function digestOf(head: Omit<TallyHead, 'v' | 'digest'>, body: string | Uint8Array): string {
  // Stryker disable next-line StringLiteral: the writer and the reader both join with it; another separator only changes every digest alike
  return createHash('sha256').update(JSON.stringify([TALLY_VERSION, head.at, head.zone])).update('\n').update(body).digest('hex');
}

/** True when two positions name the same place in the same log. */
export function samePosition(a: LogPosition, b: LogPosition): boolean {
  return a.offset === b.offset && a.lines === b.lines && a.last?.length === b.last?.length && a.last?.hash === b.last?.hash;
}

// Stryker disable next-line ConditionalExpression,LogicalOperator: a JSON number is always finite, and Number.isFinite is false for anything else
const isNum = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

/** A stored tally as read: its head, and its lines, each decoded when asked for. */
export interface StoredTally {
  head: TallyHead;
  /** How many lines the tally has. */
  lines: number;
  /** The text of the tally's line `i` (from 0), a JSON value. */
  line(i: number): string;
}

/**
 * A deck's stored tally, its head and its lines, when the file is whole (its digest fits) and
 * of this version; null otherwise (missing, unreadable, damaged: a cache is only rebuilt).
 * Checked as bytes, and only the head made into text: a line is decoded when it is asked for.
 * Reading creates nothing.
 */
export function readTally(dataDir: string, deck: string): StoredTally | null {
  try {
    const bytes = readSmallBytes(tallyPath(dataDir, deck), MAX_TALLY_BYTES);
    // Stryker disable next-line ConditionalExpression: undefined has no indexOf, and the catch returns null too
    if (bytes === undefined) return null;
    const nl = bytes.indexOf(NEWLINE);
    // Stryker disable next-line EqualityOperator,ConditionalExpression,LogicalOperator: a quick answer for a cut file, whose tally lines then fail the digest anyway
    if (nl < 0 || bytes[bytes.length - 1] !== NEWLINE) return null;
    const head = JSON.parse(bytes.toString('utf8', 0, nl)) as Partial<TallyHead> | null;
    // Stryker disable next-line OptionalChaining: a head of null throws here, and the catch returns null too
    const z = head?.zone;
    // Stryker disable next-line OptionalChaining: a head of null, or one without a position, throws here, and the catch returns null too
    if (head?.v !== TALLY_VERSION || typeof head.at?.offset !== 'number' || !z || !isNum(z.from) || !isNum(z.to) || typeof z.sig !== 'string') return null;
    // The lines, each ended by a line break; a file with a head alone has none.
    const starts = [nl + 1];
    for (let at = bytes.indexOf(NEWLINE, nl + 1); at >= 0; at = bytes.indexOf(NEWLINE, at + 1)) starts.push(at + 1);
    if (head.digest !== digestOf(head as TallyHead, bytes.subarray(nl + 1, bytes.length - 1))) return null;
    const lines = starts.length - 1;
    const line = (i: number) => {
      if (!(i >= 0 && i < lines)) throw new RangeError(`a tally of ${lines} lines has no line ${i}`);
      // Stryker disable next-line StringLiteral: UTF-8 is the default encoding
      return bytes.toString('utf8', starts[i], starts[i + 1]! - 1);
    };
    return { head: head as TallyHead, lines, line };
  } catch {
    return null;
  }
}

/**
 * Replaces a deck's tally, its `lines` each stored as one line of JSON, written to a temp file
 * and renamed, so a reader sees the old one or the new one whole. Best effort: a failure costs
 * only speed.
 */
export function saveTally(dataDir: string, deck: string, head: Omit<TallyHead, 'v' | 'digest'>, lines: readonly unknown[]): boolean {
  try {
    // JSON has no raw line break: each value stays on its line.
    const body = lines.map((l) => JSON.stringify(l)).join('\n');
    const full: TallyHead = { v: TALLY_VERSION, at: head.at, zone: head.zone, digest: digestOf(head, body) };
    const file = tallyPath(dataDir, deck);
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    writeFileAtomic(file, `${JSON.stringify(full)}\n${body}\n`);
    return true;
  } catch {
    return false;
  }
}
