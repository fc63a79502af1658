import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { deadlineView } from '../../../src/core/schedule/deadline.js';
import { scheduler } from '../../../src/core/schedule/fsrs.js';
import { replay } from '../../../src/core/schedule/snapshot.js';
import { countWaiting, newIntroducedToday, pickNext } from '../../../src/core/schedule/queue.js';
import { DrillSession } from '../../../src/core/session/drill-session.js';
import { position, type DrillState } from '../../../src/core/session/drill-state.js';
import { initDrill } from '../../../src/core/session/drill-state.js';
import type { Grade, LogRecord } from '../../../src/core/store/review-log.js';
import { makeDeck } from '../../helpers/deck.js';

const HOUR = 3_600_000;
const T0 = new Date('2026-11-26T20:00').getTime();

/** What the schedule would pick now, worked out from scratch over the whole deck. */
function fromScratch(s: DrillState, now: number) {
  const f = scheduler(s.config.retention);
  const view = deadlineView(f, s.progress, s.config.interview, new Date(now));
  const opts = { now: new Date(now), newPerDay: s.config.newPerDay, newToday: newIntroducedToday(s.progress, new Date(now)) };
  return { pick: pickNext(s.config.deck.cards, view, opts), waiting: countWaiting(s.config.deck.cards, view, opts) };
}

describe('due mode picks from the day’s pool', () => {
  it('the same card, and the same count, as a scan of the whole deck: any history, grades, undos, interview, past 04:00', () => {
    const step = fc.record({
      grade: fc.constantFrom<Grade>(1, 2, 3, 4),
      undo: fc.boolean(),
      // Minutes spent before the next action: sometimes hours, so sessions run past 04:00.
      wait: fc.oneof(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 60, max: 600 })),
    });
    const past = fc.record({ card: fc.integer({ min: 1, max: 12 }), daysAgo: fc.integer({ min: 1, max: 40 }), grade: fc.constantFrom<Grade>(1, 2, 3, 4) });
    fc.assert(
      fc.property(
        fc.array(past, { maxLength: 40 }),
        fc.array(step, { maxLength: 40 }),
        fc.integer({ min: 0, max: 6 }),
        fc.option(fc.integer({ min: 1, max: 96 })),
        (history, steps, newPerDay, interviewInHours) => {
          const deck = makeDeck(12);
          const records: LogRecord[] = history
            .map((h, i) => ({ h, i }))
            .sort((a, b) => b.h.daysAgo - a.h.daysAgo || a.i - b.i)
            .map(({ h, i }) => ({ v: 1, type: 'grade', id: `p${i}`, deck: 'test', card: `q${h.card}`, grade: h.grade, at: new Date(T0 - h.daysAgo * 24 * HOUR).toISOString() }));
          const interview = interviewInHours === null ? undefined : new Date(T0 + interviewInHours * HOUR);
          let now = T0;
          const sink = { append: () => undefined };
          const progress = replay(scheduler(0.9), deck.cards, records);
          const session = new DrillSession(initDrill({ deck, retention: 0.9, newPerDay, interview }, progress, now), sink, () => now);
          let undone: string | undefined;
          for (const st of steps) {
            const s = session.getState();
            // Compared at the time of the last action (`now`), when the session made its
            // choice. Not at `s.shownAt`: a finished session keeps the time its last card was
            // shown, and the schedule may differ between the two (an interview starting while
            // the last card is on screen ends the deadline's pull on the cards left).
            const expected = fromScratch(s, now);
            if (s.phase === 'question' || s.phase === 'revealed') {
              // Undo brings back the card just graded, whatever the schedule would pick now.
              expect(s.current?.id).toBe(undone ?? expected.pick?.id);
              expect(position(s).left).toBe(Math.max(expected.waiting, 1));
              expect(position(s).done).toBe(s.reviewed);
            } else {
              expect(expected.pick).toBeNull();
              break;
            }
            now += st.wait * 60_000;
            session.send({ type: 'reveal' });
            session.send({ type: 'grade', grade: st.grade });
            const graded = s.current?.id;
            undone = undefined;
            if (st.undo) {
              session.send({ type: 'undo' });
              undone = graded;
            }
          }
        },
      ),
      {
        numRuns: 300,
        examples: [
          // Seed -574658710: the last card is shown before the interview and graded as it starts.
          [
            [{ card: 1, daysAgo: 1, grade: 1 }, { card: 4, daysAgo: 2, grade: 3 }, { card: 4, daysAgo: 3, grade: 3 }],
            [{ grade: 4, undo: false, wait: 60 }, { grade: 1, undo: false, wait: 0 }],
            0,
            1,
          ],
        ],
      },
    );
  });
});

describe('a session that runs past 04:00', () => {
  it('starts the new study day with its own allowance of new cards', () => {
    const deck = makeDeck(3);
    let now = new Date('2026-11-27T03:50').getTime();
    const state = initDrill({ deck, retention: 0.9, newPerDay: 1 }, replay(scheduler(0.9), deck.cards, []), now);
    const session = new DrillSession(state, { append: () => undefined }, () => now);
    session.send({ type: 'reveal' });
    session.send({ type: 'grade', grade: 1 });
    // q1 was the day's one new card: it comes back early, as nothing else may be shown.
    expect(session.getState().current).toEqual({ id: 'q1', reason: 'learn-ahead' });
    now = new Date('2026-11-27T04:05').getTime();
    session.send({ type: 'reveal' });
    session.send({ type: 'grade', grade: 3 });
    // 04:05 is a new study day: a new card is allowed again, and goes before q1's learn-ahead.
    expect(session.getState().current).toEqual({ id: 'q2', reason: 'new' });
  });
});
