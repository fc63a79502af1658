import { progressKey } from '../deck/progress-key.js';
import type { Deck } from '../deck/types.js';
import { parseInterview } from '../store/interview-date.js';
import type { Settings } from '../store/settings.js';
import { calendarDaysBetween } from './day.js';

/**
 * The interview of a deck without `--interview`: the date saved in the settings under the deck's
 * progress key (set from the command line, so the later word), else the deck's own `interview:`;
 * null when neither is set or the text is not a date. Keys are looked up as own keys only, so a
 * deck called `constructor` or `__proto__` finds its own date, never Object.prototype's.
 */
export function interviewOf(deck: Pick<Deck, 'name' | 'key' | 'interview'>, saved: Readonly<Record<string, string>> = {}): Date | null {
  const key = progressKey(deck);
  const text = Object.hasOwn(saved, key) ? saved[key] : deck.interview;
  return typeof text === 'string' ? parseInterview(text) : null;
}

/**
 * The interview `prep drill` and `prep review` use: `given` (the checked `--interview` value) is
 * remembered for the deck in the settings and wins; otherwise as `interviewOf`.
 */
export function resolveInterview(deck: Pick<Deck, 'name' | 'key' | 'interview'>, settings: Settings, given?: string): Date | null {
  if (given !== undefined) {
    settings.setInterview(progressKey(deck), given);
    return parseInterview(given);
  }
  return interviewOf(deck, settings.get().interviews);
}

const hhmm = (d: Date) => d.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
/** The interview's day as the lists show it: "3 Dec". */
export const interviewDay = (d: Date) => d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short' });

/** True once the interview has started: it predicts nothing more, and lists sort it last. */
export function interviewPassed(interview: Date, now: Date): boolean {
  return interview.getTime() <= now.getTime();
}

/**
 * The header's reminder: "Interview today at 14:00", "Interview tomorrow at 09:00",
 * "Interview in 5 days"; once it has started, the past form: "Interview was today at 14:00",
 * "Interview was yesterday", "Interview was on 3 Dec (4 days ago)".
 */
export function describeInterview(interview: Date, now: Date): string {
  const days = calendarDaysBetween(now, interview);
  if (interviewPassed(interview, now)) {
    if (days === 0) return `Interview was today at ${hhmm(interview)}`;
    if (days === -1) return 'Interview was yesterday';
    return `Interview was on ${interviewDay(interview)} (${-days} days ago)`;
  }
  if (days === 0) return `Interview today at ${hhmm(interview)}`;
  if (days === 1) return `Interview tomorrow at ${hhmm(interview)}`;
  return `Interview in ${days} days`;
}

/**
 * The interview where room is short (a table cell, a narrow header): "in 5 d", "tomorrow 09:00",
 * "today 14:00", "past". The date itself is for the caller to add where there is room.
 */
export function interviewCountdown(interview: Date, now: Date): string {
  if (interviewPassed(interview, now)) return 'past';
  const days = calendarDaysBetween(now, interview);
  if (days === 0) return `today ${hhmm(interview)}`;
  if (days === 1) return `tomorrow ${hhmm(interview)}`;
  return `in ${days} d`;
}
