import { describe, expect, it } from 'vitest';
import { scheduler } from '../../../src/core/schedule/fsrs.js';
import { replay } from '../../../src/core/schedule/snapshot.js';
import { DrillSession } from '../../../src/core/session/drill-session.js';
import { drillReducer, initDrill, position, type DrillMode } from '../../../src/core/session/drill-state.js';
import type { Deck } from '../../../src/core/deck/types.js';
import type { Grade, LogRecord } from '../../../src/core/store/review-log.js';
import { makeDeck, question } from '../../helpers/deck.js';

// What each key of the drill does to the card on screen, the counts and the lines the user
// reads, beyond the happy path of drill-state.test.ts.

const T0 = new Date('2026-11-26T10:00').getTime();

function drill(deck: Deck = makeDeck(3), opts: { mode?: DrillMode; newPerDay?: number; records?: LogRecord[]; start?: number } = {}) {
  const log: LogRecord[] = [...(opts.records ?? [])];
  let now = opts.start ?? T0;
  const config = { deck, retention: 0.9, newPerDay: opts.newPerDay ?? 20 };
  const state = initDrill(config, replay(scheduler(0.9), deck.cards, log), now, opts.mode ?? 'due');
  const session = new DrillSession(state, { append: (r: LogRecord) => void log.push(r) }, () => now);
  const s = () => session.getState();
  const grade = (g: Grade) => {
    const id = s().current?.id;
    session.send({ type: 'reveal' });
    session.send({ type: 'grade', grade: g });
    return id;
  };
  return { session, log, s, grade, tick: (ms: number) => (now += ms), at: (t: number) => (now = t) };
}

describe('undo says what it took back', () => {
  it('names the grade and the question, cut to a few words, and the line goes at the next key', () => {
    const long = '  Walk us through\n how you design a rate limiter ';
    const { session, s, grade } = drill(makeDeck(2, { cards: [question('q1', { prompt: long }), question('q2')] }));
    grade(3);
    session.send({ type: 'undo' });
    expect(s().notice).toBe('Undid Good on “Walk us through how you design…”');
    session.send({ type: 'reveal' });
    expect(s().notice).toBeNull();
  });

  it('a short question is named whole, and Again is named as such', () => {
    const { session, s, grade } = drill();
    grade(1);
    session.send({ type: 'undo' });
    expect(s().notice).toBe('Undid Again on “Question q1?”');
    const exact = 'How do you size a Kafka cluster?';
    expect(exact).toHaveLength(32);
    const d = drill(makeDeck(1, { cards: [question('k', { prompt: exact })] }));
    d.grade(2);
    d.session.send({ type: 'undo' });
    expect(d.s().notice).toBe(`Undid Hard on “${exact}”`);
  });

  it('in type mode the line stays while the user types the answer again', () => {
    const deck = makeDeck(2);
    const log: LogRecord[] = [];
    const config = { deck, retention: 0.9, newPerDay: 20, answerMode: 'type' as const };
    const session = new DrillSession(initDrill(config, replay(scheduler(0.9), deck.cards, []), T0), { append: (r) => void log.push(r) }, () => T0);
    session.send({ type: 'reveal' });
    session.send({ type: 'grade', grade: 3 });
    session.send({ type: 'undo' });
    expect(session.getState().answer.open).toBe(true);
    session.send({ type: 'type-change', text: 'point' });
    expect(session.getState().notice).toBe('Undid Good on “Question q1?”');
  });

  it('on an ask card, names the question the user would ask', () => {
    const ask = question('a1', { kind: 'ask', prompt: 'What will you ask them?', answer: 'How is on-call shared?', points: [] });
    const { session, s, grade } = drill(makeDeck(1, { cards: [ask] }));
    grade(4);
    session.send({ type: 'undo' });
    expect(s().notice).toBe('Undid Easy on “How is on-call shared?”');
  });

  it('with nothing to take back, says so and changes nothing', () => {
    const { session, s, log } = drill();
    const before = s().current;
    session.send({ type: 'undo' });
    expect(s().notice).toMatch(/^Nothing to undo/);
    expect(s().current).toBe(before);
    expect(log).toHaveLength(0);
  });

  it('gives back the card unrevealed, with its clock restarted at the undo', () => {
    const { session, s, grade, tick, log } = drill();
    tick(5000);
    grade(3);
    tick(7000);
    session.send({ type: 'undo' });
    expect(s()).toMatchObject({ phase: 'question', revealedAt: null, current: { id: 'q1' } });
    tick(2000);
    grade(2);
    // The time saved with the new grade runs from the undo, not from the first showing.
    expect(log.at(-1)).toMatchObject({ type: 'grade', card: 'q1', grade: 2, ms: 2000 });
  });
});

