import fs from 'node:fs';
import path from 'node:path';
import Conf from 'conf';
import { moveAside } from './aside.js';
import { parseInterview } from './interview-date.js';
import { errorCode, StoreError, storeErrorFrom } from './store-error.js';

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
  /** Interview date per deck name: a date (2025-03-14) or local date-time (2025-03-14T09:00), no zone. */
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
  return `the interview date of "${deck}" must be a date like 2025-03-14 or 2025-03-14T09:00`;
}

/** Validates what the file holds, value by value, so one bad value does not lose the others. */
function validate(file: string, raw: Record<string, unknown>): { values: SettingsValues; warnings: string[] } {
  const values: SettingsValues = { ...DEFAULT_SETTINGS, interviews: {} };
  const warnings: string[] = [];
  const fallback = (problem: string, key: keyof SettingsValues) =>
    warnings.push(`${file}: ${problem} (found ${JSON.stringify(raw[key])}); using ${JSON.stringify(DEFAULT_SETTINGS[key])}`);

  for (const key of ['retention', 'newPerDay', 'answerMode'] as const) {
    if (raw[key] === undefined) continue;
    const problem = problemWith(key, raw[key]);
    if (problem) fallback(problem, key);
    else Object.assign(values, { [key]: raw[key] });
  }
  const interviews = raw.interviews;
  if (interviews !== undefined && !isPlainObject(interviews)) {
    fallback(problemWith('interviews', interviews) ?? '', 'interviews');
  } else if (interviews !== undefined) {
    for (const [deck, date] of Object.entries(interviews)) {
      // defineProperty, not `=`: a deck called __proto__ must keep its date as its own key.
      if (isInterview(date)) Object.defineProperty(values.interviews, deck, { value: date, enumerable: true, writable: true, configurable: true });
      else warnings.push(`${file}: ${interviewProblem(deck)} (found ${JSON.stringify(date)}); ignoring it`);
    }
  }
  return { values, warnings };
}

class ConfSettings implements Settings {
  readonly file: string;
  private conf: Conf<SettingsValues>;
  private readonly openWarnings: string[] = [];

  constructor(private readonly configDir: string) {
    this.file = path.join(configDir, 'settings.json');
    try {
      fs.mkdirSync(configDir, { recursive: true, mode: 0o700 });
    } catch (err) {
      throw storeErrorFrom('cannot create the folder', configDir, err);
    }
    if (!this.fileIsJsonObject()) this.setAside();
    try {
      this.conf = this.newConf();
    } catch (err) {
      // Checked above, but the file may have changed since: conf throws on bad JSON.
      if (!(err instanceof SyntaxError)) throw storeErrorFrom('cannot open', this.file, err);
      this.setAside();
      this.conf = this.newConf();
    }
  }

  get warnings(): string[] {
    return [...this.openWarnings, ...validate(this.file, this.raw()).warnings];
  }

  get(): SettingsValues {
    return validate(this.file, this.raw()).values;
  }

  set<K extends keyof SettingsValues>(key: K, value: SettingsValues[K]): void {
    const problem = problemWith(key, value);
    if (problem) throw new StoreError(`${problem} (got ${JSON.stringify(value)})`, this.file);
    this.write(key, value);
  }

  setInterview(deck: string, iso: string): void {
    if (!isInterview(iso)) throw new StoreError(`${interviewProblem(deck)} (got ${JSON.stringify(iso)})`, this.file);
    this.write('interviews', { ...this.rawInterviews(), [deck]: iso });
  }

  clearInterview(deck: string): void {
    const interviews = this.rawInterviews();
    delete interviews[deck];
    this.write('interviews', interviews);
  }

  /** The interviews as stored, bad entries included: changing one date must not drop others. */
  private rawInterviews(): Record<string, string> {
    const stored = this.raw().interviews;
    return isPlainObject(stored) ? ({ ...stored } as Record<string, string>) : {};
  }

  private write<K extends keyof SettingsValues>(key: K, value: SettingsValues[K]): void {
    try {
      // When each key was last written: \`prep sync\` lets the later write win when two
      // machines changed the same setting.
      const stored = this.raw()[WRITTEN_AT];
      const writtenAt = { ...(isPlainObject(stored) ? stored : {}), [key]: new Date().toISOString() };
      (this.conf as unknown as Conf<Record<string, unknown>>).set({ [key]: value, [WRITTEN_AT]: writtenAt });
    } catch (err) {
      throw storeErrorFrom('could not save settings to', this.file, err);
    }
  }

  /** The stored object, unvalidated. A file broken while prep runs is set aside like at start. */
  private raw(): Record<string, unknown> {
    try {
      return this.conf.store;
    } catch (err) {
      if (!(err instanceof SyntaxError)) throw storeErrorFrom('cannot read', this.file, err);
      this.setAside();
      this.conf = this.newConf();
      return this.conf.store;
    }
  }

  private newConf(): Conf<SettingsValues> {
    return new Conf<SettingsValues>({
      cwd: this.configDir,
      configName: 'settings',
      projectName: 'prep',
      defaults: structuredClone(DEFAULT_SETTINGS) as SettingsValues,
      // Deck names may contain dots: keys are plain names, never paths.
      accessPropertiesByDotNotation: false,
      configFileMode: 0o600,
    });
  }

  /** True if settings.json is missing or holds a JSON object; throws if it cannot be read. */
  private fileIsJsonObject(): boolean {
    let text: string;
    try {
      text = fs.readFileSync(this.file, 'utf8');
    } catch (err) {
      if (errorCode(err) === 'ENOENT') return true;
      throw storeErrorFrom('cannot read', this.file, err);
    }
    try {
      return isPlainObject(JSON.parse(text));
    } catch {
      return false;
    }
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

/**
 * Opens the settings in `<configDir>/settings.json`, creating the folder and the file (with
 * the defaults) if needed. A file that is not JSON is moved aside with a warning, never wiped.
 */
export function openSettings(configDir: string): Settings {
  return new ConfSettings(configDir);
}
