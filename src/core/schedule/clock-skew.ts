import type { CardProgress } from './progress.js';

/**
 * Cards whose last review lies after `now` (graded while the clock ran fast) scheduled from now
 * instead: the same interval, starting now, so a learning step of ten minutes does not become
 * "due in 11 days" once the clock is right. Returns the map itself when no card moved (nothing
 * changes a progress map in place: a change makes a new one), else a new map; and the cards moved, by id.
 */
export function scheduleFromNow(progress: Map<string, CardProgress>, now: Date): { progress: Map<string, CardProgress>; moved: string[] } {
  const moved: string[] = [];
  let out: Map<string, CardProgress> | undefined;
  for (const [id, p] of progress) {
    const last = p.fsrs.last_review;
    if (!last || last.getTime() <= now.getTime()) continue;
    const interval = p.fsrs.due.getTime() - last.getTime();
    // Copied only when a card moves: 10,000 entries copied at every start cost more than the rest of this.
    out ??= new Map(progress);
    out.set(id, { ...p, fsrs: { ...p.fsrs, last_review: new Date(now), due: new Date(now.getTime() + Math.max(0, interval)) } });
    moved.push(id);
  }
  return { progress: out ?? progress, moved };
}

/** The one line said when {@link scheduleFromNow} moved cards. */
export function clockSkewNote(moved: readonly string[]): string {
  const n = moved.length;
  return `${n} card${n === 1 ? ' was' : 's were'} graded at a time later than now (was the clock fast?); ${n === 1 ? 'it is' : 'they are'} scheduled from now`;
}
