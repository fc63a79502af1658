import { progressKey } from '../core/deck/progress-key.js';
import { InvalidArgumentError } from 'commander';
import type { Deck } from '../core/deck/types.js';
import { parseInterview } from '../core/schedule/interview.js';
import type { Settings } from '../core/store/settings.js';

// Commander option parsers: a bad value is reported with the command's usage and exit code 2.

/** `--interview`: a real date, or date and time. */
export function interviewArg(value: string): string {
  const text = value.trim();
  if (!parseInterview(text)) {
    throw new InvalidArgumentError(`"${value}" is not a date: use 2026-12-03 (09:00) or 2026-12-03T14:00.`);
  }
  return text;
}

/** `--limit`: a whole number, 1 or more. */
export function positiveInt(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < 1) {
    throw new InvalidArgumentError(`"${value}" is not a whole number of cards (1 or more).`);
  }
  return n;
}

/**
 * The interview of a deck: the `--interview` value if given (and then remembered for the deck in
 * settings), else the one remembered in settings, else the deck's own `interview:` field.
 */
export function resolveInterview(deck: Deck, settings: Settings, given?: string): Date | undefined {
  if (given !== undefined) settings.setInterview(progressKey(deck), given);
  const text = given ?? settings.get().interviews[progressKey(deck)] ?? deck.interview;
  return (text && parseInterview(text)) || undefined;
}
