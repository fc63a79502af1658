import { describe, expect, it } from 'vitest';
import type { Card, Deck } from '../../../src/core/deck/types.js';
import { scheduler } from '../../../src/core/schedule/fsrs.js';
import { replay } from '../../../src/core/schedule/snapshot.js';
import { drawAsk, drawQuestions, mulberry32, seededRandom } from '../../../src/core/session/mock-draw.js';
import { ASK_PROMPT, MockSession, type Speaker } from '../../../src/core/session/mock-session.js';
import { initMock, type MockConfig } from '../../../src/core/session/mock-state.js';
import { clockView, itemsOfRecord, rehearsalView, scorecard, type ScoreItem } from '../../../src/core/session/mock-view.js';
import { parseRecordLine, type GradeRecord, type LogRecord, type MockRecord } from '../../../src/core/store/log-records.js';
import { makeDeck, question } from '../../helpers/deck.js';

const T0 = new Date('2026-11-26T10:00').getTime();
const DAY = 86_400_000;
const pitch: Card = { id: 'pitch', kind: 'pitch', prompt: 'Tell me about yourself.', answer: 'I build.', points: ['What', 'Why'], tags: [], seconds: 30, line: 2 };
const ask: Card = { id: 'ask1', kind: 'ask', prompt: 'What will you ask them?', answer: 'How do you ship?', points: [], tags: [], line: 9 };
const deck: Deck = {
  name: 'test',
  path: '/decks/test.yaml',
  title: 'Test deck',
  cards: [pitch, ...['q1', 'q2', 'q3', 'q4', 'q5', 'q6'].map((id) => question(id, { seconds: 60, points: [`${id} threat model`, `${id} gated sync`] })), ask],
};

function setup(opts: Partial<MockConfig> = {}, speaker: Speaker | null = null) {
  let now = T0;
  const log: LogRecord[] = [];
  const f = scheduler(0.9);
  const progress = replay(f, deck.cards, []);
  const cards = [pitch, deck.cards[1]!, deck.cards[2]!, ask];
  const config: MockConfig = { id: 'mock1', deck: { name: 'test', title: 'Test deck' }, cards, speak: false, type: false, scheduled: true, progress, retention: 0.9, interview: null, ...opts };
  const session = new MockSession(initMock(config, now), { append: (r) => log.push(r) }, speaker, () => now);
  return { session, log, tick: (ms: number) => (now += ms), state: () => session.getState() };
}

