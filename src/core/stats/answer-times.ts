import type { LogRecord } from '../store/log-records.js';
import { median } from '../pitch/history.js';
import { countedGrades } from './log-view.js';

/** How long a card takes to answer: the median time from showing it to the reveal. */
export interface AnswerTime {
  card: string;
  medianMs: number;
  /** Grades the median is taken over. */
  count: number;
}

/**
 * Median time to reveal of every card with timed grades, slowest first (ties by card id, so
 * the order is stable). Only cards in `cardIds` count: a card removed from the deck is history.
 */
export function answerTimes(records: readonly LogRecord[], cardIds: ReadonlySet<string>): AnswerTime[] {
  const times = new Map<string, number[]>();
  for (const g of countedGrades(records)) {
    if (g.ms === undefined || !cardIds.has(g.card)) continue;
    const list = times.get(g.card) ?? [];
    list.push(g.ms);
    times.set(g.card, list);
  }
  return [...times]
    .map(([card, ms]) => ({ card, medianMs: median(ms)!, count: ms.length }))
    .sort((a, b) => b.medianMs - a.medianMs || (a.card < b.card ? -1 : a.card > b.card ? 1 : 0));
}
