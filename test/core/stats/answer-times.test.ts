import { describe, expect, it } from 'vitest';
import { AnswerTimeCounter, answerTimes, isAnswerTimesData, slowestOf, type AnswerTimesData } from '../../../src/core/stats/answer-times.js';
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
    // The same from the counter, counting or read back from its data (the packed medians), and
    // only of the cards asked for.
    const back = new AnswerTimeCounter(JSON.parse(JSON.stringify(counter.toData())) as AnswerTimesData);
    const some = new Set(ids.filter((id) => Number(id.slice(1)) % 3 !== 0));
    const someSorted = counter.result(some);
    expect(someSorted.length).toBeLessThan(sorted.length);
    for (const c of [counter, back]) {
      for (const n of [1, 3, 29, 200]) {
        expect(c.slowest(all, n)).toEqual(sorted.slice(0, n));
        expect(c.slowest(some, n)).toEqual(someSorted.slice(0, n));
      }
      expect(c.slowest(all, 0)).toEqual([]);
    }
    expect(back.slowest(new Set(), 3)).toEqual([]);
  });
});

describe('answer times stored and read back', () => {
  const at = '2026-11-20T10:00';
  // Odd and even counts, a time with a fraction and one in exponent form: each must come back exactly.
  const timed = [
    grade('q1', 3, at, { ms: 10_000 }),
    grade('q1', 3, at, { ms: 30_000 }),
    grade('q2', 3, at, { ms: 1234.5 }),
    grade('q1', 3, at, { ms: 20_001 }),
    grade('q3', 3, at, { ms: 1e21 }),
    grade('q3', 3, at, { ms: 0.000001 }),
    grade('q4', 3, at),
  ];
  const counted = (records: typeof timed, from?: AnswerTimesData) => {
    const counter = new AnswerTimeCounter(from);
    for (const g of records) counter.add(g);
    return counter;
  };
  const all = new Set(['q1', 'q2', 'q3', 'q4', 'q5']);

  it('packs every time with its card\'s median and count, and reads back the same medians without unpacking', () => {
    const data = counted(timed).toData();
    expect(data).toEqual({ cards: ['q1', 'q2', 'q3'], medians: [20_001, 1234.5, (1e21 + 0.000001) / 2], counts: [3, 1, 2], ms: '10000,30000,20001,1234.5,1e+21,0.000001' });
    const back = JSON.parse(JSON.stringify(data)) as AnswerTimesData;
    expect(isAnswerTimesData(back)).toBe(true);
    const read = new AnswerTimeCounter(back);
    expect(read.result(all)).toEqual(counted(timed).result(all));
    // Cards no longer in the deck are left out, read back or not.
    expect(read.result(new Set(['q2']))).toEqual([{ card: 'q2', medianMs: 1234.5, count: 1 }]);
    expect(read.toData()).toEqual(data);
  });

  it('goes on with more grades as the counter that was stored would: old cards, new cards, untimed grades', () => {
    const more = [grade('q2', 3, at, { ms: 9000 }), grade('q5', 3, at, { ms: 42 }), grade('q4', 3, at), grade('q2', 3, at, { ms: 8000 })];
    const whole = counted([...timed, ...more]);
    const read = counted(more, JSON.parse(JSON.stringify(counted(timed).toData())) as AnswerTimesData);
    expect(read.result(all)).toEqual(whole.result(all));
    // q2's stored median (1234.5) no longer stands: its new grades move it.
    expect(read.result(all).find((t) => t.card === 'q2')).toEqual({ card: 'q2', medianMs: 8000, count: 3 });
    expect(read.toData()).toEqual(whole.toData());
    // Untimed grades alone leave it packed, and it is stored again as it was read.
    const data = counted(timed).toData();
    expect(counted([grade('q1', 3, at)], data).toData()).toBe(data);
  });

  it('refuses data not in the packed shape: counts and times that do not agree, or times that are not numbers', () => {
    const good: AnswerTimesData = { cards: ['a', 'b'], medians: [2, 1.5], counts: [1, 2], ms: '2,1,2' };
    expect(isAnswerTimesData(good)).toBe(true);
    expect(isAnswerTimesData({ cards: [], medians: [], counts: [], ms: '' })).toBe(true);
    const bad: unknown[] = [
      null,
      'x',
      { ...good, cards: 'ab' },
      { ...good, cards: ['a', 2] },
      { ...good, medians: [2] },
      { ...good, medians: [2, '1.5'] },
      { ...good, medians: [2, Number.NaN] },
      { ...good, medians: [2, -1] },
      { ...good, counts: [1, 2, 1] },
      { ...good, counts: [1, 0] },
      { ...good, counts: [1, 1.5] },
      { ...good, counts: [1, '2'] },
      { ...good, ms: [2, 1, 2] },
      { ...good, ms: '2,1' },
      { ...good, ms: '2,1,2,3' },
      { ...good, ms: '2,,1' },
      { ...good, ms: '2,1,' },
      { ...good, ms: ',2,1' },
      { ...good, ms: '2,1,x' },
      { ...good, ms: '2,1, 2' },
      { ...good, ms: '' },
      { cards: [], medians: [], counts: [], ms: '5' },
    ];
    for (const x of bad) expect(isAnswerTimesData(x), JSON.stringify(x)).toBe(false);
    // Every character a written time can hold.
    expect(isAnswerTimesData({ ...good, ms: '2.5,1e+21,1e-7' })).toBe(true);
  });
});
