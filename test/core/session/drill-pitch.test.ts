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

function setup(card: Card = pitchCard) {
  const deck = makeDeck(2);
  deck.cards.unshift(card);
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

describe('the pitch card in a drill, listened to (drill --listen)', () => {
  it('a voice starts its timer at the first word, a silence stops it at the last word and reveals; the grade stores that attempt', () => {
    const { session, log, tick } = setup();
    tick(5000);
    // The listener reports audio times, later than the words themselves.
    session.send({ type: 'voice-start', at: T0 + 1200 });
    expect(session.getState()).toMatchObject({ phase: 'question', pitchStartedAt: T0 + 1200 });
    tick(30_000);
    session.send({ type: 'voice-stop', at: T0 + 28_400 });
    expect(session.getState()).toMatchObject({ phase: 'revealed', revealedAt: T0 + 28_400 });
    session.send({ type: 'grade', grade: 3 });
    expect(log).toMatchObject([
      { type: 'grade', card: 'pitch', grade: 3 },
      { type: 'pitch', ms: 27_200, at: new Date(T0 + 1200).toISOString() },
    ]);
  });

  it('space still overrides: started by hand, a voice does not restart the clock; stopped by hand, a late silence changes nothing', () => {
    const { session, tick } = setup();
    tick(1000);
    session.send({ type: 'start-stop' });
    session.send({ type: 'voice-start', at: T0 + 1500 });
    expect(session.getState().pitchStartedAt).toBe(T0 + 1000);
    tick(25_000);
    session.send({ type: 'start-stop' });
    const revealed = session.getState();
    expect(revealed).toMatchObject({ phase: 'revealed', revealedAt: T0 + 26_000 });
    session.send({ type: 'voice-stop', at: T0 + 27_000 });
    expect(session.getState()).toBe(revealed);
  });

  it('a silence before any voice does nothing; voices on a question card do nothing', () => {
    const { session } = setup();
    const before = session.getState();
    session.send({ type: 'voice-stop', at: T0 + 100 });
    expect(session.getState()).toBe(before);
    session.send({ type: 'start-stop' });
    session.send({ type: 'start-stop' });
    session.send({ type: 'grade', grade: 4 });
    const onQuestion = session.getState();
    expect(onQuestion.current?.id).toBe('q1');
    session.send({ type: 'voice-start', at: T0 + 200 });
    session.send({ type: 'voice-stop', at: T0 + 300 });
    expect(session.getState()).toBe(onQuestion);
  });

  it('a voice that starts the clock while the help is open closes the help, so the clock shows', () => {
    const { session } = setup();
    session.send({ type: 'toggle-help' });
    session.send({ type: 'voice-start', at: T0 + 800 });
    expect(session.getState()).toMatchObject({ help: false, pitchStartedAt: T0 + 800 });
  });
});

describe('a very short pitch attempt in a drill', () => {
  it('is graded as usual but stays out of the pitch history unless the user keeps it', () => {
    const { session, log, tick } = setup();
    session.send({ type: 'start-stop' });
    tick(800);
    session.send({ type: 'start-stop' });
    session.send({ type: 'grade', grade: 2 });
    expect(log.map((r) => r.type)).toEqual(['grade']);
    expect(session.getState().current?.id).toBe('q1');
  });

  it('kept (keep-short-pitch before the grade), it is stored with the grade', () => {
    const { session, log, tick } = setup();
    session.send({ type: 'start-stop' });
    tick(1100);
    session.send({ type: 'start-stop' });
    session.send({ type: 'keep-short-pitch' });
    expect(session.getState().keepShortPitch).toBe(true);
    session.send({ type: 'grade', grade: 2 });
    expect(log).toMatchObject([{ type: 'grade' }, { type: 'pitch', ms: 1100 }]);
  });

  it('short means under 3 s or under a tenth of the target, timed by voice too; a full attempt needs no keeping', () => {
    const long = { ...pitchCard, seconds: 60 };
    for (const [card, ms, short] of [
      [pitchCard, 2999, true],
      [pitchCard, 3000, false],
      [long, 5900, true],
      [long, 6000, false],
    ] as const) {
      const { session, log } = setup(card);
      session.send({ type: 'voice-start', at: T0 + 1000 });
      session.send({ type: 'voice-stop', at: T0 + 1000 + ms });
      const before = session.getState();
      session.send({ type: 'keep-short-pitch' });
      // Only a short attempt has anything to keep.
      expect(session.getState() === before).toBe(!short);
      session.send({ type: 'grade', grade: 3 });
      expect(log.map((r) => r.type), `${ms} ms of ${card.seconds} s`).toEqual(['grade', 'pitch']);
    }
  });

  it('the choice to keep is forgotten with the card: undo brings the pitch back asking afresh', () => {
    const { session, log, tick } = setup();
    session.send({ type: 'start-stop' });
    tick(500);
    session.send({ type: 'start-stop' });
    session.send({ type: 'keep-short-pitch' });
    session.send({ type: 'grade', grade: 1 });
    session.send({ type: 'undo' });
    expect(session.getState()).toMatchObject({ current: { id: 'pitch' }, keepShortPitch: false });
    session.send({ type: 'start-stop' });
    tick(500);
    session.send({ type: 'start-stop' });
    session.send({ type: 'grade', grade: 1 });
    expect(log.map((r) => r.type)).toEqual(['grade', 'pitch', 'undo', 'grade']);
  });
});

