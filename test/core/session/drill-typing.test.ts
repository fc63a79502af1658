import { describe, expect, it } from 'vitest';
import type { Card } from '../../../src/core/deck/types.js';
import { scheduler } from '../../../src/core/schedule/fsrs.js';
import { replay } from '../../../src/core/schedule/snapshot.js';
import { initDrill } from '../../../src/core/session/drill-state.js';
import { DrillSession } from '../../../src/core/session/drill-session.js';
import { NO_KEY_POINTS } from '../../../src/core/session/drill-typing.js';
import type { AnswerMode } from '../../../src/core/store/settings.js';
import type { LogRecord } from '../../../src/core/store/log-records.js';
import { makeDeck, question } from '../../helpers/deck.js';

const T0 = new Date('2026-11-26T10:00').getTime();

const pitch: Card = { id: 'pitch', kind: 'pitch', prompt: 'Tell me about yourself.', answer: 'I build.', points: ['What'], tags: [], seconds: 30, line: 1 };
const sandbox = question('sandbox', {
  points: ['Threat model first', 'One containment layer per threat', 'Gated sync', 'VM boundary'],
  seconds: 90,
});

function setup(opts: { answerMode?: AnswerMode; cards?: Card[] } = {}) {
  const deck = makeDeck(0, { cards: opts.cards ?? [sandbox, question('bare', { points: [] }), question('q3')] });
  let now = T0;
  const log: LogRecord[] = [];
  const config = { deck, retention: 0.9, newPerDay: 20, answerMode: opts.answerMode };
  const session = new DrillSession(initDrill(config, replay(scheduler(0.9), deck.cards, []), now), { append: (r) => void log.push(r) }, () => now);
  return { session, log, s: session.getState, tick: (ms: number) => (now += ms) };
}

