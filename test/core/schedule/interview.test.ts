import { describe, expect, it } from 'vitest';
import { describeInterview, interviewCountdown, interviewOf, resolveInterview } from '../../../src/core/schedule/interview.js';
import { calendarDaysBetween } from '../../../src/core/schedule/day.js';
import { parseInterview } from '../../../src/core/store/interview-date.js';
import { openSettings } from '../../../src/core/store/settings.js';
import { useTempHome } from '../../helpers/temp-home.js';

const home = useTempHome();

// Vitest runs in America/New_York: these are local times there.
describe('parseInterview', () => {
  it('takes a bare date as 09:00 local time', () => {
    expect(parseInterview('2026-12-03')).toEqual(new Date(2026, 11, 3, 9, 0));
    expect(parseInterview('2026-12-03')!.toISOString()).toBe('2026-12-03T14:00:00.000Z');
  });

  it('takes a date and time as given, local time, seconds optional', () => {
    expect(parseInterview('2026-12-03T14:00')).toEqual(new Date(2026, 11, 3, 14, 0));
    expect(parseInterview('2026-07-01T08:30:15')).toEqual(new Date(2026, 6, 1, 8, 30, 15));
  });

  it.each(['2026-02-30', '2026-13-01', '2026-12-03T24:00', '2026-12-03T14:60', 'tomorrow', '3/12/2026', '2026-12-3', '', '2026-12-03T14:00Z', '2026-12-03T14:00+02:00'])(
    'rejects %j',
    (text) => expect(parseInterview(text)).toBeNull(),
  );
});

describe('describeInterview', () => {
  const interview = new Date(2026, 11, 3, 14, 0);
  it('says today with the time on the day itself', () => {
    expect(describeInterview(interview, new Date(2026, 11, 3, 7, 30))).toBe('Interview today at 14:00');
  });
  it('says tomorrow with the time the day before, however late', () => {
    expect(describeInterview(new Date(2026, 11, 3, 9, 0), new Date(2026, 11, 2, 23, 50))).toBe('Interview tomorrow at 09:00');
  });
  it('counts calendar days further out', () => {
    expect(describeInterview(interview, new Date(2026, 11, 1, 20, 0))).toBe('Interview in 2 days');
    expect(interviewCountdown(interview, new Date(2026, 11, 1, 20, 0))).toBe('in 2 d');
    expect(interviewCountdown(interview, new Date(2026, 11, 3, 7, 30))).toBe('today 14:00');
    expect(interviewCountdown(new Date(2026, 11, 3, 9, 0), new Date(2026, 11, 2, 23, 50))).toBe('tomorrow 09:00');
    expect(interviewCountdown(interview, new Date(2026, 11, 3, 14, 0))).toBe('past');
    expect(describeInterview(interview, new Date(2026, 10, 26, 10, 0))).toBe('Interview in 7 days');
  });
  it('says the interview has passed once it has started, so the drill header tells', () => {
    expect(describeInterview(interview, new Date(2026, 11, 3, 14, 0))).toBe('Interview was today at 14:00');
    expect(describeInterview(interview, new Date(2026, 11, 4, 10, 0))).toBe('Interview was yesterday');
    expect(describeInterview(interview, new Date(2026, 11, 7))).toBe('Interview was on 3 Dec (4 days ago)');
  });
});

describe('interviewCountdown', () => {
  const interview = new Date(2026, 11, 3, 14, 0);
  it('is short enough for a table cell, and says past once it has started', () => {
    expect(interviewCountdown(interview, new Date(2026, 10, 26, 10, 0))).toBe('in 7 d');
    expect(interviewCountdown(interview, new Date(2026, 11, 2, 23, 0))).toBe('tomorrow 14:00');
    expect(interviewCountdown(interview, new Date(2026, 11, 3, 13, 59))).toBe('today 14:00');
    expect(interviewCountdown(interview, new Date(2026, 11, 3, 14, 0))).toBe('past');
    expect(interviewCountdown(interview, new Date(2027, 0, 1))).toBe('past');
  });
});

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

  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty'])('a deck called %s reads its own date, not Object.prototype', (name) => {
    expect(interviewOf({ name, interview: '2026-12-03' })).toEqual(new Date(2026, 11, 3, 9, 0));
    expect(interviewOf({ name })).toBeNull();
  });

  it('--interview is remembered in the settings and wins; without it the saved date is used', () => {
    const settings = openSettings(home().dir);
    const deck = { name: 'constructor', interview: '2026-12-03' };
    expect(resolveInterview(deck, settings)).toEqual(new Date(2026, 11, 3, 9, 0));
    expect(resolveInterview(deck, settings, '2026-12-10T14:30')).toEqual(new Date(2026, 11, 10, 14, 30));
    expect(resolveInterview(deck, openSettings(home().dir))).toEqual(new Date(2026, 11, 10, 14, 30));
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
