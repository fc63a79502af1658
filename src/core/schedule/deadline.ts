import { State, type FSRS, type Grade as FsrsGrade } from 'ts-fsrs';
import type { Card } from '../deck/types.js';
import type { Grade } from '../store/review-log.js';
import { notBeforeLastReview, recallAt, recallOf, type CardProgress } from './progress.js';
import { newFacts } from './card-rows.js';
import { factsReader } from './progress-readers.js';
import { DAY_MS, dayStart, nextDayStart } from './day.js';
import { GRADES } from './preview.js';

/** How long before the interview the final pass opens (then widened to the start of that study day). */
export const FINAL_PASS_MS = DAY_MS;

/**
 * When the final pass opens: the start (04:00) of the study day that holds the moment 24 hours
 * before the interview. Aligned to a study day so that a morning session the day before an
 * interview at 09:00 counts as the final pass, instead of showing every card twice that day.
 */
export function finalPassStart(interview: Date): Date {
  return dayStart(new Date(interview.getTime() - FINAL_PASS_MS));
}

/** The first moment in [from, to] at which predicted recall falls to `level` (bisection over ts-fsrs' curve). */
function whenRecallFalls(f: FSRS, p: CardProgress, level: number, from: number, to: number): number {
  let lo = from;
  let hi = to;
  while (hi - lo > 60_000) {
    const mid = (lo + hi) / 2;
    if (recallAt(f, p, new Date(mid)) >= level) lo = mid;
    else hi = mid;
  }
  return lo;
}

/**
 * When a card is due, knowing the interview. A pure function of the FSRS state and the clock;
 * the stored FSRS state is never changed, so dropping the date gives plain FSRS back at once.
 *
 * - No interview, or it has started, or the card was never seen: plain FSRS.
 * - Last reviewed before the final pass: FSRS due, but no later than the final pass start, so
 *   no card's next review lands after the interview and every card comes up once in the pass.
 * - Reviewed in the final pass: plain FSRS if predicted recall at the interview is at least the
 *   desired retention; otherwise also due when recall falls to that level, but not before the
 *   next study day (a review card is shown at most once a study day, as in plain FSRS) and only
 *   if that is still before the interview.
 */
export function effectiveDue(f: FSRS, p: CardProgress, interview: Date | null | undefined, now: Date): Date {
  const due = p.fsrs.due;
  const last = p.fsrs.last_review;
  if (!interview || now.getTime() >= interview.getTime() || p.fsrs.state === State.New || !last) return due;
  const start = finalPassStart(interview).getTime();
  if (last.getTime() < start) return due.getTime() <= start ? due : new Date(start);
  const retention = f.parameters.request_retention;
  if (recallAt(f, p, interview) >= retention) return due;
  const falls = whenRecallFalls(f, p, retention, last.getTime(), interview.getTime());
  const again = Math.max(falls, nextDayStart(last).getTime());
  return again < interview.getTime() && again < due.getTime() ? new Date(again) : due;
}

/** The wait each grade would give, interview included: what the grade bar shows (ms). */
export function deadlineIntervals(
  f: FSRS,
  p: CardProgress,
  interview: Date | null | undefined,
  now: Date,
): Record<Grade, number> {
  // A clock gone backwards grades as of the last review (as replay does): no negative wait.
  const preview = f.repeat(p.fsrs, notBeforeLastReview(p.fsrs, now));
  const out = {} as Record<Grade, number>;
  for (const g of GRADES) {
    const next = { fsrs: preview[g as FsrsGrade].card, history: p.history };
    out[g] = effectiveDue(f, next, interview, now).getTime() - now.getTime();
  }
  return out;
}

/**
 * The progress map as the queue should see it: each card's `due` replaced by its
 * {@link effectiveDue}. The same map comes back when there is no interview ahead.
 */
export function deadlineView(
  f: FSRS,
  progress: ReadonlyMap<string, CardProgress>,
  interview: Date | null | undefined,
  now: Date,
): ReadonlyMap<string, CardProgress> {
  if (!interview || now.getTime() >= interview.getTime()) return progress;
  const out = new Map<string, CardProgress>();
  for (const [id, p] of progress) {
    const due = effectiveDue(f, p, interview, now);
    out.set(id, due === p.fsrs.due ? p : { ...p, fsrs: { ...p.fsrs, due } });
  }
  return out;
}

/** The deck's predicted recall at the interview, if nothing more is reviewed; never-seen cards count as 0. */
export function meanRecallAt(
  f: FSRS,
  cards: readonly Card[],
  progress: ReadonlyMap<string, CardProgress>,
  at: Date,
): { mean: number; unseen: number } {
  let sum = 0;
  let unseen = 0;
  const p = newFacts();
  const read = factsReader(progress, cards);
  for (let i = 0; i < cards.length; i++) {
    if (!read(i, p) || p.state === State.New) unseen++;
    else sum += recallOf(f, p, at);
  }
  return { mean: cards.length ? sum / cards.length : 0, unseen };
}

/** The summary's line: "Predicted recall at the interview: 87% (2 cards never seen)"; null once it has started. */
export function describeReadiness(
  f: FSRS,
  cards: readonly Card[],
  progress: ReadonlyMap<string, CardProgress>,
  interview: Date | null | undefined,
  now: Date,
): string | null {
  if (!interview || now.getTime() >= interview.getTime()) return null;
  const { mean, unseen } = meanRecallAt(f, cards, progress, interview);
  const note = unseen === 0 ? '' : unseen === 1 ? ' (1 card never seen)' : ` (${unseen} cards never seen)`;
  return `Predicted recall at the interview: ${Math.round(mean * 100)}%${note}`;
}
