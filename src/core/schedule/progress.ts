import { createEmptyCard, State, type Card as FsrsCard, type FSRS, type Grade as FsrsGrade } from 'ts-fsrs';
import type { Grade, GradeRecord } from '../store/review-log.js';
import { DAY_MS } from './day.js';

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

/**
 * `at`, or the card's last review when `at` is earlier: the clock went backwards (or the log
 * came from a machine whose clock ran ahead). FSRS refuses negative time, so that counts as
 * "no time passed".
 */
export function notBeforeLastReview(card: FsrsCard, at: Date): Date {
  const last = card.last_review;
  return last && at.getTime() < last.getTime() ? new Date(last) : at;
}

/** The FSRS state after one grade. A clock that went backwards is treated as "no time passed". */
export function nextState(f: FSRS, card: FsrsCard, record: GradeRecord): FsrsCard {
  return f.next(card, notBeforeLastReview(card, new Date(record.at)), record.grade as FsrsGrade).card;
}

/** Applies one grade with FSRS. */
export function applyGrade(f: FSRS, p: CardProgress, record: GradeRecord): CardProgress {
  return { fsrs: nextState(f, p.fsrs, record), grades: [...p.grades, record] };
}

/**
 * Predicted recall of the card at `at` if it is not reviewed again (FSRS's forgetting curve over
 * the exact time since the last review); 0 for a card never graded. The one recall figure: the
 * drill, `prep review` and `prep stats` all use it, so their numbers agree.
 */
export function recallAt(f: FSRS, p: CardProgress, at: Date): number {
  const last = p.fsrs.last_review;
  if (p.fsrs.state === State.New || !last) return 0;
  const days = Math.max(0, (at.getTime() - last.getTime()) / DAY_MS);
  return f.forgetting_curve(days, p.fsrs.stability);
}

/** True once the card has been graded at least once. */
export function isSeen(p: CardProgress): boolean {
  return p.fsrs.state !== State.New;
}

export type { Grade };
