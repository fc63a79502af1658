import { describe, expect, it } from 'vitest';
import type { Card, Deck } from '../../../src/core/deck/types.js';
import { scheduler } from '../../../src/core/schedule/fsrs.js';
import { replay } from '../../../src/core/schedule/snapshot.js';
import { MockSession, type Speaker } from '../../../src/core/session/mock-session.js';
import { gradesGiven, initMock, mockReducer, type MockConfig } from '../../../src/core/session/mock-state.js';
import type { LogRecord, MockRecord } from '../../../src/core/store/log-records.js';
import { question } from '../../helpers/deck.js';

// The mock's keys where they do not apply, and what the rehearsal keeps when the user leaves.

const T0 = new Date('2026-11-26T10:00').getTime();
const pitch: Card = { id: 'pitch', kind: 'pitch', prompt: 'Tell me about yourself.', answer: 'I build.', points: ['What', 'Why'], tags: [], seconds: 30, line: 2 };
const q1 = question('q1', { seconds: 60, points: ['threat model', 'gated sync'] });
const q2 = question('q2', { seconds: 60, points: [] });
const deck: Deck = { name: 'test', path: '/decks/test.yaml', title: 'Test deck', cards: [pitch, q1, q2] };

function setup(opts: Partial<MockConfig> = {}, sink?: (r: LogRecord) => void, speaker: Speaker | null = null) {
  let now = T0;
  const log: LogRecord[] = [];
  const progress = replay(scheduler(0.9), deck.cards, []);
  const config: MockConfig = { id: 'm1', deck: { name: 'test', title: 'Test deck' }, cards: [pitch, q1, q2], speak: false, type: false, scheduled: true, progress, retention: 0.9, interview: null, ...opts };
  const session = new MockSession(initMock(config, now), { append: sink ?? ((r) => void log.push(r)) }, speaker, () => now);
  return { session, log, s: session.getState, tick: (ms: number) => (now += ms) };
}

describe('while a question is read aloud', () => {
  it('done does not end an answer not yet begun; skip passes the question over', () => {
    const { s } = setup({ speak: true });
    expect(s().phase).toBe('speaking');
    const reading = s();
    expect(mockReducer(reading, { type: 'done', now: T0 + 1000 })).toBe(reading);
    const skipped = mockReducer(reading, { type: 'skip', now: T0 + 1000 });
    expect(skipped).toMatchObject({ index: 1, phase: 'speaking' });
    expect(skipped.items[0]).toMatchObject({ skipped: true, ms: null });
  });

  it('the end of a reading starts the clock; a later reading without a problem keeps the line about the earlier one', () => {
    const { s } = setup({ speak: true });
    const failed = mockReducer(s(), { type: 'spoken', now: T0 + 2000, notice: 'speech failed' });
    expect(failed).toMatchObject({ phase: 'answering', answerStartedAt: T0 + 2000, notice: 'speech failed' });
    const next = mockReducer(mockReducer(failed, { type: 'done', now: T0 + 5000 }), { type: 'spoken', now: T0 + 6000 });
    expect(next).toMatchObject({ index: 1, phase: 'answering', notice: 'speech failed' });
    expect(next.items[0]!.ms).toBe(3000);
    // A reading that ends once the answer is under way changes nothing.
    expect(mockReducer(next, { type: 'spoken', now: T0 + 7000 })).toBe(next);
  });

  it('skip stops the reading of the question it passes over', () => {
    let stopped = 0;
    const speaker: Speaker = { say: () => new Promise(() => {}), stop: () => void stopped++ };
    const { session, s } = setup({ speak: true }, undefined, speaker);
    session.speakCurrent();
    session.send({ type: 'skip' });
    expect(stopped).toBe(1);
    expect(s().index).toBe(1);
  });
});

