import { afterEach, describe, expect, it } from 'vitest';
import { dayStart, studyDayOf } from '../../../src/core/schedule/day.js';

// Every 7 minutes over three days: never on the same minute of the quarter twice in a row.
function times(fromIso: string): number[] {
  const from = Date.parse(fromIso);
  return Array.from({ length: (3 * 24 * 60) / 7 }, (_, i) => from + i * 7 * 60_000);
}

describe('the study day of many times, remembered per quarter hour', () => {
  const zone = process.env.TZ;
  afterEach(() => {
    process.env.TZ = zone;
  });

  it.each([
    ['America/New_York', 'clocks go back', '2026-10-31T12:00:00Z'],
    ['America/New_York', 'clocks go forward', '2026-03-07T12:00:00Z'],
    ['Asia/Kathmandu', 'a zone 5:45 ahead', '2026-06-01T00:00:00Z'],
    ['Australia/Lord_Howe', 'a half-hour daylight-saving change', '2026-04-03T12:00:00Z'],
  ])('in %s (%s) is the day dayStart gives for each', (tz, _why, from) => {
    process.env.TZ = tz;
    const dayOf = studyDayOf();
    for (const t of times(from)) expect(dayOf(t), new Date(t).toISOString()).toBe(dayStart(new Date(t)).getTime());
  });
});
