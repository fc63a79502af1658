import fs from 'node:fs';
import path from 'node:path';
import type { LogPosition } from './log-reader.js';

/**
 * What a start needs from the first part of a deck's log, so that it reads only what follows:
 * every card's FSRS state and grade summary after the log's first `at.offset` bytes. It is a
 * cache: the log stays the source of truth, and a snapshot that does not fit the log (another
 * retention, a log cut or rewritten before `at`, an undo reaching back into it) is ignored and
 * rebuilt from the whole log. Version 1 (FSRS states only, by record count) is rebuilt too.
 */
export interface ReplaySnapshot {
  v: 2;
  retention: number;
  /** The end of the part covered, with the check that the log still holds it unchanged. */
  at: LogPosition;
  /**
   * One row per card with a counted grade (cards since removed from the deck included, so an id
   * that comes back resumes); the schedule encodes and decodes them (schedule/snapshot.ts).
   */
  cards: Record<string, unknown[]>;
  /** Targets of the undos covered (undos are few): a grade with one of these ids never counts. */
  undone: string[];
  /** The latest counted grade or pitch run covered (ms since 1970), or null. */
  lastPractised: number | null;
}

/** The only snapshot version this build reads; any other is rebuilt. */
export const SNAPSHOT_VERSION = 2;

/** Where a deck's replay snapshot lives: `<dataDir>/snapshots/<deck>.json`. */
export function snapshotPath(dataDir: string, deck: string): string {
  return path.join(dataDir, 'snapshots', `${deck}.json`);
}

/**
 * Reads a deck's snapshot. A snapshot is only a cache of the review log, so one that is
 * missing, unreadable, corrupt or of another version reads as "none" and is rebuilt from the log.
 */
export function loadSnapshot(dataDir: string, deck: string): ReplaySnapshot | null {
  try {
    // Plain JSON read once: conf would parse it twice and deep-compare it with its defaults.
    const file = JSON.parse(fs.readFileSync(snapshotPath(dataDir, deck), 'utf8')) as { snapshot?: Partial<ReplaySnapshot> } | null;
    const snap = file?.snapshot;
    return snap?.v === SNAPSHOT_VERSION ? (snap as ReplaySnapshot) : null;
  } catch {
    return null;
  }
}

/** Replaces a deck's snapshot (written aside, fsynced, then renamed into place). Best effort: a failure costs only speed. */
export function saveSnapshot(dataDir: string, deck: string, snapshot: ReplaySnapshot): boolean {
  const file = snapshotPath(dataDir, deck);
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    const fd = fs.openSync(tmp, 'w', 0o600);
    try {
      fs.writeFileSync(fd, JSON.stringify({ snapshot }));
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, file);
    return true;
  } catch {
    fs.rmSync(tmp, { force: true });
    return false;
  }
}
