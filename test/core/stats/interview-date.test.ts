import { describe, expect, it } from 'vitest';
import { interviewOf } from '../../../src/core/stats/interview-date.js';
import { calendarDaysBetween } from '../../../src/core/stats/days.js';

describe('interview of a deck', () => {
  it('a date only means 09:00 local time', () => {
    const d = interviewOf({ name: 'coder', interview: '2026-12-03' });
    expect(d?.toString()).toBe(new Date(2026, 11, 3, 9, 0).toString());
  });

  it('the date saved in the settings wins over the deck', () => {
    const d = interviewOf({ name: 'coder', interview: '2026-12-03' }, { coder: '2026-12-10T14:30', other: '2026-01-01' });
    expect(d?.getTime()).toBe(new Date(2026, 11, 10, 14, 30).getTime());
  });

  it('is null without a date, or with one that is not a date', () => {
    expect(interviewOf({ name: 'coder' })).toBeNull();
    expect(interviewOf({ name: 'coder' }, { coder: 'next tuesday' })).toBeNull();
  });

  it('days left counts calendar days, not 24-hour periods', () => {
    const now = new Date('2026-11-26T22:00');
    expect(calendarDaysBetween(now, new Date('2026-11-27T09:00'))).toBe(1);
    expect(calendarDaysBetween(now, new Date('2026-11-26T23:00'))).toBe(0);
    expect(calendarDaysBetween(now, new Date('2026-11-20T09:00'))).toBe(-6);
    // Across the end of daylight saving time (a 25-hour day).
    expect(calendarDaysBetween(new Date('2026-10-31T12:00'), new Date('2026-11-02T12:00'))).toBe(2);
  });
});
