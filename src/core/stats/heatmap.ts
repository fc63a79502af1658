import type { LogRecord } from '../store/log-records.js';
import { addStudyDays, dayStart, studyDayOf } from '../schedule/day.js';
import { countedGrades } from './log-view.js';

/** One day of the review calendar. */
export interface HeatDay {
  /** Start of the study day (04:00 local). */
  day: Date;
  /** Grades given that study day (undone ones not counted). */
  count: number;
  /** 0 for none, then 1 to 4 by quarters of the busiest day. */
  level: 0 | 1 | 2 | 3 | 4;
}

/** A GitHub-style calendar: one column per week, Monday to Sunday. */
export interface Heatmap {
  /** Oldest week first; each holds 7 days, null for days after today. */
  weeks: (HeatDay | null)[][];
  /** Grades on the busiest day shown (0 when there were none). */
  max: number;
}

/** The level of `count` when the busiest day had `max` grades. */
export function heatLevel(count: number, max: number): HeatDay['level'] {
  // Stryker disable next-line ConditionalExpression,EqualityOperator,LogicalOperator: no day exceeds the busiest, and 0 of any max is level 0 below; the guard keeps 0 of 0 from being NaN
  if (count <= 0 || max <= 0) return 0;
  return Math.min(4, Math.ceil((4 * count) / max)) as HeatDay['level'];
}

/**
 * Grades per study day over the last `weeks` weeks, ending with the week of `now`, counted one
 * grade at a time (a log can be streamed through it). Days roll over at 04:00 as in the drill,
 * so a session after midnight counts for the evening before.
 */
export class HeatmapCounter {
  private readonly today: Date;
  private readonly days: Date[];
  private readonly from: number;
  private readonly byDay = new Map<number, number>();
  private readonly dayOf = studyDayOf();

  constructor(now: Date, weeks = 12) {
    this.today = dayStart(now);
    // Monday of this week: getDay() is 0 on Sunday.
    const monday = addStudyDays(this.today, -((this.today.getDay() + 6) % 7));
    const first = addStudyDays(monday, -7 * (weeks - 1));
    this.days = Array.from({ length: weeks * 7 }, (_, i) => addStudyDays(first, i));
    this.from = first.getTime();
  }

  /** Counts a grade given at `at` (ISO time); older ones cost one comparison. */
  add(at: string): void {
    const t = Date.parse(at);
    // Stryker disable next-line ConditionalExpression: an older grade would only be counted under a day never shown; this saves the work
    if (!(t >= this.from)) return;
    const key = this.dayOf(t);
    this.byDay.set(key, (this.byDay.get(key) ?? 0) + 1);
  }

  result(): Heatmap {
    const today = this.today.getTime();
    const shown = this.days.filter((d) => d.getTime() <= today);
    const max = Math.max(0, ...shown.map((d) => this.byDay.get(d.getTime()) ?? 0));
    const grid: (HeatDay | null)[][] = [];
    this.days.forEach((d, i) => {
      if (i % 7 === 0) grid.push([]);
      const count = this.byDay.get(d.getTime()) ?? 0;
      grid[grid.length - 1]!.push(d.getTime() > today ? null : { day: d, count, level: heatLevel(count, max) });
    });
    return { weeks: grid, max };
  }
}

/** The review calendar of a log's records (see {@link HeatmapCounter}). */
export function reviewHeatmap(records: readonly LogRecord[], now: Date, weeks = 12): Heatmap {
  const counter = new HeatmapCounter(now, weeks);
  for (const g of countedGrades(records)) counter.add(g.at);
  return counter.result();
}
