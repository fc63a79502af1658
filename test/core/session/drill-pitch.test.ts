import { describe, expect, it } from 'vitest';
import type { Card } from '../../../src/core/deck/types.js';
import { scheduler } from '../../../src/core/schedule/fsrs.js';
import { replay } from '../../../src/core/schedule/snapshot.js';
import { initDrill } from '../../../src/core/session/drill-state.js';
import { DrillSession } from '../../../src/core/session/drill-session.js';
import type { LogRecord } from '../../../src/core/store/log-records.js';
import { makeDeck } from '../../helpers/deck.js';

const T0 = new Date('2026-11-26T10:00').getTime();

const pitchCard: Card = {
  id: 'pitch',
  kind: 'pitch',
  prompt: 'Tell me about yourself.',
  answer: 'I build sandboxes.',
  points: ['What', 'Proof', 'Why'],
  tags: [],
  seconds: 30,
  line: 1,
};

function setup() {
  const deck = makeDeck(2);
  deck.cards.unshift(pitchCard);
  let now = T0;
  const log: LogRecord[] = [];
  let failOn: LogRecord['type'] | null = null;
  const sink = {
    append: (r: LogRecord) => {
      if (r.type === failOn) throw new Error('disk full');
      log.push(r);
    },
  };
  const state = initDrill({ deck, retention: 0.9, newPerDay: 20 }, replay(scheduler(0.9), deck.cards, []), now);
  const session = new DrillSession(state, sink, () => now);
  return { session, log, tick: (ms: number) => (now += ms), failOn: (t: LogRecord['type'] | null) => (failOn = t) };
}

describe('the pitch card in a drill', () => {
  it('space starts its timer, space again stops it and reveals; the grade stores the attempt too', () => {
    const { session, log, tick } = setup();
    expect(session.getState().current?.id).toBe('pitch');
    tick(2000);
    session.send({ type: 'start-stop' });
    expect(session.getState()).toMatchObject({ phase: 'question', pitchStartedAt: T0 + 2000 });
    tick(28_500);
    session.send({ type: 'start-stop' });
    expect(session.getState().phase).toBe('revealed');
    expect(log).toHaveLength(0);
    session.send({ type: 'grade', grade: 3 });
    expect(log).toMatchObject([
      { type: 'grade', card: 'pitch', grade: 3 },
      { type: 'pitch', deck: 'test', ms: 28_500, beats: [], beatsTotal: 3, at: new Date(T0 + 2000).toISOString() },
    ]);
    // The grade schedules the card as usual, and the next card starts with no timer.
    expect(session.getState().progress.get('pitch')?.history.count).toBe(1);
    expect(session.getState()).toMatchObject({ current: { id: 'q1' }, pitchStartedAt: null });
  });

  it('start-stop does nothing on a question card', () => {
    const { session } = setup();
    session.send({ type: 'start-stop' });
    session.send({ type: 'start-stop' });
    session.send({ type: 'grade', grade: 4 });
    const before = session.getState();
    expect(before.current?.id).toBe('q1');
    session.send({ type: 'start-stop' });
    expect(session.getState()).toBe(before);
  });

  it('a grade that fails to save stores no attempt; the retried grade stores both once', () => {
    const { session, log, tick, failOn } = setup();
    session.send({ type: 'start-stop' });
    tick(31_000);
    session.send({ type: 'start-stop' });
    failOn('grade');
    session.send({ type: 'grade', grade: 2 });
    expect(log).toHaveLength(0);
    expect(session.getState().error).toMatch(/^Grade not saved/);
    failOn(null);
    session.send({ type: 'grade', grade: 2 });
    expect(log.map((r) => r.type)).toEqual(['grade', 'pitch']);
  });

  it('an attempt that fails to save is reported; the grade still counts', () => {
    const { session, log, tick, failOn } = setup();
    session.send({ type: 'start-stop' });
    tick(31_000);
    session.send({ type: 'start-stop' });
    failOn('pitch');
    session.send({ type: 'grade', grade: 3 });
    expect(log.map((r) => r.type)).toEqual(['grade']);
    expect(session.getState().current?.id).toBe('q1');
    expect(session.getState().error).toBe('Pitch attempt not saved: disk full');
  });

  it('undo brings the pitch card back with its timer reset', () => {
    const { session, tick } = setup();
    session.send({ type: 'start-stop' });
    tick(30_000);
    session.send({ type: 'start-stop' });
    session.send({ type: 'grade', grade: 1 });
    session.send({ type: 'undo' });
    expect(session.getState()).toMatchObject({ current: { id: 'pitch' }, phase: 'question', pitchStartedAt: null });
  });
});
