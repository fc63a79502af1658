import { State } from 'ts-fsrs';
import type { Card } from '../deck/types.js';
import type { CardProgress } from '../schedule/progress.js';
import { countWaiting } from '../schedule/queue.js';
import { newFacts } from '../schedule/card-rows.js';
import { factsReader } from '../schedule/progress-readers.js';

/** A card's FSRS state, by name. */
export type CardState = 'new' | 'learning' | 'review' | 'relearning';

/** FSRS states by name. */
export const STATE_NAMES: Record<State, CardState> = {
  [State.New]: 'new',
  [State.Learning]: 'learning',
  [State.Review]: 'review',
  [State.Relearning]: 'relearning',
};

/** How many cards are in each state. */
export type StateCounts = Record<CardState, number> & { total: number };

/** Counts the deck's cards by state; a card without progress counts as new. */
export function countByState(cards: readonly Card[], progress: ReadonlyMap<string, CardProgress>): StateCounts {
  const counts: StateCounts = { new: 0, learning: 0, review: 0, relearning: 0, total: cards.length };
  const facts = newFacts();
  const read = factsReader(progress, cards);
  for (let i = 0; i < cards.length; i++) counts[read(i, facts) ? STATE_NAMES[facts.state] : 'new']++;
  return counts;
}

/**
 * Cards `prep drill` would show now, new ones left out: (re)learning cards due now or within
 * its learn-ahead window, and reviews due before the study day ends.
 */
export function dueNow(cards: readonly Card[], progress: ReadonlyMap<string, CardProgress>, now: Date): number {
  return countWaiting(cards, progress, { now, newPerDay: 0, newToday: 0 });
}