describe('typing the answer in a drill', () => {
  it('t opens the field; esc leaves it without revealing and keeps the draft for next time', () => {
    const { session, s } = setup();
    expect(s().answer.open).toBe(false);
    session.send({ type: 'type-open' });
    session.send({ type: 'type-change', text: 'threat model' });
    session.send({ type: 'type-leave' });
    expect(s()).toMatchObject({ phase: 'question', answer: { open: false, draft: 'threat model' } });
    session.send({ type: 'type-open' });
    expect(s().answer).toMatchObject({ open: true, draft: 'threat model' });
  });

  it('a pasted answer arrives whole: its newlines become spaces in the one-line field', () => {
    const { session, s } = setup();
    session.send({ type: 'type-open' });
    session.send({ type: 'type-change', text: 'threat model first\nthen one layer\tper threat' });
    expect(s().answer.draft).toBe('threat model first then one layer per threat');
  });

  it('submit reveals, with the coverage and a suggested grade computed in core', () => {
    const { session, s, tick } = setup();
    session.send({ type: 'type-open' });
    session.send({ type: 'type-change', text: 'Threat model first, then one containment layer per threat.' });
    tick(20_000);
    session.send({ type: 'type-submit' });
    const state = s();
    expect(state.phase).toBe('revealed');
    expect(state.revealedAt).toBe(T0 + 20_000);
    expect(state.answer.submitted?.coverage).toMatchObject({ covered: 2, total: 4 });
    expect(state.answer.submitted?.suggested).toBe(2);
  });

  it('the grade saves what was typed; enter accepts the suggestion', () => {
    const { session, log, tick } = setup();
    session.send({ type: 'type-open' });
    const typed = 'Threat model first; one containment layer per threat; gated sync; a VM boundary';
    session.send({ type: 'type-change', text: typed });
    tick(120_000);
    session.send({ type: 'type-submit' });
    session.send({ type: 'accept-suggestion' });
    expect(log).toMatchObject([{ type: 'grade', card: 'sandbox', grade: 3, typed, ms: 120_000 }]);
  });

  it('all points, and quick (under half the 90 s target), suggests Easy; 1-4 still override', () => {
    const { session, log, s, tick } = setup();
    session.send({ type: 'type-open' });
    session.send({ type: 'type-change', text: 'threat model first, one containment layer per threat, gated sync, VM boundary' });
    tick(30_000);
    session.send({ type: 'type-submit' });
    expect(s().answer.submitted?.suggested).toBe(4);
    session.send({ type: 'grade', grade: 1 });
    expect(log).toMatchObject([{ grade: 1 }]);
  });

  it('an empty submit is a plain reveal: nothing suggested, nothing typed saved', () => {
    const { session, log, s } = setup();
    session.send({ type: 'type-open' });
    session.send({ type: 'type-change', text: '   ' });
    session.send({ type: 'type-submit' });
    expect(s()).toMatchObject({ phase: 'revealed', answer: { submitted: null } });
    session.send({ type: 'accept-suggestion' });
    expect(log).toHaveLength(0);
    session.send({ type: 'grade', grade: 3 });
    expect(log[0]).not.toHaveProperty('typed');
  });

  it('a card with no key points falls back to self-grading and says why', () => {
    const { session, s } = setup({ cards: [question('bare', { points: [] })] });
    session.send({ type: 'type-open' });
    expect(s().answer).toMatchObject({ open: false, notice: NO_KEY_POINTS });
    session.send({ type: 'reveal' });
    expect(s().phase).toBe('revealed');
  });

  it("answerMode 'type' opens the field on each question card, says why on one without points, and not on the pitch", () => {
    const { session, s } = setup({ answerMode: 'type', cards: [pitch, sandbox, question('bare', { points: [] })] });
    expect(s().current?.id).toBe('pitch');
    expect(s().answer).toMatchObject({ open: false, notice: null });
    session.send({ type: 'type-open' });
    expect(s().answer.open).toBe(false);
    session.send({ type: 'reveal' });
    session.send({ type: 'grade', grade: 3 });
    expect(s()).toMatchObject({ current: { id: 'sandbox' }, answer: { open: true, draft: '' } });
    session.send({ type: 'type-change', text: 'gated sync' });
    session.send({ type: 'type-submit' });
    session.send({ type: 'grade', grade: 3 });
    expect(s()).toMatchObject({ current: { id: 'bare' }, answer: { open: false, notice: NO_KEY_POINTS } });
  });

  it('undo brings the card back with a fresh field in type mode', () => {
    const { session, s } = setup({ answerMode: 'type' });
    session.send({ type: 'type-change', text: 'gated sync' });
    session.send({ type: 'type-submit' });
    session.send({ type: 'grade', grade: 1 });
    session.send({ type: 'undo' });
    expect(s()).toMatchObject({ current: { id: 'sandbox' }, phase: 'question', answer: { open: true, draft: '', submitted: null } });
  });
});

describe('typing against a deck that accepts other words', () => {
  it("credits a point's accepted phrasing and the deck's aliases in the suggested grade", () => {
    const card = question('net', { points: ['Per-tool network policy', 'OpenTelemetry traces'], seconds: 90 });
    const deck = { ...makeDeck(0, { cards: [{ ...card, matches: [['firewall per tool'], []] }] }), aliases: { OTel: 'OpenTelemetry' } };
    let now = T0;
    const config = { deck, retention: 0.9, newPerDay: 20, answerMode: 'type' as const };
    const session = new DrillSession(initDrill(config, replay(scheduler(0.9), deck.cards, []), now), { append: () => undefined }, () => now);
    session.send({ type: 'type-change', text: 'a firewall for each tool, and OTel traces' });
    now += 120_000;
    session.send({ type: 'type-submit' });
    const submitted = session.getState().answer.submitted;
    expect(submitted?.coverage.covered).toBe(2);
    expect(submitted?.coverage.points[0]?.alternative).toBe('firewall per tool');
    expect(submitted?.coverage.points[1]?.via).toEqual([{ point: 'OpenTelemetry', answer: 'OTel', rule: 'alias' }]);
    expect(submitted?.suggested).toBe(3);
  });
});

