import { State } from 'ts-fsrs';
import type { Card } from '../deck/types.js';
import type { CardProgress } from '../schedule/progress.js';
import { addStudyDays, dayStart } from '../schedule/day.js';
import { newFacts } from '../schedule/card-rows.js';
import { factsReader } from '../schedule/progress-readers.js';

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
  // Read from the facts (the snapshot's columns for a whole deck): no card's progress is made.
  const facts = newFacts();
  const read = factsReader(progress, cards);
  for (let c = 0; c < cards.length; c++) {
    if (!read(c, facts) || facts.state === State.New) continue;
    const due = facts.due;
    // starts[k] is the end of day k - 1; the first day whose end is after `due` holds it.
    let k = 1;
    while (k <= days && !(due < starts[k]!)) k++;
    if (k <= days) out[k - 1]!.count++;
  }
  return out;
}
