import { newFacts } from './card-rows.js';
import type { CardProgress } from './progress.js';
import { keysReader } from './progress-readers.js';
import { ProgressTable } from './progress-table.js';

/**
 * Cards whose last review lies after `now` (graded while the clock ran fast) scheduled from now
 * instead: the same interval, starting now, so a learning step of ten minutes does not become
 * "due in 11 days" once the clock is right. Returns the map itself when no card moved (nothing
 * changes a progress map in place: a change makes a new one), else a new map; and the cards moved, by id.
 */
export function scheduleFromNow(
  progress: ReadonlyMap<string, CardProgress>,
  now: Date,
): { progress: ReadonlyMap<string, CardProgress>; moved: string[] } {
  const moved = new Map<string, CardProgress>();
  const facts = newFacts();
  // Read from the facts (columns over a table): a card's progress is made only when it moves.
  const { ids, read } = keysReader(progress);
  const at = now.getTime();
  for (let i = 0; i < ids.length; i++) {
    if (!read(i, facts) || !(facts.last > at)) continue;
    const id = ids[i]!;
    const p = progress.get(id)!;
    const interval = facts.due - facts.last;
    moved.set(id, { ...p, fsrs: { ...p.fsrs, last_review: new Date(now), due: new Date(now.getTime() + Math.max(0, interval)) } });
  }
  if (moved.size === 0) return { progress, moved: [] };
  // Copied only when a card moves: 10,000 entries copied at every start cost more than the rest of this.
  const out = progress instanceof ProgressTable ? progress.with(moved) : new Map([...progress, ...moved]);
  return { progress: out, moved: [...moved.keys()] };
}

/** The one line said when {@link scheduleFromNow} moved cards. */
export function clockSkewNote(moved: readonly string[]): string {
  const n = moved.length;
  return `${n} card${n === 1 ? ' was' : 's were'} graded at a time later than now (was the clock fast?); ${n === 1 ? 'it is' : 'they are'} scheduled from now`;
}
