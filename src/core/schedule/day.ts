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

/** A quarter of an hour: every UTC offset in use, and every daylight-saving change, falls on one. */
const QUARTER_MS = 900_000;

/**
 * {@link dayStart} in milliseconds for many times (a log's 50,000 grades), remembered per quarter
 * of an hour: the study day only changes at a local 04:00, which always falls on a quarter hour.
 */
export function studyDayOf(): (t: number) => number {
  const memo = new Map<number, number>();
  return (t) => {
    // Stryker disable next-line ArithmeticOperator: another key only remembers less; each day is still dayStart's
    const quarter = Math.floor(t / QUARTER_MS);
    let day = memo.get(quarter);
    // Stryker disable next-line ConditionalExpression: worked out again, the day is the same
    if (day === undefined) memo.set(quarter, (day = dayStart(new Date(t)).getTime()));
    return day;
  };
}

/** Start of the next study day after `now`. */
export function nextDayStart(now: Date, rolloverHour = ROLLOVER_HOUR): Date {
  const d = dayStart(now, rolloverHour);
  d.setDate(d.getDate() + 1);
  return d;
}

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

/** How far apart {@link zoneSignature} looks at the offset: no zone changes its offset twice within it. */
const SIGNATURE_STEP_MS = 6 * 3_600_000;

/**
 * The local time zone's offsets from `from` to `to` (ms), written short: the rollover hour, the
 * first offset, then each change and the quarter hour it takes effect. Two zones with the same
 * signature over a span put every study day of it at the same instants, so counts by study day
 * made in one still hold in the other (a stored tally of the review log is checked so).
 */
export function zoneSignature(from: number, to: number): string {
  const d = new Date(Math.floor(from / QUARTER_MS) * QUARTER_MS);
  const offsetAt = (t: number) => (d.setTime(t), d.getTimezoneOffset());
  let t = d.getTime();
  let offset = offsetAt(t);
  const out = [`r${ROLLOVER_HOUR}`, String(offset)];
  while (t < to) {
    const next = Math.min(t + SIGNATURE_STEP_MS, Math.ceil(to / QUARTER_MS) * QUARTER_MS);
    if (offsetAt(next) !== offset) {
      // The first quarter hour with the new offset.
      // Stryker disable next-line ArithmeticOperator: starting a quarter earlier still finds the same first quarter with the new offset
      let q = t + QUARTER_MS;
      while (offsetAt(q) === offset) q += QUARTER_MS;
      offset = offsetAt(q);
      out.push(`${q / QUARTER_MS}:${offset}`);
      t = q;
    } else t = next;
  }
  return out.join(' ');
}
