import { State } from 'ts-fsrs';
import type { Card } from '../deck/types.js';
import type { CardProgress } from '../schedule/progress.js';
import { addStudyDays, dayStart } from '../schedule/day.js';

/** Reviews falling due in one study day. */
export interface DayCount {
  /** Start of the study day (04:00 local). */
  day: Date;
  count: number;
}

/**
 * How many seen cards fall due on each of the next `days` study days, today first. Today also
 * holds everything overdue; new cards are not scheduled yet and are left out, as are cards due
 * after the last day.
 */
export function dueForecast(
  cards: readonly Card[],
  progress: ReadonlyMap<string, CardProgress>,
  now: Date,
  days = 14,
): DayCount[] {
  const today = dayStart(now);
  const starts = Array.from({ length: days + 1 }, (_, i) => addStudyDays(today, i).getTime());
  const out: DayCount[] = starts.slice(0, days).map((t) => ({ day: new Date(t), count: 0 }));
  for (const c of cards) {
    const p = progress.get(c.id);
    if (!p || p.fsrs.state === State.New) continue;
    const due = p.fsrs.due.getTime();
    // starts[i + 1] is the end of day i; the first day whose end is after `due` holds it.
    const i = starts.findIndex((_, k) => k > 0 && due < starts[k]!) - 1;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: findIndex over days + 1 starts with k > 0 gives at most days - 1 here
    if (i >= 0 && i < days) out[i]!.count++;
  }
  return out;
}
