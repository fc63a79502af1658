import { describe, expect, it } from 'vitest';
import type { Card } from '../../../src/core/deck/types.js';
import { initPitch, pitchReducer } from '../../../src/core/session/pitch-state.js';
import { PitchSession } from '../../../src/core/session/pitch-session.js';
import type { LogRecord, PitchRecord } from '../../../src/core/store/log-records.js';

const T0 = new Date('2026-11-26T10:00').getTime();

const card: Card = {
  id: 'pitch',
  kind: 'pitch',
  prompt: 'Tell me about yourself.',
  answer: 'I build sandboxes for coding agents.',
  points: ['What I do', 'Proof', 'Why you'],
  tags: [],
  seconds: 30,
  line: 3,
};

function setup(history: PitchRecord[] = []) {
  let now = T0;
  const log: LogRecord[] = [];
  let failing: Error | null = null;
  const sink = {
    append: (r: LogRecord) => {
      if (failing) throw failing;
      log.push(r);
    },
  };
  const session = new PitchSession(initPitch({ name: 'coder', title: 'Coder' }, card, history), sink, () => now);
  return {
    session,
    log,
    tick: (ms: number) => (now += ms),
    fail: (e: Error | null) => (failing = e),
    state: () => session.getState(),
  };
}

describe('pitch session', () => {
  it('times an attempt, ticks beats and saves it to the log with the beats hit', () => {
    const { session, log, tick, state } = setup();
    expect(state().phase).toBe('ready');
    session.send({ type: 'start-stop' });
    expect(state().phase).toBe('timing');
    tick(31_234);
    session.send({ type: 'start-stop' });
    expect(state().phase).toBe('stopped');
    session.send({ type: 'toggle-beat', index: 2 });
    session.send({ type: 'toggle-beat', index: 0 });
    session.send({ type: 'toggle-beat', index: 1 });
    session.send({ type: 'toggle-beat', index: 1 }); // untick
    session.send({ type: 'toggle-beat', index: 7 }); // there is no 8th beat
    session.send({ type: 'toggle-beat', index: 3 }); // nor a 4th: the beats are numbered 1 to 3
    session.send({ type: 'toggle-beat', index: -1 });
    expect(state().hit).toEqual([0, 2]);
    expect(log).toHaveLength(0);
    session.send({ type: 'save' });
    expect(log).toEqual([
      { v: 1, type: 'pitch', id: expect.any(String), deck: 'coder', ms: 31_234, beats: [0, 2], beatsTotal: 3, at: new Date(T0).toISOString() },
    ]);
    expect(state().phase).toBe('saved');
    expect(state().history).toEqual(log);
  });

  it('saves nothing before the attempt is stopped, and only once', () => {
    const { session, log, tick } = setup();
    session.send({ type: 'save' });
    session.send({ type: 'start-stop' });
    tick(5000);
    session.send({ type: 'save' });
    session.send({ type: 'toggle-beat', index: 0 }); // beats are ticked after the attempt
    expect(log).toHaveLength(0);
    session.send({ type: 'start-stop' });
    expect(session.getState().hit).toEqual([]);
    session.send({ type: 'save' });
    session.send({ type: 'save' });
    expect(log).toHaveLength(1);
  });

  it('a failed save says so and keeps the attempt, so it can be saved again', () => {
    const { session, log, tick, fail, state } = setup();
    session.send({ type: 'start-stop' });
    tick(29_000);
    session.send({ type: 'start-stop' });
    fail(new Error('no space left on device'));
    session.send({ type: 'save' });
    expect(state().phase).toBe('stopped');
    expect(state().error).toBe('Attempt not saved: no space left on device');
    fail(null);
    session.send({ type: 'save' });
    expect(state().phase).toBe('saved');
    expect(state().error).toBeNull();
    expect(log).toMatchObject([{ ms: 29_000 }]);
  });

  it('retry drops an unsaved attempt (and remembers its time to say so), then times afresh', () => {
    const { session, log, tick, state } = setup();
    session.send({ type: 'start-stop' });
    tick(12_300);
    session.send({ type: 'start-stop' });
    session.send({ type: 'toggle-beat', index: 0 });
    session.send({ type: 'retry' });
    expect(state()).toMatchObject({ phase: 'ready', startedAt: null, hit: [], discardedMs: 12_300 });
    session.send({ type: 'start-stop' });
    expect(state().discardedMs).toBeNull();
    tick(30_000);
    session.send({ type: 'start-stop' });
    session.send({ type: 'save' });
    session.send({ type: 'retry' });
    expect(state()).toMatchObject({ phase: 'ready', discardedMs: null });
    expect(log).toMatchObject([{ ms: 30_000 }]);
  });

  it('hides the script when the clock starts; s shows it again', () => {
    const { session, state } = setup();
    session.send({ type: 'toggle-script' });
    expect(state().showScript).toBe(true);
    session.send({ type: 'start-stop' });
    expect(state().showScript).toBe(false);
    session.send({ type: 'toggle-script' });
    expect(state().showScript).toBe(true);
  });

  it('quitting while timing freezes the clock; nothing is saved and nothing changes afterwards', () => {
    const { session, log, tick, state } = setup();
    session.send({ type: 'start-stop' });
    tick(8_000);
    session.send({ type: 'quit' });
    expect(state()).toMatchObject({ quitting: true, phase: 'timing', stoppedAt: T0 + 8_000 });
    session.send({ type: 'start-stop' });
    session.send({ type: 'save' });
    expect(state().phase).toBe('timing');
    expect(log).toHaveLength(0);
  });

  it('a stopped attempt stays until it is saved or dropped: start-stop and a voice start no new one', () => {
    const { session, log, tick, state } = setup();
    session.send({ type: 'start-stop' });
    tick(30_000);
    session.send({ type: 'start-stop' });
    tick(4_000);
    session.send({ type: 'start-stop' });
    session.send({ type: 'voice-start', at: T0 + 33_000 });
    expect(state()).toMatchObject({ phase: 'stopped', startedAt: T0, stoppedAt: T0 + 30_000 });
    session.send({ type: 'save' });
    expect(log).toMatchObject([{ ms: 30_000 }]);
  });

  it('the help does not open over a running clock', () => {
    const { session, state } = setup();
    session.send({ type: 'start-stop' });
    session.send({ type: 'toggle-help' });
    expect(state()).toMatchObject({ phase: 'timing', help: false });
    session.send({ type: 'start-stop' });
    session.send({ type: 'toggle-help' });
    expect(state().help).toBe(true);
  });

  it('the reducer ignores actions that do not fit the phase', () => {
    const s = initPitch({ name: 'coder', title: 'Coder' }, card, []);
    expect(pitchReducer(s, { type: 'stop', now: T0 })).toBe(s);
    expect(pitchReducer(s, { type: 'retry' })).toBe(s);
    expect(pitchReducer(s, { type: 'toggle-beat', index: 0 })).toBe(s);
  });
});

