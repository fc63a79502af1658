import { createEmptyCard, State, type Card as FsrsCard, type FSRS, type Grade as FsrsGrade } from 'ts-fsrs';
import type { Card } from '../deck/types.js';
import type { Grade, GradeRecord, LogRecord } from '../store/review-log.js';

/** What prep knows of one card: its FSRS memory state and the grades that built it. */
export interface CardProgress {
  fsrs: FsrsCard;
  /** Grades that count (undone ones removed), oldest first. */
  grades: GradeRecord[];
}

/** A card nobody has graded yet. */
export function emptyProgress(now: Date): CardProgress {
  return { fsrs: createEmptyCard(now), grades: [] };
}

/** Applies one grade with FSRS. A clock that went backwards is treated as "no time passed". */
export function applyGrade(f: FSRS, p: CardProgress, record: GradeRecord): CardProgress {
  let at = new Date(record.at);
  const last = p.fsrs.last_review;
  if (last && at.getTime() < last.getTime()) at = new Date(last);
  const next = f.next(p.fsrs, at, record.grade as FsrsGrade);
  return { fsrs: next.card, grades: [...p.grades, record] };
}

/**
 * Rebuilds every card's progress from the review log, in log order. Undone grades are skipped;
 * grades of cards no longer in the deck are kept in the log but ignored here.
 */
export function replay(
  f: FSRS,
  cards: readonly Card[],
  records: readonly LogRecord[],
  epoch = new Date(0),
): Map<string, CardProgress> {
  const undone = new Set<string>();
  for (const r of records) if (r.type === 'undo') undone.add(r.target);
  const progress = new Map<string, CardProgress>();
  for (const c of cards) progress.set(c.id, emptyProgress(epoch));
  for (const r of records) {
    if (r.type !== 'grade' || undone.has(r.id)) continue;
    const p = progress.get(r.card);
    if (p) progress.set(r.card, applyGrade(f, p, r));
  }
  return progress;
}

/** True once the card has been graded at least once. */
export function isSeen(p: CardProgress): boolean {
  return p.fsrs.state !== State.New;
}

export type { Grade };
