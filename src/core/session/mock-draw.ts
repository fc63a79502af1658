import type { FSRS } from 'ts-fsrs';
import type { Card, Deck } from '../deck/types.js';
import type { CardProgress } from '../schedule/progress.js';
import { weakness } from '../schedule/weakness.js';

/** How many questions a mock asks unless told otherwise. */
export const DEFAULT_MOCK_QUESTIONS = 5;

/** `random`: weighted towards weak and little-practised cards; `deck`: the deck's order. */
export type MockOrder = 'random' | 'deck';

/**
 * A small seeded generator (mulberry32 over a hash of the seed text): the same `--seed`
 * draws the same questions from the same deck and history.
 */
export function seededRandom(seed: string): () => number {
  let h = 1779033703 ^ seed.length;
  for (let i = 0; i < seed.length; i++) {
    h = Math.imul(h ^ seed.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  return mulberry32(h);
}

/** mulberry32: numbers in [0, 1), the same for the same `seed` (the benchmarks use it too). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// A never-graded card weighs as much as a fairly weak one; each grade given makes a card a
// little less likely, and the weakness score of `prep review` adds on top.
const BASE = 0.5;
const LITTLE_PRACTISED = 1.5;

/** How likely a question is to be drawn: more for weak cards and for cards graded few times. */
export function drawWeight(f: FSRS, card: Card, p: CardProgress | undefined, now: Date): number {
  const w = p ? weakness(f, card, p, now) : null;
  const graded = p?.history.count ?? 0;
  return BASE + (w?.score ?? 0) + LITTLE_PRACTISED / (1 + graded);
}

/**
 * The questions of a mock: `count` of the deck's question cards (all when there are fewer),
 * drawn without repeats with probability proportional to `drawWeight`, or the first ones in
 * deck order.
 */
export function drawQuestions(
  f: FSRS,
  deck: Deck,
  progress: ReadonlyMap<string, CardProgress>,
  now: Date,
  opts: { count: number; order: MockOrder; random: () => number },
): Card[] {
  const questions = deck.cards.filter((c) => c.kind === 'question');
  if (opts.order === 'deck') return questions.slice(0, opts.count);
  const pool = questions.map((c) => ({ card: c, weight: drawWeight(f, c, progress.get(c.id), now) }));
  const out: Card[] = [];
  while (out.length < opts.count && pool.length > 0) {
    const total = pool.reduce((a, x) => a + x.weight, 0);
    let r = opts.random() * total;
    let i = 0;
    while (i < pool.length - 1 && r >= pool[i]!.weight) r -= pool[i++]!.weight;
    out.push(pool.splice(i, 1)[0]!.card);
  }
  return out;
}

/** The one "ask them" card that closes a mock: drawn from the deck's ask cards, if it has any. */
export function drawAsk(deck: Deck, opts: { order: MockOrder; random: () => number }): Card | undefined {
  const asks = deck.cards.filter((c) => c.kind === 'ask');
  if (asks.length === 0) return undefined;
  return opts.order === 'deck' ? asks[0] : asks[Math.floor(opts.random() * asks.length)];
}