describe('pitch session, listened to (pitch --listen)', () => {
  it('a voice starts the clock at the first word and a silence stops it at the last; the attempt saved is that span', () => {
    const { session, log, tick, state } = setup();
    tick(5_000);
    // The listener reports audio times, which lag behind the words themselves.
    session.send({ type: 'voice-start', at: T0 + 1_200 });
    expect(state()).toMatchObject({ phase: 'timing', startedAt: T0 + 1_200 });
    // A second voice (after a pause) does not restart the clock.
    session.send({ type: 'voice-start', at: T0 + 9_000 });
    expect(state().startedAt).toBe(T0 + 1_200);
    tick(30_000);
    session.send({ type: 'voice-stop', at: T0 + 29_700 });
    expect(state()).toMatchObject({ phase: 'stopped', stoppedAt: T0 + 29_700 });
    session.send({ type: 'save' });
    expect(log).toMatchObject([{ type: 'pitch', ms: 28_500, at: new Date(T0 + 1_200).toISOString() }]);
  });

  it('a silence before any voice does nothing, nor one after space stopped the clock', () => {
    const { session, tick, state } = setup();
    session.send({ type: 'voice-stop', at: T0 + 100 });
    expect(state()).toMatchObject({ phase: 'ready', startedAt: null });
    tick(1_000);
    session.send({ type: 'start-stop' });
    tick(20_000);
    session.send({ type: 'start-stop' });
    session.send({ type: 'voice-stop', at: T0 + 25_000 });
    expect(state()).toMatchObject({ phase: 'stopped', startedAt: T0 + 1_000, stoppedAt: T0 + 21_000 });
  });
});
