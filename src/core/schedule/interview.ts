import type { Deck } from '../deck/types.js';
import { parseInterview } from '../store/interview-date.js';
import type { Settings } from '../store/settings.js';
import { calendarDaysBetween } from './day.js';

/**
 * The interview of a deck without `--interview`: the date saved in the settings for the deck
 * (set from the command line, so the later word), else the deck's own `interview:`; null when
 * neither is set or the text is not a date. Deck names are looked up as own keys only, so a deck
 * called `constructor` or `__proto__` finds its own date, never Object.prototype's.
 */
export function interviewOf(deck: Pick<Deck, 'name' | 'interview'>, saved: Readonly<Record<string, string>> = {}): Date | null {
  const text = Object.hasOwn(saved, deck.name) ? saved[deck.name] : deck.interview;
  return typeof text === 'string' ? parseInterview(text) : null;
}

/**
 * The interview `prep drill` and `prep review` use: `given` (the checked `--interview` value) is
 * remembered for the deck in the settings and wins; otherwise as `interviewOf`.
 */
export function resolveInterview(deck: Pick<Deck, 'name' | 'interview'>, settings: Settings, given?: string): Date | null {
  if (given !== undefined) {
    settings.setInterview(deck.name, given);
    return parseInterview(given);
  }
  return interviewOf(deck, settings.get().interviews);
}

const hhmm = (d: Date) => d.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });

/**
 * The header's reminder: "Interview today at 14:00", "Interview tomorrow at 09:00",
 * "Interview in 5 days". Null once the interview has started.
 */
export function describeInterview(interview: Date, now: Date): string | null {
  if (interview.getTime() <= now.getTime()) return null;
  const days = calendarDaysBetween(now, interview);
  if (days === 0) return `Interview today at ${hhmm(interview)}`;
  if (days === 1) return `Interview tomorrow at ${hhmm(interview)}`;
  return `Interview in ${days} days`;
}

/**
 * The header's reminder when room is short: "in 5 d", "tomorrow 09:00", "today 14:00". Null once
 * the interview has started.
 */
export function describeInterviewShort(interview: Date, now: Date): string | null {
  if (interview.getTime() <= now.getTime()) return null;
  const days = calendarDaysBetween(now, interview);
  if (days === 0) return `today ${hhmm(interview)}`;
  if (days === 1) return `tomorrow ${hhmm(interview)}`;
  return `in ${days} d`;
}
