import fs from 'node:fs';
import path from 'node:path';
import { moveAside } from './aside.js';
import { writeFileAtomic } from './atomic-write.js';
import { withFileLock } from './file-lock.js';
import { parseInterview } from './interview-date.js';
import { readSmallFile } from './safe-read.js';
import { StoreError, storeErrorFrom } from './store-error.js';

/** The key of settings.json that records when each setting was last written (ISO times). */
export const WRITTEN_AT = 'writtenAt';

/** How an answer is checked: the user grades themself, or types it first. */
export type AnswerMode = 'self' | 'type';

/** The user's settings, as stored in `<configDir>/settings.json`. */
export type SettingsValues = {
  /** Desired retention for FSRS, from RETENTION_MIN to RETENTION_MAX. */
  retention: number;
  /** New cards introduced per day, an integer >= 0. */
  newPerDay: number;
  answerMode: AnswerMode;
  /** Interview date per deck (progress key): a date (2025-03-14) or local date-time (2025-03-14T09:00), no zone. */
  interviews: Record<string, string>;
};

// Bounds are inclusive, like Anki's desired-retention setting.
export const RETENTION_MIN = 0.7;
export const RETENTION_MAX = 0.99;

/** What a fresh install uses, and what a bad stored value falls back to. */
export const DEFAULT_SETTINGS: Readonly<SettingsValues> = Object.freeze({
  retention: 0.9,
  newPerDay: 20,
  answerMode: 'self',
  interviews: Object.freeze({}),
});

/** Read and change settings. Every method reads or writes the file; nothing is cached. */
export interface Settings {
  readonly file: string;
  /** What went wrong reading the file: moved-aside corruption, bad values replaced by defaults. */
  readonly warnings: string[];
  /** The settings, each bad value replaced by its default. */
  get(): SettingsValues;
  /** Saves one setting. Throws a StoreError for a bad value or a failed write. */
  set<K extends keyof SettingsValues>(key: K, value: SettingsValues[K]): void;
  /** Saves the interview date of `deck` (ISO date or date-time). */
  setInterview(deck: string, iso: string): void;
  /** Forgets the interview date of `deck`. */
  clearInterview(deck: string): void;
}

