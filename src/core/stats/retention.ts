import type { GradeRecord, LogRecord } from '../store/log-records.js';
import { countedGrades } from './log-view.js';
import { studyDayOf } from '../schedule/day.js';

/** What the log says about reviewing, all time and over a recent window. */
export interface ReviewSummary {
  /** Grades ever given (undone ones not counted). */
  total: number;
  /** Grades given in the window. */
  lastWindow: number;
  /**
   * Share of the window's reviews not graded Again, from 0 to 1; null when there were none.
   * Counted as Anki does: the first answer of a study day, for cards first graded on an earlier day.
   */
  retention: number | null;
  /** Reviews the retention is computed from. */
  retentionOf: number;
}

/**
 * Review counts and true retention over the `days` days up to `now` (30 by default), local
 * time, counted one grade at a time in log order (a log can be streamed through it).
 */
export class ReviewCounter {
  private readonly from: number;
  private readonly to: number;
  /** Per card: the study day of its first grade, and of its last counted one. */
  private readonly firstDay = new Map<string, number>();
  private readonly countedDay = new Map<string, number>();
  private readonly dayOf = studyDayOf();
  private total = 0;
  private lastWindow = 0;
  private recalled = 0;
  private retentionOf = 0;

  constructor(now: Date, days = 30) {
    // Calendar days, so a change of clocks within the window moves its start by no hour.
    const start = new Date(now);
    start.setDate(start.getDate() - days);
    this.from = start.getTime();
    this.to = now.getTime();
  }

  add(g: GradeRecord): void {
    this.total++;
    const t = Date.parse(g.at);
    const day = this.dayOf(t);
    const inWindow = t > this.from && t <= this.to;
    if (inWindow) this.lastWindow++;
    // As Anki counts true retention: only cards already in review (first graded on an earlier
    // study day), and only the first answer of each study day; repeats seconds apart in one
    // session measure nothing remembered.
    const first = this.firstDay.get(g.card);
    // Stryker disable next-line ConditionalExpression,EqualityOperator: a card's first grade sets countedDay to its day, so countedDay !== day already implies first !== undefined and first < day
    if (inWindow && first !== undefined && first < day && this.countedDay.get(g.card) !== day) {
      this.retentionOf++;
      if (g.grade !== 1) this.recalled++;
    }
    // Stryker disable next-line ConditionalExpression: only whether a first day exists is read (as above), and grades come in log order
    if (first === undefined) this.firstDay.set(g.card, day);
    // Stryker disable next-line ConditionalExpression: setting the same day again changes nothing
    if (this.countedDay.get(g.card) !== day) this.countedDay.set(g.card, day);
  }

  result(): ReviewSummary {
    const { total, lastWindow, recalled, retentionOf } = this;
    return { total, lastWindow, retention: retentionOf ? recalled / retentionOf : null, retentionOf };
  }
}

/** Review counts and true retention of a log's records (see {@link ReviewCounter}). */
export function reviewSummary(records: readonly LogRecord[], now: Date, days = 30): ReviewSummary {
  const counter = new ReviewCounter(now, days);
  for (const g of countedGrades(records)) counter.add(g);
  return counter.result();
}
