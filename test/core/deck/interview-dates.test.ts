import { describe, expect, it } from 'vitest';
import { parseDeck } from '../../../src/core/deck/load-deck.js';
import { formatProblem } from '../../../src/core/deck/types.js';
import { parseInterview } from '../../../src/core/store/interview-date.js';

/** What loading a deck with this interview line says: its problems, as the user reads them. */
function problemsWith(interview: string): string[] {
  const text = `title: T\ninterview: ${interview}\npitch: {script: s}\n`;
  return parseDeck(text, { name: 'inline', path: '/abs/inline.yaml', displayPath: 'inline.yaml' }).problems.map(formatProblem);
}

// Vitest runs in America/New_York: these are local times there.
describe('interview dates at the edges of the calendar and the clock', () => {
  it.each(['2027-01-15', '2027-01-01T08:00', '2026-12-31T23:59:59', '2028-02-29'])('a deck may set %s', (date) => {
    expect(problemsWith(date)).toEqual([]);
  });

  it('takes the date from the command line with spaces around it, but nothing else', () => {
    expect(parseInterview('  2027-01-15T10:30 ')).toEqual(new Date(2027, 0, 15, 10, 30));
    expect(parseInterview('on 2027-01-15')).toBeNull();
    expect(parseInterview('2027-01-15 at noon')).toBeNull();
    expect(parseInterview('2027-01-15T10:30Z')).toBeNull();
    // A year typed with a digit too many, or too few, is not taken for another century.
    expect(parseInterview('12027-01-15')).toBeNull();
    expect(parseInterview('0027-01-15')).toBeNull();
  });

  it('reads January and December dates as those months', () => {
    expect(parseInterview('2027-01-15')).toEqual(new Date(2027, 0, 15, 9, 0));
    expect(parseInterview('2027-01-01T00:00')).toEqual(new Date(2027, 0, 1, 0, 0));
    expect(parseInterview('2026-12-31T23:59:59')).toEqual(new Date(2026, 11, 31, 23, 59, 59));
  });

  it.each([
    ['2026-03-05T14:60', 'time of day'],
    ['2026-03-05T14:30:60', 'time of day'],
    ['2026-03-05T24:00', 'time of day'],
    ['2026-03-31T24:00', 'time of day'],
    ['2026-12-31T24:00', 'time of day'],
    ['2026-00-10', 'date'],
    ['2026-13-10', 'date'],
    ['2026-99-10', 'date'],
    ['2026-04-31', 'date'],
    ['2026-04-00', 'date'],
    ['2027-02-29', 'date'],
    ['0027-01-15', 'date'],
    ['0099-12-31T10:00', 'date'],
    // A real day at the edge of the year or the month, with an impossible hour: the hour is wrong.
    ['2026-01-15T25:00', 'time of day'],
    ['2026-01-01T24:30', 'time of day'],
    ['2026-12-31T24:00', 'time of day'],
    ['2027-02-28T25:00', 'time of day'],
  ])('lint refuses %s as not a real %s, and so does the drill', (date, what) => {
    expect(problemsWith(date)).toEqual([`inline.yaml:2:1 interview: "${date}" is not a real ${what}`]);
    expect(parseInterview(date)).toBeNull();
  });
});