describe('the answer field of a --type mock', () => {
  it('opens on a question with key points, not on the pitch nor on a question without points', () => {
    const { session, s } = setup({ type: true });
    expect(s().typing).toBe(false);
    session.send({ type: 'type-open' });
    expect(s().typing).toBe(false);
    session.send({ type: 'done' });
    expect(s()).toMatchObject({ index: 1, typing: true });
    session.send({ type: 'done' });
    expect(s()).toMatchObject({ index: 2, typing: false });
    session.send({ type: 'type-open' });
    expect(s().typing).toBe(false);
  });

  it('after esc, keys are not typed into the field; t opens it again with the draft', () => {
    const { session, s } = setup({ type: true });
    session.send({ type: 'done' });
    session.send({ type: 'type-change', text: 'threat\nmodel' });
    expect(s().draft).toBe('threat model');
    session.send({ type: 'type-leave' });
    session.send({ type: 'type-change', text: 'ignored' });
    expect(s()).toMatchObject({ typing: false, draft: 'threat model' });
    session.send({ type: 'type-open' });
    expect(s()).toMatchObject({ typing: true, draft: 'threat model' });
  });

  it('a blank answer is not checked: nothing is suggested for it', () => {
    const { session, s } = setup({ type: true });
    session.send({ type: 'done' });
    session.send({ type: 'type-change', text: '   ' });
    session.send({ type: 'done' });
    expect(s().items[1]!.answer).toBeNull();
  });

  it('without --type, text is never taken as an answer', () => {
    const { session, s } = setup();
    session.send({ type: 'done' });
    session.send({ type: 'type-open' });
    session.send({ type: 'type-change', text: 'threat model' });
    session.send({ type: 'done' });
    expect(s().items[1]!.answer).toBeNull();
  });
});

describe('the scorecard', () => {
  it('a grade the log does not take is said, and the answer stays to be graded again', () => {
    let fail = true;
    const log: LogRecord[] = [];
    const { session, s } = setup({}, (r) => {
      if (fail) throw new Error('disk full');
      log.push(r);
    });
    for (let i = 0; i < 3; i++) session.send({ type: 'done' });
    session.send({ type: 'grade', grade: 3 });
    expect(s()).toMatchObject({ phase: 'grading', index: 0, error: 'Grade not saved: disk full' });
    expect(s().items[0]!.grade).toBeNull();
    fail = false;
    session.send({ type: 'grade', grade: 3 });
    expect(s()).toMatchObject({ index: 1, error: null });
    expect(log).toMatchObject([{ type: 'grade', card: 'pitch', grade: 3 }]);
  });

  it('a grade moves the card in the schedule; with --no-grade it does not', () => {
    const graded = setup();
    const ungraded = setup({ scheduled: false });
    for (const { session } of [graded, ungraded]) {
      for (let i = 0; i < 3; i++) session.send({ type: 'done' });
      session.send({ type: 'grade', grade: 4 });
    }
    expect(graded.s().progress.get('pitch')!.history.count).toBe(1);
    expect(ungraded.s().progress.get('pitch')!.history.count).toBe(0);
  });

  it('the rehearsal keeps its own length when the user lingers in the scorecard before leaving', () => {
    const { session, log, tick } = setup();
    for (let i = 0; i < 3; i++) {
      tick(10_000);
      session.send({ type: 'done' });
    }
    tick(60_000);
    session.send({ type: 'quit' });
    expect((log.at(-1) as MockRecord).ms).toBe(30_000);
  });

  it('once left, no key changes anything, and the rehearsal is stored once', () => {
    const { session, log, s } = setup();
    for (let i = 0; i < 3; i++) session.send({ type: 'done' });
    session.send({ type: 'quit' });
    const left = s();
    session.send({ type: 'grade', grade: 3 });
    session.send({ type: 'quit' });
    session.send({ type: 'toggle-help' });
    expect(s()).toBe(left);
    expect(log.map((r) => r.type)).toEqual(['mock']);
  });

  it('accept on an answer with no suggestion grades nothing; help opens and closes', () => {
    const { session, log, s } = setup();
    for (let i = 0; i < 3; i++) session.send({ type: 'done' });
    session.send({ type: 'accept-suggestion' });
    expect(log).toEqual([]);
    expect(s().index).toBe(0);
    session.send({ type: 'toggle-help' });
    expect(s().help).toBe(true);
    session.send({ type: 'toggle-help' });
    expect(s().help).toBe(false);
  });
});