describe('mock interview session', () => {
  it('times each answer from when it is shown, skips, then grades in the scorecard as early reviews marked with the mock', () => {
    const { session, log, tick, state } = setup();
    expect(state()).toMatchObject({ phase: 'answering', index: 0 });
    tick(34_000);
    session.send({ type: 'done' }); // pitch: 34 s against 30
    tick(20_000);
    session.send({ type: 'done' }); // q1: 20 s
    tick(5_000);
    session.send({ type: 'skip' }); // q2
    tick(9_000);
    session.send({ type: 'done' }); // ask
    expect(state().phase).toBe('grading');
    expect(state().items.map((i) => [i.ms, i.skipped])).toEqual([[34_000, false], [20_000, false], [null, true], [9_000, false]]);
    expect(log).toEqual([]); // nothing is written before a grade

    session.send({ type: 'grade', grade: 3 });
    session.send({ type: 'not-graded' });
    session.send({ type: 'grade', grade: 1 });
    expect(log).toHaveLength(2);
    expect(log[0]).toMatchObject({ type: 'grade', card: 'pitch', grade: 3, ms: 34_000, early: true, mock: 'mock1' });
    expect(log[1]).toMatchObject({ type: 'grade', card: 'q2', grade: 1, early: true, mock: 'mock1' });
    expect((log[1] as GradeRecord).ms).toBeUndefined();
    session.send({ type: 'grade', grade: 4 });
    expect(state().phase).toBe('finished');
    const mock = log.at(-1) as MockRecord;
    expect(mock).toMatchObject({ type: 'mock', id: 'mock1', deck: 'test', ms: 68_000, scheduled: true });
    expect(mock.items.map((i) => [i.card, i.ms, i.skipped, i.grade])).toEqual([
      ['pitch', 34_000, false, 3],
      ['q1', 20_000, false, null],
      ['q2', null, true, 1],
      ['ask1', 9_000, false, 4],
    ]);
    // Every record written is one the log reader takes back.
    for (const r of log) expect(parseRecordLine(JSON.stringify(r)).ok).toBe(true);
  });

  it('a rehearsal the log refuses is reported by name, after the grades it did take', () => {
    const log: LogRecord[] = [];
    const sink = {
      append: (r: LogRecord) => {
        if (r.type === 'mock') throw new Error('disk full');
        log.push(r);
      },
    };
    const config: MockConfig = { id: 'mock1', deck: { name: 'test', title: 'Test deck' }, cards: [pitch, ask], speak: false, type: false, scheduled: true, progress: replay(scheduler(0.9), deck.cards, []), retention: 0.9, interview: null };
    const session = new MockSession(initMock(config, T0), sink, null, () => T0);
    session.send({ type: 'done' });
    session.send({ type: 'done' });
    session.send({ type: 'grade', grade: 3 });
    session.send({ type: 'grade', grade: 4 });
    expect(log.map((r) => r.type)).toEqual(['grade', 'grade']);
    expect(session.getState().error).toBe('Rehearsal not saved: disk full');
  });

  it('--no-grade: the scorecard is graded but nothing reaches the schedule; the rehearsal keeps the grades', () => {
    const { session, log, state } = setup({ scheduled: false });
    for (let i = 0; i < 4; i++) session.send({ type: 'done' });
    for (const g of [2, 3, 3, 4] as const) session.send({ type: 'grade', grade: g });
    expect(state().phase).toBe('finished');
    expect(log.map((r) => r.type)).toEqual(['mock']);
    expect((log[0] as MockRecord).items.map((i) => i.grade)).toEqual([2, 3, 3, 4]);
    expect((log[0] as MockRecord).scheduled).toBe(false);
  });

  it('quitting in the scorecard keeps the grades given and stores the rehearsal; quitting before it stores nothing', () => {
    const a = setup();
    for (let i = 0; i < 4; i++) a.session.send({ type: 'done' });
    a.session.send({ type: 'grade', grade: 2 });
    a.session.send({ type: 'quit' });
    expect(a.log.map((r) => r.type)).toEqual(['grade', 'mock']);
    expect((a.log[1] as MockRecord).items.map((i) => i.grade)).toEqual([2, null, null, null]);
    expect(a.state()).toMatchObject({ quitting: true, saved: true });

    const b = setup();
    b.session.send({ type: 'done' });
    b.session.send({ type: 'quit' });
    expect(b.log).toEqual([]);
  });

  it('--type: a typed answer is checked against the key points and suggests a grade that enter accepts', () => {
    const { session, log, tick, state } = setup({ type: true });
    session.send({ type: 'done' }); // the pitch has no field
    expect(state().typing).toBe(true);
    session.send({ type: 'type-change', text: 'I start from a q1 threat model' });
    tick(10_000);
    session.send({ type: 'done' });
    session.send({ type: 'skip' });
    session.send({ type: 'done' });
    session.send({ type: 'not-graded' });
    const answer = state().items[1]!.answer!;
    expect(answer.coverage).toMatchObject({ covered: 1, total: 2 });
    expect(answer.suggested).toBe(2);
    session.send({ type: 'accept-suggestion' });
    expect(log[0]).toMatchObject({ card: 'q1', grade: 2, typed: 'I start from a q1 threat model', mock: 'mock1' });
  });

  it('--speak: the clock waits for the reading to end, and a failed reading is said once, in silence after', async () => {
    const said: string[] = [];
    let finish: (notice: string | null) => void = () => {};
    const speaker: Speaker = { say: (t) => (said.push(t), new Promise((r) => (finish = r))), stop: () => {} };
    const { session, tick, state } = setup({ speak: true }, speaker);
    expect(state().phase).toBe('speaking');
    session.speakCurrent();
    session.speakCurrent(); // once per card
    expect(said).toEqual(['Tell me about yourself.']);
    tick(3_000);
    finish('espeak-ng failed (exit 1): reading silently.');
    await Promise.resolve();
    expect(state()).toMatchObject({ phase: 'answering', answerStartedAt: T0 + 3_000, notice: 'espeak-ng failed (exit 1): reading silently.' });
    tick(5_000);
    session.send({ type: 'done' });
    expect(state().items[0]!.ms).toBe(5_000);
    session.speakCurrent();
    expect(said).toEqual(['Tell me about yourself.', 'Question q1?']);
  });

  it('the rehearsal view shows the question only and the clock turns from pace to warning to over', () => {
    const { state } = setup();
    const v = rehearsalView(state(), T0 + 1_000);
    expect(v).toMatchObject({ index: 1, total: 4, kind: 'pitch', prompt: 'Tell me about yourself.' });
    expect(JSON.stringify(v)).not.toContain('I build.');
    expect(clockView(20_000, 30)).toMatchObject({ zone: 'pace', words: '[on pace]', target: '0:30' });
    expect(clockView(26_000, 30)).toMatchObject({ zone: 'warning', words: '[4 s left]' });
    expect(clockView(31_000, 30)).toMatchObject({ zone: 'over', words: '[over]' });
    expect(clockView(31_000, null)).toMatchObject({ zone: null, target: null });
    // The bar under the clock: half full at half the target, and no further than full past it.
    expect(clockView(15_000, 30).fill).toBe(0.5);
    expect(clockView(45_000, 30).fill).toBe(1);
  });

  it('the clock stands at zero while a question is read out; the last card asks the candidate for questions', () => {
    const speaker: Speaker = { say: () => new Promise(() => {}), stop: () => {} };
    const spoken = setup({ speak: true }, speaker);
    expect(rehearsalView(spoken.state(), T0 + 5_000)).toMatchObject({ speaking: true, clock: { text: '00:00.0' } });

    const { session, state } = setup();
    expect(rehearsalView(state(), T0).speaking).toBe(false);
    for (let i = 0; i < 3; i++) session.send({ type: 'done' });
    expect(rehearsalView(state(), T0)).toMatchObject({ index: 4, total: 4, kind: 'ask', prompt: ASK_PROMPT });
  });
});

