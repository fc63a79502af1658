import type { GradeRecord, LogRecord } from '../store/log-records.js';
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
 * Median time to reveal of every card with timed grades, collected one grade at a time (a log
 * can be streamed through it). Only cards in `cardIds` count: a card removed from the deck is history.
 */
export class AnswerTimeCounter {
  private readonly times = new Map<string, number[]>();

  constructor(private readonly cardIds: ReadonlySet<string>) {}

  add(g: GradeRecord): void {
    if (g.ms === undefined || !this.cardIds.has(g.card)) return;
    const list = this.times.get(g.card);
    if (list) list.push(g.ms);
    else this.times.set(g.card, [g.ms]);
  }

  /** Slowest first (ties by card id, so the order is stable). */
  result(): AnswerTime[] {
    return [...this.times]
      .map(([card, ms]) => ({ card, medianMs: median(ms)!, count: ms.length }))
      .sort((a, b) => b.medianMs - a.medianMs || (a.card < b.card ? -1 : a.card > b.card ? 1 : 0));
  }
}

/** Median time to reveal per card of a log's records (see {@link AnswerTimeCounter}). */
export function answerTimes(records: readonly LogRecord[], cardIds: ReadonlySet<string>): AnswerTime[] {
  const counter = new AnswerTimeCounter(cardIds);
  for (const g of countedGrades(records)) counter.add(g);
  return counter.result();
}
