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

/** Grades per study day, as plain JSON data: study-day starts (ms) and counts, flat. */
export type DayCountsData = number[];

/**
 * Grades per study day, counted one grade at a time (a log can be streamed through it). Days roll
 * over at 04:00 as in the drill, so a session after midnight counts for the evening before. It
 * does not depend on the day it is drawn on, so it can be stored and go on with more grades.
 */
export class DayCounts {
  private readonly byDay = new Map<number, number>();
  private readonly dayOf = studyDayOf();

  constructor(data?: DayCountsData) {
    if (data) for (let i = 0; i + 1 < data.length; i += 2) this.byDay.set(data[i]!, data[i + 1]!);
  }

  /** Counts a grade given at `t` (ms since 1970), whose study day is `day` when already known. */
  add(t: number, day = this.dayOf(t)): void {
    this.byDay.set(day, (this.byDay.get(day) ?? 0) + 1);
  }

  /** Grades on the study day starting at `day` (ms). */
  on(day: number): number {
    return this.byDay.get(day) ?? 0;
  }

  toData(): DayCountsData {
    return [...this.byDay].flat();
  }
}

/** The calendar of the last `weeks` weeks, ending with the week of `now`, from grades per study day. */
export function heatmapOf(counts: DayCounts, now: Date, weeks = 12): Heatmap {
  const today = dayStart(now).getTime();
  // Monday of this week: getDay() is 0 on Sunday.
  const monday = addStudyDays(new Date(today), -((new Date(today).getDay() + 6) % 7));
  const first = addStudyDays(monday, -7 * (weeks - 1));
  const days = Array.from({ length: weeks * 7 }, (_, i) => addStudyDays(first, i).getTime());
  const max = Math.max(0, ...days.filter((d) => d <= today).map((d) => counts.on(d)));
  const grid: (HeatDay | null)[][] = [];
  days.forEach((d, i) => {
    if (i % 7 === 0) grid.push([]);
    const count = counts.on(d);
    grid[grid.length - 1]!.push(d > today ? null : { day: new Date(d), count, level: heatLevel(count, max) });
  });
  return { weeks: grid, max };
}

/** The review calendar of a log's records (see {@link DayCounts} and {@link heatmapOf}). */
export function reviewHeatmap(records: readonly LogRecord[], now: Date, weeks = 12): Heatmap {
  const counts = new DayCounts();
  for (const g of countedGrades(records)) counts.add(Date.parse(g.at));
  return heatmapOf(counts, now, weeks);
}
