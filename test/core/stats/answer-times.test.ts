import { describe, expect, it } from 'vitest';
import { AnswerTimeCounter, answerTimes, slowestOf } from '../../../src/core/stats/answer-times.js';
import { grade, undo } from '../../helpers/fixture-log.js';

const deckIds = new Set(['q1', 'q2', 'q3', 'q4']);

describe('answer times', () => {
  it('gives each card its median time to reveal, slowest first', () => {
    const slow = grade('q2', 3, '2026-11-20T10:03', { ms: 900_000 });
    const records = [
      grade('q1', 3, '2026-11-20T10:00', { ms: 10_000 }),
      grade('q1', 3, '2026-11-21T10:00', { ms: 30_000 }),
      grade('q1', 3, '2026-11-22T10:00', { ms: 12_000 }),
      grade('q2', 3, '2026-11-20T10:01', { ms: 40_000 }),
      grade('q2', 3, '2026-11-21T10:01', { ms: 50_000 }),
      slow,
      undo(slow, '2026-11-20T10:04'), // undone: its time does not count
      grade('q3', 3, '2026-11-20T10:02'), // no time recorded
      grade('gone', 3, '2026-11-20T10:02', { ms: 999_000 }), // no longer in the deck
      grade('q4', 1, '2026-11-20T10:05', { ms: 20_000 }),
    ];
    expect(answerTimes(records, deckIds)).toEqual([
      { card: 'q2', medianMs: 45_000, count: 2 },
      { card: 'q4', medianMs: 20_000, count: 1 },
      { card: 'q1', medianMs: 12_000, count: 3 },
    ]);
  });

  it('lists cards of the same median by card id, whatever order they were graded in', () => {
    const records = [
      grade('q2', 3, '2026-11-20T10:00', { ms: 20_000 }),
      grade('q4', 3, '2026-11-20T10:01', { ms: 20_000 }),
      grade('q3', 3, '2026-11-20T10:02', { ms: 5_000 }),
      grade('q1', 3, '2026-11-20T10:03', { ms: 20_000 }),
    ];
    expect(answerTimes(records, deckIds).map((t) => t.card)).toEqual(['q1', 'q2', 'q4', 'q3']);
  });

  it('picks the slowest few as sorting them all would: ties by card id, whatever order they come in', () => {
    // 200 cards over a few medians (many ties), counted in a scrambled order.
    const counter = new AnswerTimeCounter();
    const ids = Array.from({ length: 200 }, (_, i) => `c${(i * 73) % 200}`);
    for (const card of ids) counter.add(grade(card, 3, '2026-11-20T10:00', { ms: 1000 * (Number(card.slice(1)) % 7) }));
    const all = new Set(ids);
    const sorted = counter.result(all);
    expect(sorted[0]).toEqual({ card: 'c104', medianMs: 6000, count: 1 });
    const unsorted = counter.medians(all);
    expect(unsorted.map((t) => t.card)).not.toEqual(sorted.map((t) => t.card));
    for (const n of [1, 3, 29, 200, 250]) expect(slowestOf(unsorted, n)).toEqual(sorted.slice(0, n));
    expect(slowestOf(unsorted, 0)).toEqual([]);
    expect(slowestOf([], 3)).toEqual([]);
  });
});
