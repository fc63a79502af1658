import { describe, expect, it } from 'vitest';
import { scheduler } from '../../../src/core/schedule/fsrs.js';
import { replay } from '../../../src/core/schedule/snapshot.js';
import { initDrill, position } from '../../../src/core/session/drill-state.js';
import { DrillSession } from '../../../src/core/session/drill-session.js';
import type { LogRecord } from '../../../src/core/store/review-log.js';
import { makeDeck } from '../../helpers/deck.js';

const T0 = new Date('2026-11-26T10:00').getTime();

function setup(n = 3, records: LogRecord[] = [], newPerDay = 20) {
  const deck = makeDeck(n);
  const config = { deck, retention: 0.9, newPerDay };
  let now = T0;
  const log: LogRecord[] = [...records];
  const sink = { append: (r: LogRecord) => void log.push(r) };
  const state = initDrill(config, replay(scheduler(0.9), deck.cards, records), now);
  const session = new DrillSession(state, sink, () => now);
  return { session, log, tick: (ms: number) => (now += ms), deck };
}

describe('drill session', () => {
  it('reveals, then a grade is written to the log before the next card is shown', () => {
    const { session, log, tick } = setup();
    expect(session.getState().current?.id).toBe('q1');
    session.send({ type: 'grade', grade: 3 }); // ignored: not revealed yet
    expect(log).toHaveLength(0);
    tick(4000);
    session.send({ type: 'reveal' });
    expect(session.getState().phase).toBe('revealed');
    session.send({ type: 'grade', grade: 3 });
    expect(log).toMatchObject([{ type: 'grade', card: 'q1', grade: 3, ms: 4000 }]);
    expect(session.getState().current?.id).toBe('q2');
    expect(session.getState().phase).toBe('question');
  });

  it('says how many cards are left, and how many of them come back to be learnt again', () => {
    const { session } = setup(3);
    expect(position(session.getState())).toEqual({ done: 0, left: 3, learning: 0 });
    session.send({ type: 'reveal' });
    session.send({ type: 'grade', grade: 4 });
    expect(position(session.getState())).toEqual({ done: 1, left: 2, learning: 0 });
    // Forgotten, the card comes back in this session: still left, and counted as learning.
    session.send({ type: 'reveal' });
    session.send({ type: 'grade', grade: 1 });
    expect(position(session.getState())).toEqual({ done: 2, left: 2, learning: 1 });
  });

  it('undo restores the schedule and the card, and logs an undo record', () => {
    const { session, log } = setup(2);
    const before = session.getState().progress.get('q1');
    session.send({ type: 'reveal' });
    session.send({ type: 'grade', grade: 1 });
    expect(session.getState().current?.id).toBe('q2');
    session.send({ type: 'undo' });
    const s = session.getState();
    expect(s.current?.id).toBe('q1');
    expect(s.phase).toBe('question');
    expect(s.reviewed).toBe(0);
    expect(s.again).toBe(0);
    expect(s.progress.get('q1')).toBe(before);
    expect(log.map((r) => r.type)).toEqual(['grade', 'undo']);
    expect(log[1]).toMatchObject({ type: 'undo', target: log[0]!.id });
    // Replaying that log gives the same state as never having graded.
    const p = replay(scheduler(0.9), makeDeck(2).cards, log);
    expect(p.get('q1')!.history.count).toBe(0);
  });

  it('ends the session with counts once every card has graduated, bringing Again cards back', () => {
    const { session, tick } = setup(2);
    const shown: string[] = [];
    let first = true;
    for (let i = 0; i < 20 && session.getState().phase !== 'done'; i++) {
      shown.push(session.getState().current!.id);
      session.send({ type: 'reveal' });
      session.send({ type: 'grade', grade: first ? 1 : 3 });
      first = false;
      tick(30_000);
    }
    const s = session.getState();
    expect(s.phase).toBe('done');
    expect(shown[0]).toBe('q1');
    expect(shown.filter((id) => id === 'q1').length).toBeGreaterThanOrEqual(2);
    expect(s.reviewed).toBe(shown.length);
    expect(s.again).toBe(1);
    for (const id of ['q1', 'q2']) expect(s.progress.get(id)!.fsrs.due.getTime()).toBeGreaterThan(T0 + 86_400_000 / 2);
  });

  it('says nothing is due, and practising anyway goes through every card as early reviews', () => {
    const { session, log } = setup(2, [], 0);
    expect(session.getState().phase).toBe('empty');
    session.send({ type: 'practise-all' });
    expect(session.getState().phase).toBe('question');
    session.send({ type: 'reveal' });
    session.send({ type: 'grade', grade: 3 });
    expect(log[0]).toMatchObject({ early: true, card: 'q1' });
  });

  it('keeps the card and reports the error when the log cannot be written', () => {
    const deck = makeDeck(2);
    const state = initDrill({ deck, retention: 0.9, newPerDay: 20 }, replay(scheduler(0.9), deck.cards, []), T0);
    const session = new DrillSession(state, { append: () => { throw new Error('no space left on device'); } }, () => T0);
    session.send({ type: 'reveal' });
    session.send({ type: 'grade', grade: 3 });
    const s = session.getState();
    expect(s.current?.id).toBe('q1');
    expect(s.phase).toBe('revealed');
    expect(s.reviewed).toBe(0);
    expect(s.error).toBe('Grade not saved: no space left on device');
  });
});
