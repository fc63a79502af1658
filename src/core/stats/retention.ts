import type { GradeRecord, LogRecord } from '../store/log-records.js';
import { countedGrades } from './log-view.js';

/** What the log says about reviewing, all time and over a recent window. */
export interface ReviewSummary {
  /** Grades ever given (undone ones not counted). */
  total: number;
  /** Grades given in the window. */
  lastWindow: number;
  /**
   * Share of the window's reviews of already-seen cards not graded Again, from 0 to 1; null
   * when there were none. A card's first grade is left out: it measures nothing remembered.
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
  private readonly seen = new Set<string>();
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
    const inWindow = t > this.from && t <= this.to;
    if (inWindow) this.lastWindow++;
    if (inWindow && this.seen.has(g.card)) {
      this.retentionOf++;
      if (g.grade !== 1) this.recalled++;
    }
    this.seen.add(g.card);
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
