import { describe, expect, it } from 'vitest';
import { scheduler } from '../../../src/core/schedule/fsrs.js';
import { emptyProgress, type CardProgress } from '../../../src/core/schedule/progress.js';
import { rankWeakness, weakCards, weakestFirst, weakness } from '../../../src/core/schedule/weakness.js';
import { question } from '../../helpers/deck.js';
import { progressOf } from '../../helpers/history.js';

const f = scheduler(0.9);
const at = (d: number, h = 10, m = 0) => new Date(2026, 10, d, h, m);
const NOW = at(26, 12);

// Learned on the 1st (Good, Good), then reviewed with these grades on the given days.
const learned = (...later: Array<[number, 1 | 2 | 3 | 4]>) =>
  progressOf([[at(1), 3], [at(1, 10, 10), 3], ...later.flatMap(([d, g]): Array<[Date, 1 | 2 | 3 | 4]> =>
    g === 1 ? [[at(d), 1], [at(d, 10, 10), 3]] : [[at(d), g]])]);

const cards = ['solid', 'forgot-twice', 'last-hard', 'stale', 'slow', 'never'].map((id) =>
  question(id, id === 'slow' ? { seconds: 60 } : {}),
);

function deckProgress(): Map<string, CardProgress> {
  return new Map<string, CardProgress>([
    ['solid', learned([3, 3], [10, 3], [24, 3])],
    ['forgot-twice', learned([3, 3], [8, 1], [14, 1], [24, 3])],
    ['last-hard', learned([3, 3], [10, 3], [24, 2])],
    // Learned once and left: recall has sunk well below 90%.
    ['stale', progressOf([[at(1), 3], [at(1, 10, 10), 3]])],
    // Recalled fine, but the spoken answer ran 95 s against a 60 s target.
    ['slow', progressOf([[at(1), 3], [at(1, 10, 10), 3], [at(3), 3], [at(10), 3], [at(24), 3, 95_000]])],
    ['never', emptyProgress(at(1))],
  ]);
}

describe('weakness', () => {
  it('explains each weak card in one line', () => {
    const p = deckProgress();
    const why = (id: string) => weakness(f, cards.find((c) => c.id === id)!, p.get(id)!, NOW)?.reasons;
    expect(why('forgot-twice')).toMatch(/^forgot 2x · recall now \d+%$/);
    expect(why('last-hard')).toMatch(/^last: Hard · recall now \d+%$/);
    expect(why('slow')).toMatch(/^over time: 1m 35s \/ 1m 0s · recall now \d+%$/);
    expect(why('stale')).toMatch(/^recall now [1-8]\d%$/);
  });

  it('a spoken answer within its target time, or exactly on it, is not over time', () => {
    const timed = question('timed', { seconds: 60 });
    const last = (ms: number) => progressOf([[at(1), 3], [at(1, 10, 10), 3], [at(3), 3], [at(10), 3], [at(24), 3, ms]]);
    expect(weakness(f, timed, last(59_000), NOW)!.overTime).toBeNull();
    expect(weakness(f, timed, last(60_000), NOW)!.overTime).toBeNull();
    expect(weakness(f, timed, last(60_001), NOW)!.overTime).toEqual({ ms: 60_001, targetMs: 60_000 });
    expect(weakness(f, timed, last(60_000), NOW)!.reasons).not.toContain('over time');
  });

  it('never-seen cards are not weak, only new', () => {
    expect(weakness(f, cards[5]!, emptyProgress(at(1)), NOW)).toBeNull();
  });

  it('ranks the weak cards: lapses and a recent Hard before low recall alone; solid cards are left out', () => {
    const weak = weakCards(f, cards, deckProgress(), NOW);
    const ids = weak.map((w) => w.id);
    expect(ids).not.toContain('solid');
    expect(ids).not.toContain('never');
    expect(ids.slice(0, 2)).toEqual(['forgot-twice', 'stale']);
    expect(new Set(ids)).toEqual(new Set(['forgot-twice', 'stale', 'last-hard', 'slow']));
    for (let i = 1; i < weak.length; i++) expect(weak[i - 1]!.score).toBeGreaterThanOrEqual(weak[i]!.score);
  });

  it('--all order: every seen card weakest first, then never-seen cards in deck order', () => {
    const order = weakestFirst(f, [...cards, question('never-2')], new Map([...deckProgress(), ['never-2', emptyProgress(at(1))]]), NOW);
    expect(order.slice(-2)).toEqual(['never', 'never-2']);
    expect(order.indexOf('solid')).toBe(order.length - 3);
    expect(order[0]).toBe('forgot-twice');
  });

  it('a fresh Again puts a card at the top, above a card forgotten long ago', () => {
    const p = new Map<string, CardProgress>([
      ['old-lapse', learned([3, 1], [10, 3], [24, 3])],
      ['just-forgot', progressOf([[at(1), 3], [at(1, 10, 10), 3], [at(3), 3], [at(10), 3], [at(26, 11), 1]])],
    ]);
    const ids = weakCards(f, [question('old-lapse'), question('just-forgot')], p, NOW).map((w) => w.id);
    expect(ids).toEqual(['just-forgot', 'old-lapse']);
  });
});