describe('scorecard', () => {
  it('rows say over or under the target; totals count time, answers over time, grades, the pitch and recall at the interview', () => {
    const f = scheduler(0.9);
    const records: LogRecord[] = [{ v: 1, type: 'grade', id: 'g1', deck: 'test', card: 'q1', grade: 3, at: new Date(T0 - 2 * DAY).toISOString() }];
    const progress = replay(f, deck.cards, records);
    const mock: MockRecord = {
      v: 1, type: 'mock', id: 'm', deck: 'test', at: new Date(T0).toISOString(), ms: 200_000, scheduled: true,
      items: [
        { card: 'pitch', kind: 'pitch', ms: 34_200, target: 30, skipped: false, grade: 3 },
        { card: 'q1', kind: 'question', ms: 72_000, target: 60, skipped: false, grade: 2 },
        { card: 'q2', kind: 'question', ms: 40_000, target: 60, skipped: false, grade: 4 },
        { card: 'gone', kind: 'question', ms: null, target: null, skipped: true, grade: null },
      ],
    };
    const interview = new Date(T0 + 3 * DAY);
    const card = scorecard(itemsOfRecord(mock, deck), mock.ms, { progress, retention: 0.9, interview, now: new Date(T0) });
    expect(card.rows.map((r) => [r.mark, r.time, r.target, r.verdict, r.grade])).toEqual([
      ['P', '0:34', '0:30', '+0:04 over', '3 Good'],
      ['1', '1:12', '1:00', '+0:12 over', '2 Hard'],
      ['2', '0:40', '1:00', 'under', '4 Easy'],
      ['3', '—', '—', 'skipped', '·'],
    ]);
    expect(card.rows[3]!.prompt).toContain('no longer in the deck');
    expect(card.totals).toMatchObject({ ms: 200_000, answered: 3, skipped: 1, overTime: 2, timed: 3, meanGrade: 3, pitch: '34.2 s against 30 s · +4.2 s' });
    // Only q1 was ever graded: its recall in three days over four cards, the others count as 0.
    const q1 = f.forgetting_curve(5, progress.get('q1')!.fsrs.stability);
    expect(card.totals.recallAtInterview).toBeCloseTo(q1 / 4, 6);
    const none = scorecard(itemsOfRecord(mock, deck), mock.ms, { progress, retention: 0.9, interview: null, now: new Date(T0) });
    expect(none.totals.recallAtInterview).toBeNull();
  });

  it('a skipped pitch, an answer right on its target, one without a target and the closing ask card', () => {
    const items: ScoreItem[] = [
      { id: 'pitch', card: pitch, kind: 'pitch', ms: null, target: 30, skipped: true, grade: null, answer: null },
      { id: 'q1', card: deck.cards[1], kind: 'question', ms: 60_000, target: 60, skipped: false, grade: 3, answer: null },
      { id: 'q2', card: deck.cards[2], kind: 'question', ms: 45_000, target: null, skipped: false, grade: 3, answer: null },
      { id: 'ask1', card: ask, kind: 'ask', ms: 9_000, target: null, skipped: false, grade: 1, answer: null },
    ];
    const now = new Date(T0);
    const progress = replay(scheduler(0.9), deck.cards, []);
    const card = scorecard(items, 120_000, { progress, retention: 0.9, interview: null, now });
    expect(card.rows.map((r) => [r.mark, r.time, r.target, r.verdict, r.over])).toEqual([
      ['P', '—', '0:30', 'skipped', false],
      ['1', '1:00', '1:00', 'under', false],
      ['2', '0:45', '—', '', false],
      ['A', '0:09', '—', '', false],
    ]);
    expect(card.rows[3]!.prompt).toBe(ASK_PROMPT);
    // No pitch was answered, so there is no pitch line; ungraded answers count in no grade.
    expect(card.totals).toMatchObject({ answered: 3, skipped: 1, overTime: 0, timed: 1, pitch: null, meanGrade: 7 / 3 });
    expect(card.totals.grades).toEqual({ 1: 1, 2: 0, 3: 2, 4: 0 });
    // An interview that has passed, or is this very moment, predicts nothing.
    for (const interview of [new Date(T0 - DAY), now]) {
      expect(scorecard(items, 120_000, { progress, retention: 0.9, interview, now }).totals).toMatchObject({ recallAtInterview: null, interview: null });
    }
  });

  it('a stored rehearsal edited by hand: a skipped answer that carries a time stays skipped, an answer without a time is not counted', () => {
    // The log reader takes these shapes; prep never writes them, but `mock --last` must not
    // turn them into an answer over its target or a pitch line.
    const mock: MockRecord = {
      v: 1, type: 'mock', id: 'm', deck: 'test', at: new Date(T0).toISOString(), ms: 100_000, scheduled: true,
      items: [
        { card: 'pitch', kind: 'pitch', ms: 40_000, target: 30, skipped: true, grade: null },
        { card: 'q1', kind: 'question', ms: null, target: 60, skipped: false, grade: null },
        { card: 'q2', kind: 'question', ms: 20_000, target: 60, skipped: false, grade: null },
      ],
    };
    expect(parseRecordLine(JSON.stringify(mock)).ok).toBe(true);
    const progress = replay(scheduler(0.9), deck.cards, []);
    const card = scorecard(itemsOfRecord(mock, deck), mock.ms, { progress, retention: 0.9, interview: null, now: new Date(T0) });
    expect(card.rows.map((r) => [r.mark, r.time, r.verdict, r.over])).toEqual([
      ['P', '—', 'skipped', false],
      ['1', '—', '', false],
      ['2', '0:20', 'under', false],
    ]);
    expect(card.totals).toMatchObject({ answered: 1, skipped: 1, overTime: 0, timed: 1, pitch: null, meanGrade: null });
    // A pitch with no time, not skipped: no pitch line either.
    const untimed = itemsOfRecord({ ...mock, items: [{ card: 'pitch', kind: 'pitch', ms: null, target: 30, skipped: false, grade: null }] }, deck);
    expect(scorecard(untimed, mock.ms, { progress, retention: 0.9, interview: null, now: new Date(T0) }).totals.pitch).toBeNull();
  });
});

