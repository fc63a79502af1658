import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from './atomic-write.js';
import type { LogPosition } from './log-reader.js';
import { readSmallFile } from './safe-read.js';

/**
 * What `prep stats` counted from a deck's log up to `at` (its review counts, calendar, answer
 * times...), stored beside the deck's snapshot so that it reads only the log after `at`. A cache,
 * like the snapshot: one that does not fit (another position, a time zone other than the one it
 * was counted in, a wrong digest, another version) is ignored and the log is counted whole.
 * The file is two lines: this head as JSON, then the tally itself as JSON, which only the stats
 * read (the head is enough to tell whether the file is current).
 */
export interface TallyHead {
  v: 2;
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
 */
export const TALLY_VERSION = 2;

/** Far above the tally of any real deck (a few bytes a grade). */
const MAX_TALLY_BYTES = 64 * 1024 * 1024;

/**
 * Where a deck's tally lives: `<dataDir>/snapshots/<deck>.stats.json`, beside its snapshot
 * (`<deck>.json`). A progress key never ends in `.stats` (only a hash follows a dot in one).
 */
export function tallyPath(dataDir: string, deck: string): string {
  return path.join(dataDir, 'snapshots', `${deck}.stats.json`);
}

function digestOf(head: Omit<TallyHead, 'v' | 'digest'>, body: string): string {
  // Stryker disable next-line StringLiteral: the writer and the reader both join with it; another separator only changes every digest alike
  return createHash('sha256').update(JSON.stringify([TALLY_VERSION, head.at, head.zone])).update('\n').update(body).digest('hex');
}

/** True when two positions name the same place in the same log. */
export function samePosition(a: LogPosition, b: LogPosition): boolean {
  return a.offset === b.offset && a.lines === b.lines && a.last?.length === b.last?.length && a.last?.hash === b.last?.hash;
}

// Stryker disable next-line ConditionalExpression,LogicalOperator: a JSON number is always finite, and Number.isFinite is false for anything else
const isNum = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

/**
 * A deck's stored tally, its head and the text of the tally, when the file is whole (its digest
 * fits) and of this version; null otherwise (missing, unreadable, damaged: a cache is only
 * rebuilt). Reading creates nothing.
 */
export function readTally(dataDir: string, deck: string): { head: TallyHead; body: string } | null {
  try {
    const text = readSmallFile(tallyPath(dataDir, deck), MAX_TALLY_BYTES);
    // Stryker disable next-line ConditionalExpression: undefined has no indexOf, and the catch returns null too
    if (text === undefined) return null;
    const nl = text.indexOf('\n');
    // Stryker disable next-line EqualityOperator,ConditionalExpression,LogicalOperator,StringLiteral: a quick answer for a cut file, whose tally line then fails the digest anyway
    if (nl < 0 || !text.endsWith('\n')) return null;
    const head = JSON.parse(text.slice(0, nl)) as Partial<TallyHead> | null;
    const body = text.slice(nl + 1, -1);
    // Stryker disable next-line OptionalChaining: a head of null throws here, and the catch returns null too
    const z = head?.zone;
    // Stryker disable next-line OptionalChaining: a head of null, or one without a position, throws here, and the catch returns null too
    if (head?.v !== TALLY_VERSION || typeof head.at?.offset !== 'number' || !z || !isNum(z.from) || !isNum(z.to) || typeof z.sig !== 'string') return null;
    return head.digest === digestOf(head as TallyHead, body) ? { head: head as TallyHead, body } : null;
  } catch {
    return null;
  }
}

/**
 * Replaces a deck's tally, written to a temp file and renamed, so a reader sees the old one or
 * the new one whole. Best effort: a failure costs only speed.
 */
export function saveTally(dataDir: string, deck: string, head: Omit<TallyHead, 'v' | 'digest'>, tally: unknown): boolean {
  try {
    const body = JSON.stringify(tally);
    const full: TallyHead = { v: TALLY_VERSION, at: head.at, zone: head.zone, digest: digestOf(head, body) };
    const file = tallyPath(dataDir, deck);
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    writeFileAtomic(file, `${JSON.stringify(full)}\n${body}\n`);
    return true;
  } catch {
    return false;
  }
}
