import fs from 'node:fs';
import path from 'node:path';
import Conf from 'conf';
import type { Card as FsrsCard } from 'ts-fsrs';

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
}

/** Where a deck's replay snapshot lives: `<dataDir>/snapshots/<deck>.json`. */
export function snapshotPath(dataDir: string, deck: string): string {
  return path.join(dataDir, 'snapshots', `${deck}.json`);
}

function open(dataDir: string, deck: string): Conf<{ snapshot?: ReplaySnapshot }> {
  const cwd = path.join(dataDir, 'snapshots');
  fs.mkdirSync(cwd, { recursive: true, mode: 0o700 });
  return new Conf<{ snapshot?: ReplaySnapshot }>({ cwd, configName: deck, projectName: 'prep' });
}

/**
 * Reads a deck's snapshot. A snapshot is only a cache of the review log, so one that is
 * missing, unreadable or corrupt reads as "none" and is rebuilt from the log.
 */
export function loadSnapshot(dataDir: string, deck: string): ReplaySnapshot | null {
  if (!fs.existsSync(snapshotPath(dataDir, deck))) return null;
  try {
    return open(dataDir, deck).get('snapshot') ?? null;
  } catch {
    return null;
  }
}

/** Replaces a deck's snapshot (conf writes the whole file atomically). Best effort: a failure costs only speed. */
export function saveSnapshot(dataDir: string, deck: string, snapshot: ReplaySnapshot): boolean {
  try {
    const file = snapshotPath(dataDir, deck);
    // A corrupt cache file is simply replaced; conf would refuse to open it.
    try {
      JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch {
      fs.rmSync(file, { force: true });
    }
    open(dataDir, deck).set('snapshot', snapshot);
    return true;
  } catch {
    return false;
  }
}
