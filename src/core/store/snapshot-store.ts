import fs from 'node:fs';
import path from 'node:path';
import type { Card as FsrsCard } from 'ts-fsrs';
import { writeFileAtomic } from './atomic-write.js';
import { readSmallFile } from './safe-read.js';

/**
 * The FSRS state of every card after the first `count` records of a log. Replaying a year of
 * grades through FSRS takes about half a second; with a snapshot only the records after it are
 * replayed. It is a cache: the log stays the source of truth, and a snapshot that does not fit
 * the log is ignored and rebuilt.
 */
export interface ReplaySnapshot {
  v: 1;
  retention: number;
  /** How many records (valid lines) of the log it covers. */
  count: number;
  /** Id of the last record covered, to check the log still starts the same way. */
  lastId: string | null;
  /** FSRS card states by card id, for every card with a counted grade (dates as ISO strings). */
  cards: Record<string, FsrsCard>;
  /**
   * SHA-256 of the covered records' ids and of `cards`: a snapshot edited by hand, or copied
   * beside another log that happens to have the same count and last id, no longer fits.
   */
  digest?: string;
}

/** Where a deck's replay snapshot lives: `<dataDir>/snapshots/<deck>.json`. */
export function snapshotPath(dataDir: string, deck: string): string {
  return path.join(dataDir, 'snapshots', `${deck}.json`);
}

/** Far above the snapshot of any real deck (a few hundred bytes a card). */
const MAX_SNAPSHOT_BYTES = 64 * 1024 * 1024;

/**
 * Reads a deck's snapshot. A snapshot is only a cache of the review log, so one that is
 * missing, unreadable, not a regular file or corrupt reads as "none" and is rebuilt from the
 * log. Reading creates nothing.
 */
export function loadSnapshot(dataDir: string, deck: string): ReplaySnapshot | null {
  try {
    const text = readSmallFile(snapshotPath(dataDir, deck), MAX_SNAPSHOT_BYTES);
    if (text === undefined) return null;
    const stored = JSON.parse(text) as { snapshot?: ReplaySnapshot } | null;
    return stored?.snapshot ?? null;
  } catch {
    return null;
  }
}

/**
 * Replaces a deck's snapshot, written to a temp file and renamed, so a crash or a full disk
 * leaves the old one whole. Best effort: a failure costs only speed.
 */
export function saveSnapshot(dataDir: string, deck: string, snapshot: ReplaySnapshot): boolean {
  try {
    const file = snapshotPath(dataDir, deck);
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    // The shape conf wrote before, so snapshots from earlier versions still read.
    writeFileAtomic(file, JSON.stringify({ snapshot }, null, '\t'));
    return true;
  } catch {
    return false;
  }
}