describe('the first few weak cards (prep stats, prep review --limit)', () => {
  // 300 cards: many share a history (equal scores, so deck order decides), some run over time,
  // some were never graded; the few asked for must be exactly the head of the full ranking.
  const many = Array.from({ length: 300 }, (_, i) => question(`c${i}`, i % 7 === 0 ? { seconds: 60 } : {}));
  const shapes = [
    () => learned([3, 3], [10, 3], [24, 3]),
    () => learned([3, 3], [8, 1], [14, 1], [24, 3]),
    () => learned([3, 3], [10, 3], [24, 2]),
    () => progressOf([[at(1), 3], [at(1, 10, 10), 3]]),
    () => progressOf([[at(1), 3], [at(1, 10, 10), 3], [at(3), 3], [at(10), 3], [at(24), 3, 95_000]]),
    () => learned([2, 1], [5, 1], [9, 1], [20, 1]),
    // Forgotten three times, the last time lately (Again, not yet relearned, and slow): top
    // scores whose lapses, last grade and time outweigh a low recall, so the search must bound
    // them by their lapses and time target.
    () => progressOf([[at(1), 3], [at(1, 10, 10), 3], [at(3), 3], [at(8), 1], [at(8, 10, 10), 3], [at(14), 1], [at(14, 10, 10), 3], [at(26, 11), 1, 95_000]]),
    () => progressOf([[at(1), 3], [at(1, 10, 10), 3], [at(3), 3], [at(8), 1], [at(8, 10, 10), 3], [at(14), 1], [at(14, 10, 10), 3], [at(26, 8), 1, 95_000]]),
    () => progressOf([[at(1), 3], [at(1, 10, 10), 3], [at(3), 3], [at(8), 1], [at(8, 10, 10), 3], [at(14), 1], [at(14, 10, 10), 3], [at(25, 20), 1]]),
    () => emptyProgress(at(1)),
  ];
  let a = 11;
  const rand = () => ((a = (a * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const progress = new Map(many.map((c) => [c.id, shapes[Math.floor(rand() * shapes.length)]!()]));

  it.each([1, 2, 5, 40, 299, 400])('limit %i gives the same cards, reasons and order as the full ranking cut there', (limit) => {
    const all = weakCards(f, many, progress, NOW);
    expect(all.length).toBeGreaterThan(100);
    expect(weakCards(f, many, progress, NOW, limit)).toEqual(all.slice(0, limit));
  });

  it('measures past the first cards by bound when the weakest lie deeper: each card once, in order', () => {
    // Every card learned once at its own hour (recalls all differ), every ninth forgotten since:
    // far more cards can hold the weakest places than the first band the search sorts.
    const spread = Array.from({ length: 200 }, (_, i) => question(`s${i}`));
    const p = new Map(spread.map((c, i) => {
      const start = new Date(at(1).getTime() + i * 5 * 3_600_000);
      const later = new Date(start.getTime() + 2 * 86_400_000);
      return [c.id, progressOf(i % 9 === 0 ? [[start, 3], [later, 1]] : [[start, 3]])];
    }));
    const all = weakCards(f, spread, p, NOW);
    expect(new Set(all.map((w) => Math.round(w.recall * 1e6))).size).toBeGreaterThan(100);
    for (const limit of [1, 2, 5, 20, 60]) expect(weakCards(f, spread, p, NOW, limit)).toEqual(all.slice(0, limit));
  });

  it('a limit of 0 gives none', () => {
    expect(weakCards(f, many, progress, NOW, 0)).toEqual([]);
  });
});

describe('the weakest few among cards far weaker than the rest', () => {
  // Cards forgotten again and again, the last time just now and over their time: their scores pass
  // anything a card recalled well could reach, so the search may stop early. Wherever the deck
  // lists them, the few asked for are the head of the full ranking.
  const hammered = (again: number, ms: number) =>
    progressOf([[at(1), 3], [at(1, 10, 10), 3], [at(3), 1], [at(3, 10, 10), 3], [at(8), 1], [at(8, 10, 10), 3], [at(14), 1], [at(14, 10, 10), 3], [at(again), 1, ms]]);
  const shapes: Record<string, () => CardProgress> = {
    worst: () => hammered(20, 95_000),
    bad: () => hammered(25, 95_000),
    solid: () => progressOf([[at(1), 3], [at(1, 10, 10), 3], [at(3), 3], [at(10), 3], [at(26, 11), 4]]),
    fine: () => progressOf([[at(1), 3], [at(1, 10, 10), 3], [at(3), 3], [at(10), 3], [at(24), 3]]),
  };
  const ids = Object.keys(shapes);
  const orders: string[][] = [];
  const permute = (rest: string[], head: string[] = []): void => {
    if (rest.length === 0) orders.push(head);
    rest.forEach((id, i) => permute([...rest.slice(0, i), ...rest.slice(i + 1)], [...head, id]));
  };
  permute(ids);

  it.each([1, 2, 3])('limit %i: in each of the 24 deck orders, the head of the full ranking', (limit) => {
    const progress = new Map(ids.map((id) => [id, shapes[id]!()]));
    const ranked = rankWeakness(f, ids.map((id) => question(id, { seconds: 60 })), progress, NOW);
    // The two hammered cards are the weakest, far above the rest.
    expect(ranked.slice(0, 2).map((w) => w.id)).toEqual(['worst', 'bad']);
    expect(ranked[1]!.score).toBeGreaterThan(ranked[2]!.score + 2);
    for (const order of orders) {
      const deckCards = order.map((id) => question(id, { seconds: 60 }));
      const all = weakCards(f, deckCards, progress, NOW);
      expect(weakCards(f, deckCards, progress, NOW, limit), order.join(' ')).toEqual(all.slice(0, limit));
    }
  });
});
