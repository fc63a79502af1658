import { computeDecayFactor, createEmptyCard, roundTo, State, type Card as FsrsCard, type FSRS, type Grade as FsrsGrade } from 'ts-fsrs';
import type { Grade, GradeRecord } from '../store/review-log.js';
import { DAY_MS } from './day.js';

/** One counted grade as a summary keeps it. */
export interface GradeMark {
  grade: Grade;
  /** ISO 8601 time of the grade, as logged. */
  at: string;
  /** Time to answer, when it was logged. */
  ms?: number;
}

/**
 * What the screens need of a card's grades, kept up to date grade by grade instead of the list
 * itself: a 10,000-card deck with a year of history would otherwise hold every grade at start.
 * (Reps and lapses are in the FSRS state.)
 */
export interface GradeSummary {
  /** Grades that count (undone ones left out). */
  count: number;
  /** The first counted grade (without its time to answer). */
  first: GradeMark | null;
  last: GradeMark | null;
  /** The newest non-blank typed answer, and when it was graded. */
  typed: { text: string; at: string } | null;
}

/** What prep knows of one card: its FSRS memory state and a summary of the grades that built it. */
export interface CardProgress {
  fsrs: FsrsCard;
  history: GradeSummary;
}

/** The summary of a card never graded. */
export const NO_GRADES: GradeSummary = Object.freeze({ count: 0, first: null, last: null, typed: null });

/** A card nobody has graded yet. */
export function emptyProgress(now: Date): CardProgress {
  return { fsrs: createEmptyCard(now), history: NO_GRADES };
}

/** The summary after one more counted grade. */
export function addGrade(h: GradeSummary, r: GradeRecord): GradeSummary {
  const mark: GradeMark = r.ms === undefined ? { grade: r.grade, at: r.at } : { grade: r.grade, at: r.at, ms: r.ms };
  const typed = r.typed !== undefined && r.typed.trim() !== '' ? { text: r.typed, at: r.at } : h.typed;
  return { count: h.count + 1, first: h.first ?? { grade: r.grade, at: r.at }, last: mark, typed };
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
  return { fsrs: nextState(f, p.fsrs, record), history: addGrade(p.history, record) };
}

/**
 * Predicted recall of the card at `at` if it is not reviewed again (FSRS's forgetting curve over
 * the exact time since the last review); 0 for a card never graded. The one recall figure: the
 * drill, `prep review` and `prep stats` all use it, so their numbers agree.
 */
export function recallAt(f: FSRS, p: CardProgress, at: Date): number {
  const last = p.fsrs.last_review;
  return recallOf(f, { state: p.fsrs.state, last: last ? last.getTime() : Number.NaN, stability: p.fsrs.stability }, at);
}

/** {@link recallAt} from a card's schedule facts (card-rows.ts). */
export function recallOf(f: FSRS, p: { state: State; last: number; stability: number }, at: Date): number {
  if (p.state === State.New || Number.isNaN(p.last)) return 0;
  const days = Math.max(0, (at.getTime() - p.last) / DAY_MS);
  return forgettingCurve(f)(days, p.stability);
}

const curves = new WeakMap<FSRS, (days: number, stability: number) => number>();

/**
 * ts-fsrs' forgetting curve of a scheduler (`f.forgetting_curve`), the same figures by the same
 * steps, but with its decay and factor worked out once: ts-fsrs works them out again at every
 * call (an exp, a log and a power), and the stats ask for the recall of every card of a deck
 * twice. A test holds the two equal, so a new ts-fsrs that changes its curve is caught.
 */
export function forgettingCurve(f: FSRS): (days: number, stability: number) => number {
  let curve = curves.get(f);
  if (!curve) {
    const { decay, factor } = computeDecayFactor(f.parameters.w);
    curve = (days, stability) => roundTo(Math.pow(1 + (factor * days) / stability, decay), 8);
    curves.set(f, curve);
  }
  return curve;
}

/** True once the card has been graded at least once. */
export function isSeen(p: CardProgress): boolean {
  return p.fsrs.state !== State.New;
}

export type { Grade };
