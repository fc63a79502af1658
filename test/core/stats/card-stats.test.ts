import { describe, expect, it } from 'vitest';
import { scheduler } from '../../../src/core/schedule/fsrs.js';
import { recallAt as drillRecall } from '../../../src/core/schedule/progress.js';
import { replay } from '../../../src/core/schedule/snapshot.js';
import { cardStats, DeckCards } from '../../../src/core/stats/recall.js';
import type { GradeRecord } from '../../../src/core/store/review-log.js';
import { makeDeck, question } from '../../helpers/deck.js';

const f = scheduler(0.9);
const T = Date.parse('2026-10-01T10:00:00Z');
const H = 3_600_000;
const grade = (id: string, card: string, g: 1 | 2 | 3 | 4, h: number): GradeRecord => ({
  v: 1, type: 'grade', id, deck: 'test', card, grade: g, at: new Date(T + h * H).toISOString(),
});

describe('per-card stats (prep stats --json and the stats screen)', () => {
  const deck = makeDeck(0, {
    cards: [question('q1'), question('q2'), question('q3'), question('ask1', { kind: 'ask', prompt: 'What will you ask them?', answer: 'How do you ship?' })],
  });
  // q1 learned well, q2 forgotten while learning, q3 and the ask card never graded.
  const progress = replay(f, deck.cards, [grade('a', 'q1', 3, 0), grade('b', 'q1', 4, 30), grade('c', 'q2', 3, 1), grade('d', 'q2', 1, 31)]);
  const now = new Date(T + 40 * H);
  const interview = new Date(T + 100 * H);

  it('gives a graded card its state, due date, memory and recall now and at the interview', () => {
    const [q1, q2] = cardStats(f, deck.cards, progress, now, interview);
    const p1 = progress.get('q1')!;
    expect(q1).toEqual({
      id: 'q1', kind: 'question', prompt: 'Question q1?', state: 'review',
      due: p1.fsrs.due, stability: p1.fsrs.stability, difficulty: p1.fsrs.difficulty,
      reps: 2, lapses: 0, lastGrade: 4,
      recallNow: drillRecall(f, p1, now), recallAtInterview: drillRecall(f, p1, interview),
    });
    expect(q2).toMatchObject({ state: 'learning', reps: 2, lapses: 0, lastGrade: 1 });
    expect(q1!.recallNow!).toBeGreaterThan(q1!.recallAtInterview!);
  });

  it('gives a card never graded no dates or figures, and an ask card its question to ask', () => {
    const stats = cardStats(f, deck.cards, progress, now, interview);
    expect(stats[2]).toEqual({
      id: 'q3', kind: 'question', prompt: 'Question q3?', state: 'new', due: null, stability: null, difficulty: null,
      reps: 0, lapses: 0, lastGrade: null, recallNow: null, recallAtInterview: null,
    });
    expect(stats[3]).toMatchObject({ id: 'ask1', kind: 'ask', prompt: 'How do you ship?', state: 'new' });
    // A card with no progress entry at all reads the same as one never graded.
    expect(cardStats(f, [question('other')], progress, now, interview)[0]).toMatchObject({ state: 'new', reps: 0, lapses: 0, lastGrade: null, due: null });
  });

  it('predicts nothing for an interview that has started or passed', () => {
    for (const at of [now, new Date(now.getTime() - H), null]) {
      expect(cardStats(f, deck.cards, progress, now, at).map((c) => c.recallAtInterview)).toEqual([null, null, null, null]);
    }
  });

  // 300 cards of a few histories (so recalls tie often), every tenth never graded.
  const shapes = [
    [grade('a', 'x', 3, 0), grade('b', 'x', 4, 30)],
    [grade('a', 'x', 3, 1), grade('b', 'x', 1, 31)],
    [grade('a', 'x', 3, 2)],
    [grade('a', 'x', 2, 5), grade('b', 'x', 3, 20)],
    [],
  ];
  const many = makeDeck(0, { cards: Array.from({ length: 300 }, (_, i) => question(`c${i}`)) });
  const manyProgress = replay(f, many.cards, many.cards.flatMap((c, i) =>
    (i % 10 === 0 ? [] : shapes[(i * 7) % shapes.length]!).map((g, k) => ({ ...g, id: `${c.id}-${k}`, card: c.id }))));
  const sortedBy = (key: 'recallNow' | 'recallAtInterview') =>
    cardStats(f, many.cards, manyProgress, now, interview).filter((c) => c[key] !== null).sort((a, b) => a[key]! - b[key]!);

  it('lists the cards weakest at the interview first, graded cards only, ties in deck order', () => {
    expect(new DeckCards(f, deck.cards, progress, now, interview).lowestAtInterview().map((c) => c.id)).toEqual(['q2', 'q1']);
    const expected = sortedBy('recallAtInterview');
    // Never graded: every tenth card, and the cards given no grades (i % 10 of 2 or 7).
    expect(expected.length).toBe(300 - 30 - 60);
    const got = new DeckCards(f, many.cards, manyProgress, now, interview).lowestAtInterview();
    expect(got.map((c) => c.id)).toEqual(expected.map((c) => c.id));
    expect(got.map((c) => c.recallAtInterview)).toEqual(expected.map((c) => c.recallAtInterview));
    // No interview ahead: nothing to rank.
    expect(new DeckCards(f, many.cards, manyProgress, now, now).lowestAtInterview()).toEqual([]);
  });

  it('picks the cards lowest in recall now as sorting them all would: never-seen ones out, ties in deck order', () => {
    const sorted = sortedBy('recallNow');
    const cards = new DeckCards(f, many.cards, manyProgress, now, null);
    for (const n of [1, 9, 40, 500]) expect(cards.lowestNow(n).map((c) => c.id)).toEqual(sorted.slice(0, n).map((c) => c.id));
    expect(new DeckCards(f, many.cards.slice(0, 1), manyProgress, now, null).lowestNow(9)).toEqual([]);
  });

  it("makes a card's figures once, the same as the whole list gives, and counts the cards never graded", () => {
    const cards = new DeckCards(f, many.cards, manyProgress, now, interview);
    const all = cardStats(f, many.cards, manyProgress, now, interview);
    expect(cards.at(7)).toBe(cards.at(7));
    expect({ ...cards.at(7) }).toEqual({ ...all[7] });
    expect(cards.all()[7]).toBe(cards.at(7));
    expect(cards.length).toBe(300);
    expect(cards.unseen).toBe(all.filter((c) => c.state === 'new').length);
    expect(cards.unseen).toBe(30 + 60);
  });
});
