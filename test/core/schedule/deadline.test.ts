import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { State } from 'ts-fsrs';
import { scheduler } from '../../../src/core/schedule/fsrs.js';
import {
  deadlineIntervals,
  deadlineView,
  describeReadiness,
  effectiveDue,
  finalPassStart,
} from '../../../src/core/schedule/deadline.js';
import { applyGrade, emptyProgress, recallAt, type CardProgress } from '../../../src/core/schedule/progress.js';
import { countWaiting, pickNext } from '../../../src/core/schedule/queue.js';
import { drillReducer, initDrill } from '../../../src/core/session/drill-state.js';
import type { Grade } from '../../../src/core/store/review-log.js';
import { makeDeck } from '../../helpers/deck.js';
import { days, gradeAt, progressOf } from '../../helpers/history.js';

const f = scheduler(0.9);
// Local times (vitest runs in America/New_York). The interview is at 09:00 on Thursday 10 Dec.
const INTERVIEW = new Date(2026, 11, 10, 9, 0);
const PASS = new Date(2026, 11, 9, 4, 0); // 04:00 on the study day 24 h before
const NOV = (d: number, h = 10) => new Date(2026, 10, d, h, 0);

/** A card learned in November and well known: FSRS wants it back well after the interview. */
const solid = () => progressOf([[NOV(1), 3], [NOV(1, 11), 3], [NOV(4), 3], [NOV(14), 3], [NOV(26), 3]]);

function review(p: CardProgress, at: Date, grade: Grade): CardProgress {
  return applyGrade(f, p, gradeAt('q', at, grade));
}