describe('the draw', () => {
  it('is repeatable with a seed, never repeats a card, and favours weak and never-practised cards', () => {
    const f = scheduler(0.9);
    const at = (d: number) => new Date(T0 - d * DAY).toISOString();
    // q1..q3 well known (Easy twice), q4 forgotten, q5 and q6 never practised.
    const records: LogRecord[] = [];
    for (const id of ['q1', 'q2', 'q3']) for (const d of [20, 10]) records.push({ v: 1, type: 'grade', id: `${id}${d}`, deck: 'test', card: id, grade: 4, at: at(d) });
    records.push({ v: 1, type: 'grade', id: 'q4', deck: 'test', card: 'q4', grade: 1, at: at(1) });
    const progress = replay(f, deck.cards, records);
    const draw = (seed: string, count = 3) => drawQuestions(f, deck, progress, new Date(T0), { count, order: 'random', random: seededRandom(seed) }).map((c) => c.id);
    expect(draw('42')).toEqual(draw('42'));
    expect(new Set(draw('42', 6)).size).toBe(6);
    expect(draw('7', 10)).toHaveLength(6);
    const first = new Map<string, number>();
    for (let i = 0; i < 400; i++) {
      const id = draw(String(i), 1)[0]!;
      first.set(id, (first.get(id) ?? 0) + 1);
    }
    const known = (first.get('q1') ?? 0) + (first.get('q2') ?? 0) + (first.get('q3') ?? 0);
    const weak = (first.get('q4') ?? 0) + (first.get('q5') ?? 0) + (first.get('q6') ?? 0);
    expect(weak).toBeGreaterThan(2 * known);
    expect(drawQuestions(f, deck, progress, new Date(T0), { count: 2, order: 'deck', random: Math.random }).map((c) => c.id)).toEqual(['q1', 'q2']);
  });

  it('a seed draws the same questions in the same order in every version of prep', () => {
    // A seed written down last week must give the same rehearsal after an upgrade: the hash of
    // the seed text and the generator (mulberry32, whose first number for seed 1 is the
    // published 0.6270739405881613) are part of what --seed means. With no history every card
    // weighs the same, so the order is the generator's alone.
    expect(mulberry32(1)()).toBe(0.6270739405881613);
    const f = scheduler(0.9);
    const eight = makeDeck(8);
    const progress = replay(f, eight.cards, []);
    const draw = (seed: string) => drawQuestions(f, eight, progress, new Date(T0), { count: 8, order: 'random', random: seededRandom(seed) }).map((c) => c.id).join(' ');
    expect(draw('7')).toBe('q1 q4 q6 q3 q5 q2 q8 q7');
    expect(draw('42')).toBe('q2 q8 q4 q6 q3 q1 q5 q7');
    expect(draw('interview')).toBe('q7 q4 q3 q1 q5 q8 q2 q6');
    // Asked for fewer, the same seed gives the first ones of the same order.
    expect(drawQuestions(f, eight, progress, new Date(T0), { count: 3, order: 'random', random: seededRandom('7') }).map((c) => c.id)).toEqual(['q1', 'q4', 'q6']);
  });

  it('the closing ask card: the first in deck order, one drawn by the seed otherwise, none when the deck has none', () => {
    const asks = ['a1', 'a2', 'a3', 'a4'].map((id) => question(id, { kind: 'ask', points: [] }));
    const withAsks: Deck = { ...deck, cards: [...deck.cards.filter((c) => c.kind !== 'ask'), ...asks] };
    expect(drawAsk(withAsks, { order: 'deck', random: () => 0.99 })?.id).toBe('a1');
    expect(drawAsk(withAsks, { order: 'random', random: () => 0.6 })?.id).toBe('a3');
    expect(drawAsk(withAsks, { order: 'random', random: () => 0.99 })?.id).toBe('a4');
    expect(drawAsk(makeDeck(3), { order: 'random', random: () => 0.5 })).toBeUndefined();
  });

  it('replay counts a mock grade like any early review', () => {
    const f = scheduler(0.9);
    const g = (extra: Partial<GradeRecord>): LogRecord => ({ v: 1, type: 'grade', id: 'x', deck: 'test', card: 'q1', grade: 3, at: new Date(T0).toISOString(), early: true, ...extra });
    const viaMock = replay(f, deck.cards, [g({ mock: 'm1' })]).get('q1')!.fsrs;
    const viaAll = replay(f, deck.cards, [g({})]).get('q1')!.fsrs;
    expect(viaMock).toEqual(viaAll);
    expect(viaMock.reps).toBe(1);
    expect(parseRecordLine(JSON.stringify({ ...g({}), mock: '' })).ok).toBe(false);
  });
});