describe('the time saved with a grade', () => {
  it('runs from the card being shown to the first reveal; a second reveal does not move it', () => {
    const { session, log, tick } = drill();
    tick(3000);
    session.send({ type: 'reveal' });
    tick(9000);
    session.send({ type: 'reveal' });
    session.send({ type: 'grade', grade: 3 });
    expect(log[0]).toMatchObject({ ms: 3000 });
    // A due-mode grade is a scheduled review, not an early one.
    expect(log[0]).not.toHaveProperty('early');
  });

  it('the next card is timed from when the grade showed it', () => {
    const { session, log, tick, grade } = drill();
    tick(1000);
    grade(3);
    tick(6000);
    session.send({ type: 'reveal' });
    session.send({ type: 'grade', grade: 3 });
    expect(log.map((r) => r.type === 'grade' && r.ms)).toEqual([1000, 6000]);
  });
});

describe('keys that do nothing where they do not apply', () => {
  it('practise-all mid-session keeps the card on screen and the order', () => {
    const { session, s } = drill();
    const before = s();
    session.send({ type: 'practise-all' });
    expect(s().current).toBe(before.current);
    expect(s().mode).toBe('due');
  });

  it('practise-all after the last card starts every card again, weakest first, as early reviews', () => {
    const { session, s, grade, log, tick } = drill(makeDeck(2));
    while (s().phase === 'question') grade(4);
    expect(s().phase).toBe('done');
    session.send({ type: 'practise-all' });
    expect(s()).toMatchObject({ phase: 'question', mode: 'all' });
    expect(position(s()).left).toBe(2);
    tick(4000);
    grade(3);
    // Timed from when practice showed the card.
    expect(log.at(-1)).toMatchObject({ early: true, ms: 4000 });
  });

  it('a late grade for another card than the one on screen is not applied', () => {
    const { session, s } = drill();
    session.send({ type: 'reveal' });
    const before = s();
    const record = { v: 1 as const, type: 'grade' as const, id: 'x', deck: 'test', card: 'q2', grade: 3 as Grade, at: new Date(T0).toISOString() };
    expect(drillReducer(before, { type: 'graded', record, now: T0 })).toBe(before);
    expect(drillReducer(before, { type: 'graded', record: { ...record, card: 'q1' }, now: T0 }).current?.id).toBe('q2');
  });

  it('help opens and closes', () => {
    const { session, s } = drill();
    session.send({ type: 'toggle-help' });
    expect(s().help).toBe(true);
    session.send({ type: 'toggle-help' });
    expect(s().help).toBe(false);
  });
});

describe('the study day and the new-card allowance', () => {
  it('with one new card a day, the second new card waits for another day', () => {
    const { s, grade } = drill(makeDeck(3), { newPerDay: 1 });
    grade(4);
    expect(s().phase).toBe('done');
  });

  it('a session that runs past 04:00 gets the new day’s allowance for its next card', () => {
    const { s, grade, at } = drill(makeDeck(3), { newPerDay: 2, start: new Date('2026-11-27T03:00').getTime() });
    expect(grade(4)).toBe('q1');
    // q2 is graded in the new study day: one new card of that day's two, so q3 still comes.
    at(new Date('2026-11-27T04:10').getTime());
    expect(grade(4)).toBe('q2');
    expect(s()).toMatchObject({ phase: 'question', current: { id: 'q3' } });
  });

  it('without crossing 04:00, two new cards a day stop after the second', () => {
    const { s, grade, at } = drill(makeDeck(3), { newPerDay: 2, start: new Date('2026-11-27T03:00').getTime() });
    grade(4);
    at(new Date('2026-11-27T03:50').getTime());
    grade(4);
    expect(s().phase).toBe('done');
  });
});