describe('keys out of turn in a mock', () => {
  it('in the scorecard, skip and t do nothing; during the rehearsal, a grade or "no grade" writes and moves nothing', () => {
    const { session, s, log } = setup({ type: true });
    session.send({ type: 'grade', grade: 3 });
    session.send({ type: 'not-graded' });
    expect(s()).toMatchObject({ phase: 'answering', index: 0 });
    expect(log).toEqual([]);
    for (let i = 0; i < 3; i++) session.send({ type: 'done' });
    const scorecard = s();
    session.send({ type: 'skip' });
    session.send({ type: 'type-open' });
    expect(s()).toBe(scorecard);
    const record = { v: 1 as const, type: 'grade' as const, id: 'g', deck: 'test', card: 'pitch', grade: 3 as const, at: new Date(T0).toISOString() };
    const rehearsing = initMock({ ...scorecard.config }, T0);
    expect(mockReducer(rehearsing, { type: 'graded', grade: 3, record })).toBe(rehearsing);
  });

  it('typing while the question is still read aloud is not taken', () => {
    const { session, s } = setup({ type: true, speak: true, cards: [q1, q2] });
    expect(s()).toMatchObject({ phase: 'speaking', typing: true });
    session.send({ type: 'type-change', text: 'threat model' });
    expect(s().draft).toBe('');
  });

  it('each question starts with an empty field', () => {
    const q3 = question('q3', { points: ['gated sync'] });
    const { session, s } = setup({ type: true, cards: [q1, q3] });
    session.send({ type: 'type-change', text: 'threat model' });
    session.send({ type: 'done' });
    expect(s()).toMatchObject({ index: 1, draft: '', typing: true });
    session.send({ type: 'done' });
    expect(s().items[1]!.answer).toBeNull();
  });

  it('the pitch is timed against its default target when it sets none; a question without one has none', () => {
    const bare: Card = { ...pitch, seconds: undefined };
    const { s } = setup({ cards: [bare, question('q9')] });
    expect(s().items.map((i) => i.target)).toEqual([30, null]);
  });

  it('leaving closes the help; the rehearsal time stops where the answers ended, not when the user left', () => {
    const { s } = setup();
    let st = mockReducer(s(), { type: 'toggle-help' });
    for (let i = 0; i < 3; i++) st = mockReducer(st, { type: 'done', now: T0 + (i + 1) * 10_000 });
    const left = mockReducer(st, { type: 'quit', now: T0 + 99_000 });
    expect(left).toMatchObject({ quitting: true, help: false, endedAt: T0 + 30_000 });
    expect(mockReducer(s(), { type: 'quit', now: T0 + 5000 }).endedAt).toBe(T0 + 5000);
  });

  it('counts the grades given in the scorecard', () => {
    const { session, s } = setup();
    for (let i = 0; i < 3; i++) session.send({ type: 'done' });
    expect(gradesGiven(s())).toBe(0);
    session.send({ type: 'grade', grade: 3 });
    session.send({ type: 'not-graded' });
    expect(gradesGiven(s())).toBe(1);
  });

  it('"no grade" on the last answer finishes the scorecard and stores the rehearsal', () => {
    const { session, s, log } = setup();
    for (let i = 0; i < 3; i++) session.send({ type: 'done' });
    for (let i = 0; i < 3; i++) session.send({ type: 'not-graded' });
    expect(s().phase).toBe('finished');
    expect(log.map((r) => r.type)).toEqual(['mock']);
  });
});

describe('reading the questions aloud', () => {
  function reader() {
    const said: string[] = [];
    const ends: Array<(n: string | null) => void> = [];
    const speaker: Speaker = { say: (t) => (said.push(t), new Promise((r) => ends.push(r))), stop: () => {} };
    return { said, ends, speaker };
  }

  it('reads nothing without --speak, nor once the user has left', () => {
    const r = reader();
    setup({}, undefined, r.speaker).session.speakCurrent();
    const left = setup({ speak: true }, undefined, r.speaker);
    left.session.send({ type: 'quit' });
    left.session.speakCurrent();
    expect(r.said).toEqual([]);
  });

  it('a question skipped before its reading began does not stop the next from being read', () => {
    const r = reader();
    const { session } = setup({ speak: true }, undefined, r.speaker);
    session.send({ type: 'skip' });
    session.speakCurrent();
    expect(r.said).toEqual(['Question q1?']);
  });

  it('the ask card is read as the interviewer would put it', () => {
    const r = reader();
    const ask: Card = { id: 'ask1', kind: 'ask', prompt: 'What will you ask them?', answer: 'How do you ship?', points: [], tags: [], line: 9 };
    const { session } = setup({ speak: true, cards: [ask] }, undefined, r.speaker);
    session.speakCurrent();
    expect(r.said).toEqual(['Do you have any questions for us?']);
  });

  it('a reading that ends after the user moved on does not start the next question\'s clock', async () => {
    const r = reader();
    const { session, s } = setup({ speak: true }, undefined, r.speaker);
    session.speakCurrent();
    session.send({ type: 'skip' });
    session.speakCurrent();
    r.ends[0]!(null);
    await Promise.resolve();
    expect(s()).toMatchObject({ index: 1, phase: 'speaking', answerStartedAt: null });
    r.ends[1]!(null);
    await Promise.resolve();
    expect(s()).toMatchObject({ index: 1, phase: 'answering', answerStartedAt: T0 });
  });
});
