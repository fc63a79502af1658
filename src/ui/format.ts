import { calendarDaysBetween } from '../core/schedule/day.js';
import { formatDuration } from '../core/schedule/preview.js';

/** A share as a whole percentage: 0.874 -> "87%". */
export const percent = (x: number) => `${Math.round(x * 100)}%`;

/** A time to answer: "42s", "1m 12s". */
export const answerTime = (ms: number) => formatDuration(ms);

// Dates are written from tables, as en-GB writes them (its CLDR data says "Sept"): the first
// toLocaleDateString of a run sets up ICU's date formatting, 7-15 ms of `prep stats` here.
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sept', 'Oct', 'Nov', 'Dec'] as const;
const two = (n: number) => String(n).padStart(2, '0');

/** "Thu 3 Dec". */
export const shortDate = (d: Date) => `${WEEKDAYS[d.getDay()]} ${dayMonth(d)}`;

/** "3 Dec". */
export const dayMonth = (d: Date) => `${d.getDate()} ${MONTHS[d.getMonth()]}`;

/** "14:00". */
export const clockTime = (d: Date) => `${two(d.getHours())}:${two(d.getMinutes())}`;

/** How far off the interview is: "in 7 days", "tomorrow", "today at 14:00", "was 2 days ago". */
export function interviewWhen(interview: Date, now: Date): string {
  const days = calendarDaysBetween(now, interview);
  if (days === 0) return interview.getTime() >= now.getTime() ? `today at ${clockTime(interview)}` : 'was today';
  if (days === 1) return `tomorrow at ${clockTime(interview)}`;
  if (days > 1) return `in ${days} days`;
  return days === -1 ? 'was yesterday' : `was ${-days} days ago`;
}

/** When a deck was last practised: "today", "yesterday", "3 days ago", "never". */
export function practisedWhen(at: Date | null, now: Date): string {
  if (!at) return 'never';
  const days = calendarDaysBetween(at, now);
  if (days <= 0) return 'today';
  return days === 1 ? 'yesterday' : `${days} days ago`;
}

/** A colour for a predicted recall against the desired retention. */
export function recallTone(recall: number, retention: number): 'green' | 'yellow' | 'red' {
  if (recall >= retention) return 'green';
  return recall >= retention - 0.2 ? 'yellow' : 'red';
}
