import type { Card, Deck } from '../../src/core/deck/types.js';

/** A question card with sensible defaults. */
export function question(id: string, extra: Partial<Card> = {}): Card {
  return {
    id,
    kind: 'question',
    prompt: `Question ${id}?`,
    answer: `Answer ${id}.`,
    points: [`point of ${id}`],
    tags: [],
    line: 1,
    ...extra,
  };
}

/** A deck of `n` question cards named q1..qn, built without YAML. */
export function makeDeck(n: number, extra: Partial<Deck> = {}): Deck {
  return {
    name: 'test',
    path: '/decks/test.yaml',
    title: 'Test deck',
    cards: Array.from({ length: n }, (_, i) => question(`q${i + 1}`)),
    ...extra,
  };
}