/** An interview date as prep reads it everywhere (see parseInterview): what is stored is what is used. */
function isInterview(value: unknown): value is string {
  return typeof value === 'string' && parseInterview(value) !== null;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Why `value` is not acceptable for `key`, or undefined if it is. */
function problemWith(key: keyof SettingsValues, value: unknown): string | undefined {
  switch (key) {
    case 'retention':
      return typeof value === 'number' && value >= RETENTION_MIN && value <= RETENTION_MAX
        ? undefined
        : `retention must be a number from ${RETENTION_MIN} to ${RETENTION_MAX}`;
    case 'newPerDay':
      return Number.isSafeInteger(value) && (value as number) >= 0 ? undefined : 'newPerDay must be a whole number, 0 or more';
    case 'answerMode':
      return value === 'self' || value === 'type' ? undefined : 'answerMode must be "self" or "type"';
    case 'interviews':
      if (!isPlainObject(value)) return 'interviews must be an object of deck names to dates';
      for (const [deck, date] of Object.entries(value)) {
        if (!isInterview(date)) return interviewProblem(deck);
      }
      return undefined;
  }
}

function interviewProblem(deck: string): string {
  return `the interview date of "${clip(deck)}" must be a date like 2025-03-14 or 2025-03-14T09:00`;
}

/** Most of a stored value a warning quotes: a 10 MB value is not echoed whole at every start. */
const QUOTE_MAX = 80;

/** `text`, or its first characters and an ellipsis when it is longer than QUOTE_MAX. */
function clip(text: string | undefined): string {
  const t = text ?? 'undefined';
  return t.length <= QUOTE_MAX ? t : `${t.slice(0, QUOTE_MAX - 1)}…`;
}

/** Validates what the file holds, value by value, so one bad value does not lose the others. */
function validate(file: string, raw: Record<string, unknown>): { values: SettingsValues; warnings: string[] } {
  const values: SettingsValues = { ...DEFAULT_SETTINGS, interviews: {} };
  const warnings: string[] = [];
  const fallback = (problem: string, key: keyof SettingsValues) =>
    warnings.push(`${file}: ${problem} (found ${clip(JSON.stringify(raw[key]))}); using ${JSON.stringify(DEFAULT_SETTINGS[key])}`);

  for (const key of ['retention', 'newPerDay', 'answerMode'] as const) {
    if (raw[key] === undefined) continue;
    const problem = problemWith(key, raw[key]);
    if (problem) fallback(problem, key);
    else Object.assign(values, { [key]: raw[key] });
  }
  const interviews = raw.interviews;
  if (interviews !== undefined && !isPlainObject(interviews)) {
    // Stryker disable next-line StringLiteral: problemWith always has a problem with a value that is not an object
    fallback(problemWith('interviews', interviews) ?? '', 'interviews');
  } else if (interviews !== undefined) {
    for (const [deck, date] of Object.entries(interviews)) {
      // defineProperty, not `=`: a deck called __proto__ must keep its date as its own key.
      if (isInterview(date)) {
        Object.defineProperty(values.interviews, deck, {
          value: date,
          enumerable: true,
          // Stryker disable next-line BooleanLiteral: these matter only to a caller that changes the fresh copy get() returns, and none does
          writable: true, configurable: true,
        });
      } else warnings.push(`${file}: ${interviewProblem(deck)} (found ${clip(JSON.stringify(date))}); ignoring it`);
    }
  }
  return { values, warnings };
}

/** Largest settings.json read: far above any real one (a few hundred bytes). */
export const MAX_SETTINGS_BYTES = 256 * 1024;

class FileSettings implements Settings {
  readonly file: string;
  private readonly openWarnings: string[] = [];

  constructor(
    private readonly configDir: string,
    private readonly readOnly: boolean,
  ) {
    this.file = path.join(configDir, 'settings.json');
    if (!readOnly) {
      try {
        fs.mkdirSync(configDir, { recursive: true, mode: 0o700 });
      } catch (err) {
        throw storeErrorFrom('cannot create the folder', configDir, err);
      }
    }
    // Read once now, so a broken file is reported (and, when writing, set aside) at start.
    this.raw();
  }

  get warnings(): string[] {
    return [...this.openWarnings, ...validate(this.file, this.raw()).warnings];
  }

  get(): SettingsValues {
    return validate(this.file, this.raw()).values;
  }

  set<K extends keyof SettingsValues>(key: K, value: SettingsValues[K]): void {
    const problem = problemWith(key, value);
    if (problem) throw new StoreError(`${problem} (got ${clip(JSON.stringify(value))})`, this.file);
    this.update(key, (raw) => ({ ...raw, [key]: value }));
  }

  setInterview(deck: string, iso: string): void {
    if (!isInterview(iso)) throw new StoreError(`${interviewProblem(deck)} (got ${clip(JSON.stringify(iso))})`, this.file);
    // Under the lock, from the file as it is now: another prep may have saved its deck's date meanwhile.
    this.update('interviews', (raw) => ({ ...raw, interviews: { ...interviewsOf(raw), [deck]: iso } }));
  }

  clearInterview(deck: string): void {
    this.update('interviews', (raw) => {
      const interviews = interviewsOf(raw);
      delete interviews[deck];
      return { ...raw, interviews };
    });
  }

  /**
   * Read-modify-write under the settings lock, written whole (temp file and rename): two prep
   * processes saving at once each keep the other's keys.
   */
  private update(key: keyof SettingsValues, change: (raw: Record<string, unknown>) => Record<string, unknown>): void {
    if (this.readOnly) throw new StoreError(`${this.file} was opened read-only`, this.file);
    withFileLock(this.file, () => {
      const changed = change(this.raw());
      // When each key was last written: `prep sync` lets the later write win when two machines
      // changed the same setting.
      const stamps = isPlainObject(changed[WRITTEN_AT]) ? changed[WRITTEN_AT] : {};
      const next = { ...changed, [WRITTEN_AT]: { ...stamps, [key]: new Date().toISOString() } };
      // Private to the user (writeFileAtomic's default mode, 0600).
      writeFileAtomic(this.file, `${JSON.stringify(next, null, '\t')}\n`);
    });
  }

  /** The stored object, unvalidated ({} when there is no file). A file that is not a JSON object is set aside, or, read-only, passed over. */
  private raw(): Record<string, unknown> {
    const text = readSmallFile(this.file, MAX_SETTINGS_BYTES);
    if (text === undefined) return {};
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      // Not JSON: `value` stays undefined, which is not an object either.
    }
    if (isPlainObject(value)) return value;
    if (this.readOnly) {
      const note = `${this.file} is not valid settings JSON; the defaults are used (the next drill moves it aside)`;
      if (!this.openWarnings.includes(note)) this.openWarnings.push(note);
      return {};
    }
    this.setAside();
    return {};
  }

  /** Moves a broken settings.json aside (never wipes it) so defaults can take its place. */
  private setAside(): void {
    let aside: string;
    try {
      aside = moveAside(this.file, 'corrupt');
    } catch (err) {
      throw storeErrorFrom('could not move aside the broken settings file', this.file, err);
    }
    this.openWarnings.push(`${this.file} was not valid settings JSON; it was moved to ${aside} and the defaults are used`);
  }
}

function interviewsOf(raw: Record<string, unknown>): Record<string, unknown> {
  return isPlainObject(raw.interviews) ? { ...raw.interviews } : {};
}

/**
 * Opens the settings in `<configDir>/settings.json`. Nothing is written until a setting is
 * saved; then the folder is created and the file written whole. A file that is not JSON is
 * moved aside with a warning, never wiped. With `readOnly` (list, stats, --json) nothing on
 * disk is ever touched: a broken file is only reported, and saving throws.
 *
 * @throws StoreError when settings.json is not a regular file (a FIFO, a device), is over
 * {@link MAX_SETTINGS_BYTES}, or cannot be read.
 */
export function openSettings(configDir: string, opts: { readOnly?: boolean } = {}): Settings {
  return new FileSettings(configDir, opts.readOnly === true);
}