describe('deadline-aware due dates', () => {
  it('opens the final pass at 04:00 on the study day 24 hours before the interview', () => {
    expect(finalPassStart(INTERVIEW)).toEqual(PASS);
    expect(finalPassStart(new Date(2026, 11, 10, 14, 0))).toEqual(PASS);
  });

  it('without an interview, or a card never seen, the due date is plain FSRS', () => {
    const p = solid();
    expect(effectiveDue(f, p, undefined, NOV(27))).toBe(p.fsrs.due);
    const fresh = emptyProgress(NOV(1));
    expect(effectiveDue(f, fresh, INTERVIEW, NOV(27))).toBe(fresh.fsrs.due);
  });

  it('caps a due date that falls after the interview at the final pass', () => {
    const p = solid();
    expect(p.fsrs.due.getTime()).toBeGreaterThan(INTERVIEW.getTime());
    expect(effectiveDue(f, p, INTERVIEW, NOV(27))).toEqual(PASS);
    // A due date before the pass is left alone.
    const young = progressOf([[NOV(26), 3], [NOV(26, 11), 3]]);
    expect(young.fsrs.due.getTime()).toBeLessThan(PASS.getTime());
    expect(effectiveDue(f, young, INTERVIEW, NOV(27))).toBe(young.fsrs.due);
  });

  it('no card reviewed before the final pass is due after the interview (any history)', () => {
    const grade = fc.constantFrom<Grade>(1, 2, 3, 4);
    const history = fc.array(fc.tuple(fc.integer({ min: 0, max: 37 * 24 * 60 }), grade), { minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(history, fc.integer({ min: 0, max: 60 * 24 * 60 }), (steps, nowMin) => {
        const start = NOV(1, 0).getTime();
        const times = steps.map(([m]) => m).sort((a, b) => a - b);
        const p = progressOf(times.map((m, i) => [new Date(start + m * 60_000), steps[i]![1]]));
        const now = new Date(Math.min(start + nowMin * 60_000, INTERVIEW.getTime() - 1));
        const due = effectiveDue(f, p, INTERVIEW, now).getTime();
        expect(due).toBeLessThanOrEqual(p.fsrs.due.getTime());
        if (p.fsrs.last_review!.getTime() < PASS.getTime()) expect(due).toBeLessThanOrEqual(PASS.getTime());
      }),
      { numRuns: 300 },
    );
  });

  it('final pass: on the day before, every seen card not reviewed since is due once, then not again', () => {
    const deck = makeDeck(3);
    const progress = new Map<string, CardProgress>([
      ['q1', solid()],
      ['q2', progressOf([[new Date(2026, 11, 6, 10), 3], [new Date(2026, 11, 6, 10, 10), 4]])],
      ['q3', emptyProgress(NOV(1))],
    ]);
    const evening = new Date(2026, 11, 9, 19, 0);
    const opts = (now: Date) => ({ now, newPerDay: 0, newToday: 0 });
    // Before the pass day nothing is due; on it, both seen cards are.
    expect(countWaiting(deck.cards, deadlineView(f, progress, INTERVIEW, new Date(2026, 11, 8, 19)), opts(new Date(2026, 11, 8, 19)))).toBe(0);
    expect(countWaiting(deck.cards, deadlineView(f, progress, INTERVIEW, evening), opts(evening))).toBe(2);

    const state = initDrill({ deck, retention: 0.9, newPerDay: 0, interview: INTERVIEW }, progress, evening.getTime());
    let s = state;
    const shown: string[] = [];
    for (let i = 0; i < 10 && s.current; i++) {
      shown.push(s.current.id);
      const t = evening.getTime() + i * 60_000;
      s = drillReducer(s, { type: 'reveal', now: t });
      s = drillReducer(s, { type: 'graded', record: gradeAt(s.current!.id, new Date(t), 3), now: t + 1000 });
    }
    expect(shown).toEqual(['q1', 'q2']);
    expect(s.phase).toBe('done');
    // On the interview morning both are still strong enough: nothing is due.
    const morning = new Date(2026, 11, 10, 7, 0);
    expect(pickNext(deck.cards, deadlineView(f, s.progress, INTERVIEW, morning), opts(morning))).toBeNull();
  });

  it('a card reviewed in the final pass that would still fall below retention comes back the next morning', () => {
    // Learned two days before and forgotten once: still weak after a Hard in the pass.
    let p = progressOf([[new Date(2026, 11, 7, 20), 3], [new Date(2026, 11, 7, 20, 10), 3], [new Date(2026, 11, 8, 20), 1]]);
    p = review(p, new Date(2026, 11, 8, 20, 10), 3);
    const noon = new Date(2026, 11, 9, 12, 0);
    p = review(p, noon, 2);
    expect(recallAt(f, p, INTERVIEW)).toBeLessThan(0.9);
    // Plain FSRS would wait a whole day, past the interview; not again the same study day either.
    expect(p.fsrs.due.getTime()).toBeGreaterThan(INTERVIEW.getTime());
    expect(effectiveDue(f, p, INTERVIEW, new Date(2026, 11, 9, 12, 1))).toEqual(new Date(2026, 11, 10, 4, 0));
  });

  it('recall at the interview is at least the desired retention once the schedule is followed', () => {
    // From any history, review Good whenever a card is due (up to the interview): recall at the
    // interview ends >= 0.9, for interviews a few hours to a week after the last review.
    const grade = fc.constantFrom<Grade>(1, 2, 3, 4);
    const history = fc.array(fc.tuple(fc.integer({ min: 0, max: 30 * 24 * 60 }), grade), { minLength: 1, maxLength: 10 });
    fc.assert(
      fc.property(history, fc.integer({ min: 0, max: 6 * 24 * 60 }), (steps, sessionMin) => {
        const start = NOV(1, 0).getTime();
        const times = steps.map(([m]) => m).sort((a, b) => a - b);
        let p = progressOf(times.map((m, i) => [new Date(start + m * 60_000), steps[i]![1]]));
        // One review at some point in the week before the interview, then follow the schedule.
        let now = new Date(Math.max(p.fsrs.last_review!.getTime() + 60_000, INTERVIEW.getTime() - 7 * 86_400_000 + sessionMin * 60_000));
        if (now >= INTERVIEW) return;
        p = review(p, now, 3);
        for (let i = 0; i < 50; i++) {
          const due = effectiveDue(f, p, INTERVIEW, now);
          if (due >= INTERVIEW) break;
          now = due.getTime() > now.getTime() ? due : new Date(now.getTime() + 60_000);
          p = review(p, now, 3);
        }
        expect(recallAt(f, p, INTERVIEW)).toBeGreaterThanOrEqual(0.9);
      }),
      { numRuns: 300 },
    );
  });

  it('once the interview has started, scheduling is plain FSRS again', () => {
    const p = solid();
    const after = new Date(2026, 11, 10, 9, 0);
    expect(effectiveDue(f, p, INTERVIEW, after)).toBe(p.fsrs.due);
    const progress = new Map([['q1', p]]);
    expect(deadlineView(f, progress, INTERVIEW, days(after, 1))).toBe(progress);
    expect(describeReadiness(f, makeDeck(1).cards, progress, INTERVIEW, after)).toBeNull();
  });

  it('shows the capped wait on the grade bar', () => {
    const p = progressOf([[NOV(1), 3], [NOV(1, 11), 3], [NOV(4), 3], [NOV(14), 3]]);
    const now = NOV(30);
    const plain = deadlineIntervals(f, p, undefined, now);
    const capped = deadlineIntervals(f, p, INTERVIEW, now);
    expect(plain[3]).toBeGreaterThan(INTERVIEW.getTime() - now.getTime());
    expect(capped[3]).toBe(PASS.getTime() - now.getTime());
    expect(capped[1]).toBe(plain[1]); // Again's 10-minute step is sooner anyway
  });

  it('sums up the deck: mean predicted recall at the interview, never-seen cards as 0', () => {
    const cards = makeDeck(2).cards;
    const progress = new Map<string, CardProgress>([['q1', solid()], ['q2', emptyProgress(NOV(1))]]);
    const r = recallAt(f, progress.get('q1')!, INTERVIEW);
    expect(progress.get('q1')!.fsrs.state).toBe(State.Review);
    expect(describeReadiness(f, cards, progress, INTERVIEW, NOV(27))).toBe(
      `Predicted recall at the interview: ${Math.round((r / 2) * 100)}% (1 card never seen)`,
    );
  });
});
