import type { LogRecord } from '../store/log-records.js';
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

/** Review counts and true retention over the `days` days up to `now` (30 by default), local time. */
export function reviewSummary(records: readonly LogRecord[], now: Date, days = 30): ReviewSummary {
  // Calendar days, so a change of clocks within the window moves its start by no hour.
  const start = new Date(now);
  start.setDate(start.getDate() - days);
  const from = start.getTime();
  const seen = new Set<string>();
  const grades = countedGrades(records);
  let lastWindow = 0;
  let recalled = 0;
  let retentionOf = 0;
  for (const g of grades) {
    const t = Date.parse(g.at);
    const inWindow = t > from && t <= now.getTime();
    if (inWindow) lastWindow++;
    if (inWindow && seen.has(g.card)) {
      retentionOf++;
      if (g.grade !== 1) recalled++;
    }
    seen.add(g.card);
  }
  return { total: grades.length, lastWindow, retention: retentionOf ? recalled / retentionOf : null, retentionOf };
}
