import { DAY_MS, ROLLOVER_HOUR } from '../schedule/day.js';

const pad = (n: number) => String(n).padStart(2, '0');

/** The local calendar date of `d` as ISO 8601 (`2026-11-26`). */
export function localDate(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/**
 * Start of the study day `n` days after the one starting at `start` (negative goes back).
 * Stepping the calendar, not adding 24 h, keeps 04:00 across daylight-saving changes.
 */
export function addStudyDays(start: Date, n: number): Date {
  const d = new Date(start);
  d.setDate(d.getDate() + n);
  d.setHours(ROLLOVER_HOUR, 0, 0, 0);
  return d;
}

/** Whole local calendar days from the date of `from` to the date of `to` (0: same day, negative: before). */
export function calendarDaysBetween(from: Date, to: Date): number {
  const a = Date.UTC(from.getFullYear(), from.getMonth(), from.getDate());
  const b = Date.UTC(to.getFullYear(), to.getMonth(), to.getDate());
  return Math.round((b - a) / DAY_MS);
}
