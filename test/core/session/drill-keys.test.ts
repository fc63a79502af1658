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
    const { session, s, grade, log } = drill(makeDeck(2));
    while (s().phase === 'question') grade(4);
    expect(s().phase).toBe('done');
    session.send({ type: 'practise-all' });
    expect(s()).toMatchObject({ phase: 'question', mode: 'all' });
    expect(position(s()).left).toBe(2);
    grade(3);
    expect(log.at(-1)).toMatchObject({ early: true });
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
