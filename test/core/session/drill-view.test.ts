import { describe, expect, it } from 'vitest';
import { scheduler } from '../../../src/core/schedule/fsrs.js';
import { replay } from '../../../src/core/schedule/snapshot.js';
import { initDrill } from '../../../src/core/session/drill-state.js';
import { DrillSession } from '../../../src/core/session/drill-session.js';
import { drillView } from '../../../src/core/session/drill-view.js';
import type { LogRecord } from '../../../src/core/store/review-log.js';
import { makeDeck } from '../../helpers/deck.js';

const T0 = new Date('2026-11-26T10:00').getTime();
const DAY = 86_400_000;

// Two cards, each forgotten ten days ago with a typed answer: both are due now.
function setup() {
  const deck = makeDeck(2);
  const records: LogRecord[] = ['q1', 'q2'].map((card) => ({
    v: 1, type: 'grade', id: `g-${card}`, deck: 'test', card, grade: 1, at: new Date(T0 - 10 * DAY).toISOString(), typed: `my old answer to ${card}`,
  }));
  let now = T0;
  const state = initDrill({ deck, retention: 0.9, newPerDay: 20 }, replay(scheduler(0.9), deck.cards, records), now);
  const session = new DrillSession(state, { append: () => {} }, () => now);
  return { session, tick: (ms: number) => (now += ms), at: () => new Date(now) };
}

describe('drill view', () => {
  it('before the reveal: the position, and neither grades nor the earlier typed answer; after it: four grades with waits and that answer', () => {
    const { session, at } = setup();
    const before = drillView(session.getState(), at());
    expect(before.card?.id).toBe('q1');
    // Both were forgotten, so both count as learning.
    expect(before.position).toEqual({ done: 0, left: 2, learning: 2 });
    expect(before).toMatchObject({ grades: null, lastAttempt: null, end: null });

    session.send({ type: 'reveal' });
    const after = drillView(session.getState(), at());
    expect(after.grades?.map((g) => g.name)).toEqual(['Again', 'Hard', 'Good', 'Easy']);
    expect(after.grades?.[0]!.wait).toBe('1m');
    expect(after.lastAttempt?.text).toBe('my old answer to q1');
    expect(after.end).toBeNull();
  });

  it('quitting mid-card shows the end page: time spent and the next due card, without position or grades', () => {
    const { session, tick, at } = setup();
    session.send({ type: 'reveal' });
    tick(4 * 60_000 + 12_000);
    const v = drillView(session.getState(), at(), true);
    expect(v.card?.id).toBe('q1');
    expect(v).toMatchObject({ position: null, grades: null });
    expect(v.end?.spent).toBe('4m 12s');
    // Both cards are still due: the next one is due now.
    expect(v.end?.nextDue).toBe('now');
  });

  it('the end page comes by itself once the last card is graded, and not before', () => {
    const { session, at } = setup();
    expect(drillView(session.getState(), at()).end).toBeNull();
    for (let i = 0; i < 2; i++) {
      session.send({ type: 'reveal' });
      session.send({ type: 'grade', grade: 4 });
    }
    expect(session.getState().phase).toBe('done');
    const v = drillView(session.getState(), at());
    expect(v).toMatchObject({ card: undefined, position: null, grades: null });
    expect(v.end?.nextDue).toMatch(/^in \d+d/);
  });
});
