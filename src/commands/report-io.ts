import { recordsOfDeck } from '../core/store/deck-records.js';
import fs from 'node:fs';
import path from 'node:path';
import { readLog, type LogRead } from '../core/store/log-reader.js';
import { reviewLogPath } from '../core/store/paths.js';
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

/** A deck's review log; a deck never practised has none, and none is created. */
export function readRecords(logsDir: string, deck: string): LogRead {
  return recordsOfDeck(readLog(reviewLogPath(logsDir, deck), { repair: false }), deck);
}

/**
 * Whether to draw in colour: never with NO_COLOR (https://no-color.org: set and not empty),
 * as FORCE_COLOR says when set, else only on a terminal that knows colour. Off, the pictures
 * switch to shades and marks that read without it.
 */
export function wantsColour(env: NodeJS.ProcessEnv = process.env, isTTY = process.stdout.isTTY === true): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  return isTTY && env.TERM !== 'dumb';
}

/** The width to draw at: the terminal's, or 80 when the output is not a terminal. */
export function outputColumns(stdout: { columns?: number } = process.stdout): number {
  return stdout.columns && stdout.columns > 0 ? stdout.columns : 80;
}

/** Writes a report followed by exactly one newline. */
export function writeOut(text: string): void {
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}
