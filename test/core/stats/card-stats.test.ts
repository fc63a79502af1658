import { describe, expect, it } from 'vitest';
import { scheduler } from '../../../src/core/schedule/fsrs.js';
import { recallAt as drillRecall } from '../../../src/core/schedule/progress.js';
import { replay } from '../../../src/core/schedule/snapshot.js';
import { cardStats, lowestAtInterview, lowestNow } from '../../../src/core/stats/recall.js';
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

  it('lists the cards weakest at the interview first, graded cards only, ties in deck order', () => {
    const stats = cardStats(f, deck.cards, progress, now, interview);
    expect(lowestAtInterview(stats).map((c) => c.id)).toEqual(['q2', 'q1']);
    const tie = [{ ...stats[0]!, id: 'x', recallAtInterview: 0.5 }, { ...stats[1]!, id: 'y', recallAtInterview: 0.5 }, { ...stats[0]!, id: 'z', recallAtInterview: 0.2 }];
    expect(lowestAtInterview(tie).map((c) => c.id)).toEqual(['z', 'x', 'y']);
  });

  it('picks the cards lowest in recall now as sorting them all would: never-seen ones out, ties in deck order', () => {
    const base = cardStats(f, deck.cards, progress, now, null)[0]!;
    // Few distinct values, so ties are many; every tenth card never seen.
    const many = Array.from({ length: 300 }, (_, i) => ({ ...base, id: `c${i}`, recallNow: i % 10 === 0 ? null : ((i * 37) % 11) / 10 }));
    const sorted = many.filter((c) => c.recallNow !== null).sort((a, b) => a.recallNow! - b.recallNow!);
    for (const n of [1, 9, 40, 500]) expect(lowestNow(many, n).map((c) => c.id)).toEqual(sorted.slice(0, n).map((c) => c.id));
    expect(lowestNow(many.slice(0, 1), 9)).toEqual([]);
  });
});
