/** A day in milliseconds (24 hours; the study day itself follows local time, see dayStart). */
export const DAY_MS = 86_400_000;

/** The study day rolls over at 04:00 local time, as in Anki: a late-night session counts for the day before. */
export const ROLLOVER_HOUR = 4;

/** Start of the study day containing `now` (the latest local 04:00 at or before it). */
export function dayStart(now: Date, rolloverHour = ROLLOVER_HOUR): Date {
  const d = new Date(now);
  d.setHours(rolloverHour, 0, 0, 0);
  if (d.getTime() > now.getTime()) d.setDate(d.getDate() - 1);
  return d;
}

/** Start of the next study day after `now`. */
export function nextDayStart(now: Date, rolloverHour = ROLLOVER_HOUR): Date {
  const d = dayStart(now, rolloverHour);
  d.setDate(d.getDate() + 1);
  return d;
}
