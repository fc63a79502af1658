import type { LogRecord } from '../store/log-records.js';
import { countedGrades } from './log-view.js';
import { dayStart } from '../schedule/day.js';

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

/** Review counts and true retention over the `days` days up to `now` (30 by default), local time. */
export function reviewSummary(records: readonly LogRecord[], now: Date, days = 30): ReviewSummary {
  // Calendar days, so a change of clocks within the window moves its start by no hour.
  const start = new Date(now);
  start.setDate(start.getDate() - days);
  const from = start.getTime();
  const grades = countedGrades(records);
  let lastWindow = 0;
  let recalled = 0;
  let retentionOf = 0;
  /** Per card: the study day of its first grade, and of its last counted one. */
  const firstDay = new Map<string, number>();
  const countedDay = new Map<string, number>();
  for (const g of grades) {
    const t = Date.parse(g.at);
    const day = dayStart(new Date(t)).getTime();
    const inWindow = t > from && t <= now.getTime();
    if (inWindow) lastWindow++;
    // As Anki counts true retention: only cards already in review (first graded on an earlier
    // study day), and only the first answer of each study day; repeats seconds apart in one
    // session measure nothing remembered.
    const first = firstDay.get(g.card);
    if (inWindow && first !== undefined && first < day && countedDay.get(g.card) !== day) {
      retentionOf++;
      if (g.grade !== 1) recalled++;
    }
    if (first === undefined) firstDay.set(g.card, day);
    if (countedDay.get(g.card) !== day) countedDay.set(g.card, day);
  }
  return { total: grades.length, lastWindow, retention: retentionOf ? recalled / retentionOf : null, retentionOf };
}
