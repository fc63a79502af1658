import fs from 'node:fs';
import path from 'node:path';
import { progressKey } from '../core/deck/progress-key.js';
import type { Deck } from '../core/deck/types.js';
import { scheduler } from '../core/schedule/fsrs.js';
import { readStoredProgress, type StoredProgress } from '../core/schedule/stored-progress.js';
import { recordsOfDeck } from '../core/store/deck-records.js';
import { readLog, type LogRead } from '../core/store/log-reader.js';
import { reviewLogPath, type PrepPaths } from '../core/store/paths.js';
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

/**
 * A deck's stored progress, for the reports: read from its snapshot on when that fits the log,
 * otherwise from the whole log. A deck never practised has no log, and none is created; no
 * snapshot is written either. The drill opens the same two files for writing (load-progress.ts).
 */
export function readProgress(paths: Pick<PrepPaths, 'logsDir' | 'dataDir'>, deck: Deck, retention: number): StoredProgress {
  const key = progressKey(deck);
  // Read-only: a torn line is skipped here and repaired by the next command that writes.
  return readStoredProgress(scheduler(retention), retention, deck.cards, reviewLogPath(paths.logsDir, key), paths.dataDir, key, { repair: false });
}

/** Every record of the deck stored under `key`, read only (for the reports that need the whole log). */
export function readRecords(paths: Pick<PrepPaths, 'logsDir'>, key: string): LogRead {
  // Read-only: a torn line is skipped here and repaired by the next command that writes.
  return recordsOfDeck(readLog(reviewLogPath(paths.logsDir, key), { repair: false }), key);
}

/** The width to draw at: the terminal's, or 80 when the output is not a terminal. */
export function outputColumns(stdout: { columns?: number } = process.stdout): number {
  return stdout.columns && stdout.columns > 0 ? stdout.columns : 80;
}

/** Writes a report followed by exactly one newline. */
export function writeOut(text: string): void {
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}