describe('what a grade and an undo write to the log', () => {
  it('a clock set back while the card was shown saves 0 ms, never a negative time', () => {
    const { session, log, tick } = drill();
    tick(-60_000);
    session.send({ type: 'reveal' });
    session.send({ type: 'grade', grade: 3 });
    expect(log[0]).toMatchObject({ type: 'grade', ms: 0 });
  });

  it('a deck opened by a path outside the deck folders writes under its own key, grade and undo alike', () => {
    const { session, log, grade } = drill(makeDeck(2, { key: 'elsewhere-1a2b' }));
    grade(3);
    session.send({ type: 'undo' });
    expect(log.map((r) => r.deck)).toEqual(['elsewhere-1a2b', 'elsewhere-1a2b']);
    expect(log[1]).toMatchObject({ type: 'undo', at: new Date(T0).toISOString() });
  });

  it('enter with no suggestion grades nothing, before or after the reveal', () => {
    const { session, log, s } = drill();
    session.send({ type: 'accept-suggestion' });
    session.send({ type: 'reveal' });
    session.send({ type: 'accept-suggestion' });
    expect(log).toEqual([]);
    expect(s().phase).toBe('revealed');
  });
});

describe('the reducer ignores what arrives out of turn', () => {
  const pitch = question('pitch', { kind: 'pitch', prompt: 'Tell me about yourself.', points: ['What'], seconds: 30 });

  it('a second start does not restart the pitch clock; a start after the reveal does nothing', () => {
    const { s } = drill(makeDeck(1, { cards: [pitch] }));
    const started = drillReducer(s(), { type: 'pitch-start', now: T0 + 1000 });
    expect(started.pitchStartedAt).toBe(T0 + 1000);
    expect(drillReducer(started, { type: 'pitch-start', now: T0 + 5000 })).toBe(started);
    const revealed = drillReducer(started, { type: 'reveal', now: T0 + 2000 });
    expect(drillReducer({ ...revealed, pitchStartedAt: null }, { type: 'pitch-start', now: T0 + 3000 }).pitchStartedAt).toBeNull();
  });

  it('keeping a short attempt means nothing before the reveal; a grade before the reveal is not applied', () => {
    const { s } = drill(makeDeck(1, { cards: [pitch] }));
    const before = s();
    expect(drillReducer(before, { type: 'keep-short-pitch' })).toBe(before);
    const record = { v: 1 as const, type: 'grade' as const, id: 'x', deck: 'test', card: 'pitch', grade: 3 as Grade, at: new Date(T0).toISOString() };
    expect(drillReducer(before, { type: 'graded', record, now: T0 })).toBe(before);
    expect(drillReducer(before, { type: 'undone', now: T0 })).toBe(before);
  });

  it('the choice to keep a short attempt is not carried to the next showing of the card', () => {
    const { session, log, tick } = drill(makeDeck(1, { cards: [pitch] }), { mode: 'all' });
    session.send({ type: 'start-stop' });
    tick(900);
    session.send({ type: 'start-stop' });
    session.send({ type: 'keep-short-pitch' });
    session.send({ type: 'grade', grade: 1 });
    // Forgotten: the pitch comes back; this short attempt is not kept.
    session.send({ type: 'start-stop' });
    tick(700);
    session.send({ type: 'start-stop' });
    session.send({ type: 'grade', grade: 3 });
    expect(log.map((r) => r.type)).toEqual(['grade', 'pitch', 'grade']);
  });

  it('a review with no cards to go through ends at once', () => {
    const deck = makeDeck(2);
    const state = initDrill({ deck, retention: 0.9, newPerDay: 20 }, replay(scheduler(0.9), deck.cards, []), T0, 'review');
    expect(state).toMatchObject({ phase: 'done', current: null });
  });
});
