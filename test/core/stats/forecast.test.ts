import { describe, expect, it } from 'vitest';
import { createEmptyCard, State } from 'ts-fsrs';
import { dueForecast } from '../../../src/core/stats/forecast.js';
import { countByState, dueNow } from '../../../src/core/stats/counts.js';
import { localDate } from '../../../src/core/schedule/day.js';
import { NO_GRADES, type CardProgress } from '../../../src/core/schedule/progress.js';
import { makeDeck } from '../../helpers/deck.js';

const NOW = new Date('2026-11-26T10:00');

/** Progress of a card in `state`, due at local time `due`. */
function at(state: State, due: string): CardProgress {
  return { fsrs: { ...createEmptyCard(new Date(0)), state, due: new Date(due), stability: 3, reps: 2 }, history: NO_GRADES };
}

describe('due forecast', () => {
  it('counts seen cards per study day for 14 days, today holding the overdue ones', () => {
    const deck = makeDeck(7);
    const progress = new Map<string, CardProgress>([
      ['q1', at(State.Review, '2026-11-20T09:00')], // overdue: today
      ['q2', at(State.Learning, '2026-11-26T10:10')], // learning step later today
      ['q3', at(State.Review, '2026-11-27T03:30')], // before tomorrow's 04:00 rollover: still today
      ['q4', at(State.Review, '2026-11-27T04:00')], // tomorrow
      ['q5', at(State.Relearning, '2026-12-09T20:00')], // the 14th day
      ['q6', at(State.Review, '2026-12-10T05:00')], // after the last day: not shown
      ['q7', at(State.New, '1970-01-01T00:00')], // new: not scheduled
    ]);
    const days = dueForecast(deck.cards, progress, NOW);
    expect(days).toHaveLength(14);
    expect(localDate(days[0]!.day)).toBe('2026-11-26');
    expect(localDate(days[13]!.day)).toBe('2026-12-09');
    expect(days.map((d) => d.count)).toEqual([3, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
  });

  it('starts every day at 04:00 local, across the end of daylight saving time', () => {
    // 1 November 2026 is the night clocks go back in New York (the tests' zone).
    const days = dueForecast([], new Map(), new Date('2026-10-31T12:00'), 3);
    expect(days.map((d) => [localDate(d.day), d.day.getHours()])).toEqual([
      ['2026-10-31', 4],
      ['2026-11-01', 4],
      ['2026-11-02', 4],
    ]);
  });

  it('before 04:00 today is still yesterday', () => {
    const days = dueForecast([], new Map(), new Date('2026-11-26T02:30'), 1);
    expect(localDate(days[0]!.day)).toBe('2026-11-25');
  });
});

describe('card counts', () => {
  it('counts cards by state, with cards missing from the progress as new', () => {
    const deck = makeDeck(5);
    const progress = new Map<string, CardProgress>([
      ['q1', at(State.Review, '2026-11-30T09:00')],
      ['q2', at(State.Review, '2026-11-20T09:00')],
      ['q3', at(State.Learning, '2026-11-26T10:05')],
      ['q4', at(State.Relearning, '2026-11-26T09:55')],
    ]);
    expect(countByState(deck.cards, progress)).toEqual({ new: 1, learning: 1, review: 2, relearning: 1, total: 5 });
  });

  it('due now is what the drill would show, new cards left out', () => {
    const deck = makeDeck(5);
    const progress = new Map<string, CardProgress>([
      ['q1', at(State.Review, '2026-11-30T09:00')], // next week: not due
      ['q2', at(State.Review, '2026-11-26T22:00')], // later in the study day: due
      ['q3', at(State.Learning, '2026-11-26T10:05')], // within the learn-ahead window: due
      ['q4', at(State.Learning, '2026-11-26T12:00')], // two hours away: not yet
    ]);
    expect(dueNow(deck.cards, progress, NOW)).toBe(2);
  });
});
