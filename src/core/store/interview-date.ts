/** The time of day an interview given only as a date is taken to start, local time. */
export const DEFAULT_INTERVIEW_HOUR = 9;

/** An ISO date `2026-03-05` or a local date-time `2026-03-05T14:00` / `2026-03-05T14:00:30`. */
export const INTERVIEW_PATTERN = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?)?$/;

/**
 * Reads an interview date as a deck, the settings or the command line write it: `2026-12-03` is
 * 09:00 local time that day, `2026-12-03T14:00` (seconds optional) is that local time. Returns
 * null for anything else (a zone, `2026-12-03T14:00Z`, included), and for dates and times that do
 * not exist (2026-02-30, 25:00).
 *
 * It lives on the ground floor because the deck format and the settings file both check their
 * dates with it; the scheduling side of the interview is in `schedule/interview.ts`.
 */
export function parseInterview(text: string): Date | null {
  const trimmed = text.trim();
  if (!INTERVIEW_PATTERN.test(trimmed)) return null;
  const [y, mo, d, h = DEFAULT_INTERVIEW_HOUR, mi = 0, s = 0] = trimmed.split(/[-T:]/).map(Number) as [number, number, number, number?, number?, number?];
  // Minutes or seconds past 59 roll over into the next hour of the same day, which the checks
  // below would not see.
  if (mi > 59 || s > 59) return null;
  const date = new Date(y, mo - 1, d, h, mi, s, 0);
  // Every other field out of range rolls the date over into another day or year (30 February
  // is 2 March, 24:00 the next day, month 13 or 00 another year), and the Date constructor reads
  // years 0-99 as 1900-1999: the year and the day must come back unchanged.
  if (date.getFullYear() !== y || date.getDate() !== d) return null;
  return date;
}
