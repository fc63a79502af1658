import { describe, expect, it } from 'vitest';
import { State } from 'ts-fsrs';
import { scheduler } from '../../../src/core/schedule/fsrs.js';
import { replay } from '../../../src/core/schedule/snapshot.js';
import { countWaiting, newIntroducedToday, nextDue, pickNext } from '../../../src/core/schedule/queue.js';
import { dayStart, nextDayStart } from '../../../src/core/schedule/day.js';
import type { GradeRecord, Grade } from '../../../src/core/store/review-log.js';
import { makeDeck } from '../../helpers/deck.js';

// Tests run with TZ=America/New_York (vitest.config.ts); times below are local.
const local = (s: string) => new Date(s); // "2026-11-26T10:00" parses as local time
let n = 0;
const grade = (card: string, g: Grade, at: Date): GradeRecord => ({
  v: 1,
  type: 'grade',
  id: `r${++n}`,
  deck: 'test',
  card,
  grade: g,
  at: at.toISOString(),
});
const f = scheduler(0.9);

describe('study day', () => {
  it('rolls over at 04:00 local time, not at midnight', () => {
    expect(dayStart(local('2026-11-26T03:59'))).toEqual(local('2026-11-25T04:00'));
    expect(dayStart(local('2026-11-26T04:00'))).toEqual(local('2026-11-26T04:00'));
    expect(nextDayStart(local('2026-11-26T23:30'))).toEqual(local('2026-11-27T04:00'));
  });
});

describe('pickNext', () => {
  const deck = makeDeck(4);
  const t0 = local('2026-11-26T10:00');

  it('shows new cards in deck order when nothing was studied', () => {
    const p = replay(f, deck.cards, []);
    expect(pickNext(deck.cards, p, { now: t0, newPerDay: 20, newToday: 0 })).toEqual({ id: 'q1', reason: 'new' });
  });

  it('brings a card graded Again back in the same session once its step is due', () => {
    const p = replay(f, deck.cards, [grade('q1', 1, t0)]);
    expect(p.get('q1')!.fsrs.state).toBe(State.Learning);
    // Right after the grade, other cards come first...
    expect(pickNext(deck.cards, p, { now: t0, newPerDay: 20, newToday: 1 })?.id).toBe('q2');
    // ...and once its one-minute step is due, it jumps ahead of new cards.
    const later = new Date(t0.getTime() + 61_000);
    expect(pickNext(deck.cards, p, { now: later, newPerDay: 20, newToday: 1 })).toEqual({ id: 'q1', reason: 'learning' });
  });

  it('shows learning cards early when nothing else waits (learn-ahead, 20 minutes)', () => {
    const one = makeDeck(1);
    const p = replay(f, one.cards, [grade('q1', 1, t0)]);
    expect(pickNext(one.cards, p, { now: t0, newPerDay: 20, newToday: 1 })).toEqual({ id: 'q1', reason: 'learn-ahead' });
  });

  it('does not learn ahead past 20 minutes', () => {
    const one = makeDeck(1);
    // Good on a new card puts it on the 10-minute step; Good again graduates it to a review in days.
    const p = replay(f, one.cards, [grade('q1', 3, t0), grade('q1', 3, new Date(t0.getTime() + 10 * 60_000))]);
    expect(p.get('q1')!.fsrs.state).toBe(State.Review);
    expect(pickNext(one.cards, p, { now: new Date(t0.getTime() + 11 * 60_000), newPerDay: 20, newToday: 1 })).toBeNull();
  });

  it('stops introducing new cards at the daily limit', () => {
    const p = replay(f, deck.cards, []);
    expect(pickNext(deck.cards, p, { now: t0, newPerDay: 2, newToday: 2 })).toBeNull();
    expect(countWaiting(deck.cards, p, { now: t0, newPerDay: 2, newToday: 1 })).toBe(1);
    expect(countWaiting(deck.cards, p, { now: t0, newPerDay: 20, newToday: 0 })).toBe(4);
  });

  it('counts new cards per study day, so the limit resets at 04:00', () => {
    const p = replay(f, deck.cards, [grade('q1', 3, local('2026-11-26T01:00')), grade('q2', 3, local('2026-11-26T02:00'))]);
    expect(newIntroducedToday(p, local('2026-11-26T03:30'))).toBe(2);
    expect(newIntroducedToday(p, local('2026-11-26T04:00'))).toBe(0);
  });

  it('makes a review due on its study day: due at 10:00 is shown from 04:00, not before', () => {
    const one = makeDeck(1);
    const start = local('2026-11-20T10:00');
    const p = replay(f, one.cards, [grade('q1', 3, start), grade('q1', 3, new Date(start.getTime() + 10 * 60_000))]);
    const due = p.get('q1')!.fsrs.due;
    expect(p.get('q1')!.fsrs.state).toBe(State.Review);
    const dueDay = dayStart(due);
    const justBefore = new Date(dueDay.getTime() - 60_000);
    expect(pickNext(one.cards, p, { now: justBefore, newPerDay: 20, newToday: 0 })).toBeNull();
    expect(pickNext(one.cards, p, { now: dueDay, newPerDay: 20, newToday: 0 })).toEqual({ id: 'q1', reason: 'review' });
    expect(nextDue(one.cards, p)).toEqual(due);
  });

  it('puts due reviews before new cards and (re)learning cards before reviews', () => {
    const start = local('2026-11-01T10:00');
    const records = [grade('q3', 3, start), grade('q3', 3, new Date(start.getTime() + 600_000))];
    const p = replay(f, deck.cards, records);
    const much = local('2026-12-30T10:00');
    expect(pickNext(deck.cards, p, { now: much, newPerDay: 20, newToday: 0 })).toEqual({ id: 'q3', reason: 'review' });
    const p2 = replay(f, deck.cards, [...records, grade('q3', 1, much), grade('q4', 3, much)]);
    const after = new Date(much.getTime() + 11 * 60_000);
    expect(pickNext(deck.cards, p2, { now: after, newPerDay: 20, newToday: 1 })?.reason).toBe('learning');
  });
});

describe('replay', () => {
  it('skips undone grades and grades of cards no longer in the deck', () => {
    const deck = makeDeck(2);
    const t = local('2026-11-26T10:00');
    const g = grade('q1', 3, t);
    const p = replay(f, deck.cards, [
      g,
      { v: 1, type: 'undo', id: 'u1', deck: 'test', target: g.id, at: t.toISOString() },
      grade('gone', 3, t),
    ]);
    expect(p.get('q1')!.fsrs.state).toBe(State.New);
    expect(p.get('q1')!.history.count).toBe(0);
    expect(p.has('gone')).toBe(false);
  });

  it('treats a clock that went backwards as no time passed (no negative interval)', () => {
    const deck = makeDeck(1);
    const t = local('2026-11-26T10:00');
    const p = replay(f, deck.cards, [grade('q1', 3, t), grade('q1', 3, new Date(t.getTime() - 3 * 86400_000))]);
    const c = p.get('q1')!.fsrs;
    expect(c.due.getTime()).toBeGreaterThanOrEqual(t.getTime());
    expect(c.scheduled_days).toBeGreaterThanOrEqual(0);
  });
});
