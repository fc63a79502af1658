import fs from 'node:fs';
import path from 'node:path';
import { recordsOfDeck } from '../core/store/deck-records.js';
import { readLog } from '../core/store/log-reader.js';
import type { LogRecord } from '../core/store/log-records.js';
import { reviewLogPath, type PrepPaths } from '../core/store/paths.js';
import { loadSnapshot, type ReplaySnapshot } from '../core/store/snapshot-store.js';
import { DEFAULT_SETTINGS, openSettings, type SettingsValues } from '../core/store/settings.js';

// What the read-only reports (`prep stats`, `prep list`) share: they only look, so they create
// no settings file, no log and no folder where there was none.

/** The settings, or the defaults when there is no settings file yet (none is created). */
export function readSettings(configDir: string): { values: SettingsValues; warnings: string[] } {
  if (!fs.existsSync(path.join(configDir, 'settings.json'))) {
    return { values: { ...DEFAULT_SETTINGS, interviews: {} }, warnings: [] };
  }
  // Read-only: a broken file is reported, never moved aside or rewritten here.
  const settings = openSettings(configDir, { readOnly: true });
  return { values: settings.get(), warnings: settings.warnings };
}

/** What is stored of a deck's progress, read only: the log's records and the replay snapshot. */
export interface StoredProgress {
  records: LogRecord[];
  warnings: string[];
  snapshot: ReplaySnapshot | null;
}

/**
 * A deck's stored progress, for the reports: a deck never practised has no log, and none is
 * created. The drill opens the same two files for writing (load-progress.ts).
 */
export function readProgress(paths: Pick<PrepPaths, 'logsDir' | 'dataDir'>, deck: string): StoredProgress {
  // Read-only: a torn line is skipped here and repaired by the next command that writes.
  const { records, warnings } = recordsOfDeck(readLog(reviewLogPath(paths.logsDir, deck), { repair: false }), deck);
  return { records, warnings, snapshot: loadSnapshot(paths.dataDir, deck) };
}


/** The width to draw at: the terminal's, or 80 when the output is not a terminal. */
export function outputColumns(stdout: { columns?: number } = process.stdout): number {
  return stdout.columns && stdout.columns > 0 ? stdout.columns : 80;
}

/** Writes a report followed by exactly one newline. */
export function writeOut(text: string): void {
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}
