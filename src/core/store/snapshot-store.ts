import fs from 'node:fs';
import path from 'node:path';
import Conf from 'conf';
import type { ReplaySnapshot } from '../schedule/snapshot.js';

/** Where a deck's replay snapshot lives: `<dataDir>/snapshots/<deck>.json`. */
export function snapshotPath(dataDir: string, deck: string): string {
  return path.join(dataDir, 'snapshots', `${deck}.json`);
}

function open(dataDir: string, deck: string): Conf<{ snapshot?: ReplaySnapshot }> {
  const cwd = path.join(dataDir, 'snapshots');
  fs.mkdirSync(cwd, { recursive: true, mode: 0o700 });
  // Stryker disable next-line StringLiteral: conf uses projectName only to find a folder, and cwd is given
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
      // Stryker disable next-line StringLiteral: JSON.parse reads a Buffer as utf8 text too
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
