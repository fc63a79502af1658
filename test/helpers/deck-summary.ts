import type { DeckSummary } from '../../src/core/stats/deck-summary.js';

/** A deck as `prep list` summarises it. */
export function summary(name: string, over: Partial<DeckSummary> = {}): DeckSummary {
  return {
    name,
    path: `/decks/${name}.yaml`,
    shipped: false,
    title: `${name} title`,
    cards: 5,
    dueNow: 0,
    new: 5,
    interview: null,
    daysLeft: null,
    interviewPast: false,
    recallAtInterview: null,
    hasPitch: true,
    lastPractised: null,
    error: null,
    ...over,
  };
}
