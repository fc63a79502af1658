import { progressKey } from '../deck/progress-key.js';
import type { Deck } from '../deck/types.js';
import { parseInterview } from '../schedule/interview.js';

/**
 * The interview of a deck, as `prep drill` resolves it without `--interview`: the date saved in
 * the settings for the deck (set from the command line, so the later word), else the deck's own
 * `interview:`; null when neither is set or the text is not a date.
 */
export function interviewOf(deck: Pick<Deck, 'name' | 'key' | 'interview'>, saved: Readonly<Record<string, string>> = {}): Date | null {
  const key = progressKey(deck);
  const text = Object.hasOwn(saved, key) ? saved[key] : deck.interview;
  return text === undefined ? null : parseInterview(text);
}
