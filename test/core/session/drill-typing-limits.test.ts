import { describe, expect, it } from 'vitest';
import type { Card } from '../../../src/core/deck/types.js';
import { scheduler } from '../../../src/core/schedule/fsrs.js';
import { replay } from '../../../src/core/schedule/snapshot.js';
import { initDrill } from '../../../src/core/session/drill-state.js';
import { DrillSession } from '../../../src/core/session/drill-session.js';
import { canType, MAX_ANSWER_CHARS } from '../../../src/core/session/drill-typing.js';
import type { LogRecord } from '../../../src/core/store/log-records.js';
import { makeDeck, question } from '../../helpers/deck.js';

// The answer field's limits: a paste too long for it, keys pressed where there is no field.

const T0 = new Date('2026-11-26T10:00').getTime();
const pitch: Card = { id: 'pitch', kind: 'pitch', prompt: 'Tell me about yourself.', answer: 'I build.', points: ['What'], tags: [], seconds: 30, line: 1 };

function setup(cards: Card[] = [question('q1', { points: ['threat model', 'gated sync'] }), question('q2')]) {
  const deck = makeDeck(0, { cards });
  const log: LogRecord[] = [];
  const config = { deck, retention: 0.9, newPerDay: 20 };
  const session = new DrillSession(initDrill(config, replay(scheduler(0.9), deck.cards, []), T0), { append: (r) => void log.push(r) }, () => T0);
  return { session, s: session.getState, log };
}

describe('a paste longer than the field', () => {
  it('is cut to the limit and says so; the rest of the paste arriving changes nothing', () => {
    const { session, s } = setup();
    session.send({ type: 'type-open' });
    const paste = 'threat model '.repeat(500);
    session.send({ type: 'type-change', text: paste.slice(0, MAX_ANSWER_CHARS + 100) });
    const cut = s();
    expect(cut.answer.draft).toBe(paste.slice(0, MAX_ANSWER_CHARS));
    expect(cut.answer.cut).toBe(true);
    session.send({ type: 'type-change', text: paste });
    expect(s()).toBe(cut);
  });

  it('an answer of exactly the limit is kept whole, not marked cut', () => {
    const { session, s } = setup();
    session.send({ type: 'type-open' });
    session.send({ type: 'type-change', text: 'x'.repeat(MAX_ANSWER_CHARS) });
    expect(s().answer).toMatchObject({ draft: 'x'.repeat(MAX_ANSWER_CHARS) });
    expect(s().answer.cut).toBeFalsy();
    // One more key in the full field: the draft stays as it was, now marked cut.
    session.send({ type: 'type-change', text: 'x'.repeat(MAX_ANSWER_CHARS + 1) });
    expect(s().answer).toMatchObject({ draft: 'x'.repeat(MAX_ANSWER_CHARS), cut: true });
  });

  it('once cut, editing the draft down keeps the note that it was cut', () => {
    const { session, s } = setup();
    session.send({ type: 'type-open' });
    session.send({ type: 'type-change', text: 'y'.repeat(MAX_ANSWER_CHARS + 1) });
    session.send({ type: 'type-change', text: 'threat model' });
    expect(s().answer).toMatchObject({ draft: 'threat model', cut: true });
  });
});

describe('typing keys where there is no field', () => {
  it('text sent to a closed field is dropped; esc on a closed field changes nothing', () => {
    const { session, s } = setup();
    const before = s();
    session.send({ type: 'type-change', text: 'threat model' });
    session.send({ type: 'type-leave' });
    session.send({ type: 'type-submit' });
    expect(s()).toBe(before);
  });

  it('a blank answer submitted is a plain reveal with nothing to grade by', () => {
    const { session, s } = setup();
    session.send({ type: 'type-open' });
    session.send({ type: 'type-change', text: '   ' });
    session.send({ type: 'type-submit' });
    expect(s()).toMatchObject({ phase: 'revealed', answer: { open: false, submitted: null, draft: '' } });
  });

  it('after the reveal, and on the pitch, the field does not open', () => {
    const { session, s } = setup([pitch, question('q2')]);
    expect(canType(s())).toBe(false);
    session.send({ type: 'type-open' });
    expect(s().answer.open).toBe(false);
    const q = setup();
    expect(canType(q.s())).toBe(true);
    q.session.send({ type: 'reveal' });
    expect(canType(q.s())).toBe(false);
    q.session.send({ type: 'type-open' });
    expect(q.s().answer.open).toBe(false);
  });
});
