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

/** The order of answer times: slowest first, ties by card id (so the order is stable). */
export function slowerFirst(a: AnswerTime, b: AnswerTime): number {
  return b.medianMs - a.medianMs || (a.card < b.card ? -1 : a.card > b.card ? 1 : 0);
}

/**
 * The first `count` of `times` in the order of {@link slowerFirst}, without sorting them all: the
 * stats show three of 10,000, and sorting them all was a twentieth of `prep stats`.
 */
export function slowestOf(times: readonly AnswerTime[], count: number): AnswerTime[] {
  const out: AnswerTime[] = [];
  if (count <= 0) return out;
  for (const t of times) {
    if (out.length === count && slowerFirst(t, out[count - 1]!) >= 0) continue;
    let k = out.length;
    while (k > 0 && slowerFirst(out[k - 1]!, t) > 0) k--;
    out.splice(k, 0, t);
    if (out.length > count) out.pop();
  }
  return out;
}

/** An {@link AnswerTimeCounter} as plain JSON data: per card, its id and then its times. */
export type AnswerTimesData = [string, ...number[]][];

/**
 * Times to reveal of every card with timed grades, collected one grade at a time (a log can be
 * streamed through it), every card kept, so it can be stored and go on with more grades.
 */
export class AnswerTimeCounter {
  private readonly times = new Map<string, number[]>();

  constructor(data?: AnswerTimesData) {
    if (data) for (const [card, ...ms] of data) this.times.set(card, ms);
  }

  add(g: GradeRecord): void {
    if (g.ms === undefined) return;
    const list = this.times.get(g.card);
    if (list) list.push(g.ms);
    else this.times.set(g.card, [g.ms]);
  }

  /** The median of the cards in `cardIds` (a card removed from the deck is history), in no particular order. */
  medians(cardIds: ReadonlySet<string>): AnswerTime[] {
    return [...this.times].filter(([card]) => cardIds.has(card)).map(([card, ms]) => ({ card, medianMs: median(ms)!, count: ms.length }));
  }

  /** The same, slowest first (see {@link slowerFirst}). */
  result(cardIds: ReadonlySet<string>): AnswerTime[] {
    return this.medians(cardIds).sort(slowerFirst);
  }

  toData(): AnswerTimesData {
    return [...this.times].map(([card, ms]) => [card, ...ms]);
  }
}

/** Median time to reveal per card of a log's records (see {@link AnswerTimeCounter}). */
export function answerTimes(records: readonly LogRecord[], cardIds: ReadonlySet<string>): AnswerTime[] {
  const counter = new AnswerTimeCounter();
  for (const g of countedGrades(records)) counter.add(g);
  return counter.result(cardIds);
}
