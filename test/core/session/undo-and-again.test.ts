import { describe, expect, it } from 'vitest';
import { scheduler } from '../../../src/core/schedule/fsrs.js';
import { replay } from '../../../src/core/schedule/snapshot.js';
import { DrillSession } from '../../../src/core/session/drill-session.js';
import { initDrill, position, type DrillMode } from '../../../src/core/session/drill-state.js';
import type { Grade, LogRecord } from '../../../src/core/store/review-log.js';
import { makeDeck } from '../../helpers/deck.js';

const T0 = new Date('2026-11-26T20:00').getTime();

function drill(n: number, mode: DrillMode = 'due', cards: string[] = []) {
  const deck = makeDeck(n);
  const log: LogRecord[] = [];
  let now = T0;
  const state = initDrill({ deck, retention: 0.9, newPerDay: 20 }, replay(scheduler(0.9), deck.cards, []), now, mode, cards);
  const session = new DrillSession(state, { append: (r: LogRecord) => void log.push(r) }, () => (now += 1000));
  const shown = () => session.getState().current?.id ?? null;
  /** Reveals and grades the card on screen; returns its id. */
  const grade = (g: Grade) => {
    const id = shown();
    session.send({ type: 'reveal' });
    session.send({ type: 'grade', grade: g });
    return id;
  };
  return { session, log, shown, grade };
}

describe('undo, pressed several times', () => {
  it('takes back one grade per press, newest first, and then nothing more', () => {
    const { session, log, shown, grade } = drill(3);
    expect([grade(3), grade(4)]).toEqual(['q1', 'q2']);
    const [g1, g2] = log;
    session.send({ type: 'undo' });
    expect(shown()).toBe('q2');
    session.send({ type: 'undo' });
    expect(shown()).toBe('q1');
    expect(session.getState().reviewed).toBe(0);
    // Each undo names the grade it cancels: q2's, then q1's, never the same one twice.
    expect(log.slice(2)).toMatchObject([
      { type: 'undo', target: g2!.id },
      { type: 'undo', target: g1!.id },
    ]);
    session.send({ type: 'undo' });
    expect(log).toHaveLength(4);
    expect(shown()).toBe('q1');
  });

  it('after undo and a new grade, undoes the new grade, not the one already taken back', () => {
    const { session, log, grade } = drill(3);
    grade(3);
    session.send({ type: 'undo' });
    grade(1);
    session.send({ type: 'undo' });
    expect(log.map((r) => r.type)).toEqual(['grade', 'undo', 'grade', 'undo']);
    expect(log[3]).toMatchObject({ target: log[2]!.id });
  });
});

describe('a card graded Again when practising all or reviewing', () => {
  it('comes back after every other card in --all mode', () => {
    const { session, grade } = drill(3, 'all');
    expect(position(session.getState())).toMatchObject({ done: 0, left: 3 });
    expect(grade(1)).toBe('q1');
    // The forgotten card joins the end of the line: one graded, still three to go.
    expect(position(session.getState())).toMatchObject({ done: 1, left: 3 });
    expect([grade(3), grade(3), grade(3)]).toEqual(['q2', 'q3', 'q1']);
    expect(session.getState().phase).toBe('done');
    expect(session.getState()).toMatchObject({ reviewed: 4, again: 1 });
  });

  it('comes back at the end of the review list, and only once per Again', () => {
    const { session, grade } = drill(4, 'review', ['q3', 'q1']);
    expect([grade(1), grade(2), grade(1), grade(4)]).toEqual(['q3', 'q1', 'q3', 'q3']);
    expect(session.getState().phase).toBe('done');
    expect(session.getState()).toMatchObject({ reviewed: 4, again: 2 });
  });

  it('is not sent back when graded Hard, Good or Easy', () => {
    const { session, grade } = drill(3, 'all');
    expect([grade(2), grade(3), grade(4)]).toEqual(['q1', 'q2', 'q3']);
    expect(session.getState().phase).toBe('done');
  });
});
