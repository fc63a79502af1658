import { afterEach, describe, expect, it } from 'vitest';
import { dayStart, studyDayOf, zoneSignature } from '../../../src/core/schedule/day.js';

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

// prep stats reuses counts by study day only when the zone puts the study days where the one they
// were counted in did: zoneSignature writes a zone's offsets over a span, checked at the next run.
describe('the signature of the time zone over a span', () => {
  const zone = process.env.TZ;
  afterEach(() => {
    process.env.TZ = zone;
  });
  const Q = 900_000;
  const t = (iso: string) => Date.parse(iso);
  const sig = (from: string, to: string) => zoneSignature(t(from), t(to));

  it('names each clock change of New York in 2026: to UTC-4 at 07:00 UTC on 8 March, back to UTC-5 at 06:00 UTC on 1 November', () => {
    // The tests run in New York (vitest.config.ts).
    expect(sig('2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z')).toBe(
      `r4 300 ${t('2026-03-08T07:00:00Z') / Q}:240 ${t('2026-11-01T06:00:00Z') / Q}:300`,
    );
    // Ends off the quarter hour; a span starting in summer starts at UTC-4.
    expect(sig('2026-07-01T10:07:00Z', '2026-11-01T06:05:00Z')).toBe(`r4 240 ${t('2026-11-01T06:00:00Z') / Q}:300`);
  });

  it('is the same for every span with the same offsets, and differs across a change', () => {
    expect(sig('2026-01-05T00:00:00Z', '2026-01-20T00:00:00Z')).toBe('r4 300');
    expect(sig('2026-01-10T03:07:00Z', '2026-03-08T06:40:00Z')).toBe('r4 300');
    expect(sig('2026-05-01T00:00:00Z', '2026-06-01T00:00:00Z')).toBe('r4 240');
    expect(sig('2026-01-10T00:00:00Z', '2026-03-09T00:00:00Z')).not.toBe('r4 300');
  });

  // Setting TZ moves the dates of this thread under npm test; the mutation run's worker threads keep New York.
  const zoneMoves = (() => {
    process.env.TZ = 'America/Chicago';
    const moved = new Date(0).getTimezoneOffset() === 360;
    process.env.TZ = zone;
    return moved;
  })();
  it.skipIf(!zoneMoves)('tells zones apart that put study days elsewhere, and not those that put them at the same instants', () => {
    const span = (tz: string) => ((process.env.TZ = tz), sig('2026-01-01T00:00:00Z', '2026-12-31T00:00:00Z'));
    const newYork = span('America/New_York');
    expect(span('America/Toronto')).toBe(newYork);
    expect(span('America/Chicago')).not.toBe(newYork);
    // UTC-5 all year: the same offset in winter, none of the changes.
    expect(span('America/Bogota')).not.toBe(newYork);
    expect(span('America/Bogota')).toBe('r4 300');
  });
});
