import { describe, expect, it } from 'vitest';
import { scheduler } from '../../../src/core/schedule/fsrs.js';
import { deadlineIntervals } from '../../../src/core/schedule/deadline.js';
import { formatDue, formatDuration, formatInterval, GRADE_NAMES } from '../../../src/core/schedule/preview.js';
import { applyGrade, emptyProgress } from '../../../src/core/schedule/progress.js';

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;

describe('the waits on the grade bar', () => {
  it.each([
    [-5 * M, '0s'],
    [0, '0s'],
    [45 * S, '45s'],
    [59 * S + 499, '59s'],
    [59 * S + 500, '1m'],
    [10 * M, '10m'],
    [59 * M, '59m'],
    [60 * M, '1h'],
    [5 * H, '5h'],
    [23 * H, '23h'],
    [24 * H, '1d'],
    [3 * D, '3d'],
    [30 * D, '30d'],
    [31 * D, '1mo'],
    [75 * D, '3mo'],
    [364 * D, '12mo'],
    [365 * D, '1y'],
    [547 * D + 12 * H, '1.5y'],
    [730 * D, '2y'],
  ])('%d ms reads %s', (ms, text) => expect(formatInterval(ms)).toBe(text));

  it('names the grades as the keys do', () => {
    expect(GRADE_NAMES).toEqual({ 1: 'Again', 2: 'Hard', 3: 'Good', 4: 'Easy' });
  });

  it('are never negative, even when the clock has gone back behind the last review', () => {
    const f = scheduler(0.9);
    const at = new Date('2026-03-01T12:00:00Z');
    const p = applyGrade(f, emptyProgress(new Date(0)), { v: 1, type: 'grade', id: 'g', deck: 'd', card: 'q', grade: 3, at: at.toISOString() });
    const hourBefore = new Date(at.getTime() - H);
    const waits = deadlineIntervals(f, p, null, hourBefore);
    for (const g of [1, 2, 3, 4] as const) expect(waits[g]).toBeGreaterThan(0);
    // Graded as of the last review: the waits are those of a grade given then, plus the hour.
    const asThen = deadlineIntervals(f, p, null, at);
    for (const g of [1, 2, 3, 4] as const) expect(waits[g]).toBe(asThen[g] + H);
  });
});

describe('durations spoken plainly', () => {
  it.each([
    [-3 * S, '0s'],
    [0, '0s'],
    [35 * S, '35s'],
    [59 * S + 600, '1m 0s'],
    [4 * M + 12 * S, '4m 12s'],
    [59 * M + 59 * S, '59m 59s'],
    [H, '1h 0m'],
    [H + 5 * M + 40 * S, '1h 5m'],
    [26 * H, '26h 0m'],
  ])('%d ms reads %s', (ms, text) => expect(formatDuration(ms)).toBe(text));
});

// Vitest runs in America/New_York: the clock times are local there.
describe('when a card is next due', () => {
  const now = new Date(2026, 10, 26, 16, 55);
  it('says now for a due date reached or passed', () => {
    expect(formatDue(now, now)).toBe('now');
    expect(formatDue(new Date(now.getTime() - D), now)).toBe('now');
  });
  it('gives the clock time within a day', () => {
    expect(formatDue(new Date(now.getTime() + 10 * M), now)).toBe('in 10m (17:05)');
    expect(formatDue(new Date(now.getTime() + D - H), now)).toBe('in 23h (15:55)');
  });
  it('gives the day from a day on', () => {
    expect(formatDue(new Date(now.getTime() + D), now)).toBe('in 1d (Fri 27 Nov)');
    expect(formatDue(new Date(now.getTime() + 3 * D), now)).toBe('in 3d (Sun 29 Nov)');
  });
});
