import { DAY_MS } from './day.js';

/** The time of day an interview given only as a date is taken to start, local time. */
export const DEFAULT_INTERVIEW_HOUR = 9;

const PATTERN = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * Reads an interview date as a deck or the command line writes it: `2026-12-03` is 09:00 local
 * time that day, `2026-12-03T14:00` (seconds optional) is that local time. Returns null for
 * anything else, including dates and times that do not exist (2026-02-30, 25:00).
 */
export function parseInterview(text: string): Date | null {
  const m = PATTERN.exec(text.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const hasTime = m[4] !== undefined;
  const [h, mi, s] = hasTime ? [Number(m[4]), Number(m[5]), Number(m[6] ?? 0)] : [DEFAULT_INTERVIEW_HOUR, 0, 0];
  // The month and hour limits overlap the roll-over check below (month 13 or hour 24 changes
  // the date); minutes and seconds do not, and are what this line must catch.
  // Stryker disable next-line ConditionalExpression,LogicalOperator: see above
  if (mo < 1 || mo > 12 || h > 23 || mi > 59 || s > 59) return null;
  const date = new Date(y, mo - 1, d, h, mi, s, 0);
  // The Date constructor rolls 30 February over into March: the day must come back unchanged.
  // With the month in 1..12, a rolled-over day changes both the month and the day, never the year alone.
  // Stryker disable next-line ConditionalExpression,LogicalOperator: any one of the three catches it
  if (date.getFullYear() !== y || date.getMonth() !== mo - 1 || date.getDate() !== d) return null;
  return date;
}

const hhmm = (d: Date) => d.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });

/** Whole calendar days from the day of `from` to the day of `to` (local time, DST-safe). */
function calendarDays(from: Date, to: Date): number {
  const a = Date.UTC(from.getFullYear(), from.getMonth(), from.getDate());
  const b = Date.UTC(to.getFullYear(), to.getMonth(), to.getDate());
  return Math.round((b - a) / DAY_MS);
}

/**
 * The header's reminder: "Interview today at 14:00", "Interview tomorrow at 09:00",
 * "Interview in 5 days". Null once the interview has started.
 */
export function describeInterview(interview: Date, now: Date): string | null {
  if (interview.getTime() <= now.getTime()) return null;
  const days = calendarDays(now, interview);
  if (days === 0) return `Interview today at ${hhmm(interview)}`;
  if (days === 1) return `Interview tomorrow at ${hhmm(interview)}`;
  return `Interview in ${days} days`;
}
