import { State, type FSRS } from 'ts-fsrs';
import type { Card } from '../deck/types.js';
import type { Grade } from '../store/review-log.js';
import { isSeen, recallAt, type CardProgress } from './progress.js';
import { newFacts, type ScheduleFacts } from './card-rows.js';
import { factsReader, progressReader, recallsAt } from './progress-readers.js';
import { formatDuration, GRADE_NAMES } from './preview.js';

/** Why a card counts as weak, and how weak: the higher the score, the weaker. */
export interface Weakness {
  id: string;
  score: number;
  /** Predicted recall now (the forgetting curve, as everywhere in prep), 0..1. */
  recall: number;
  /** Times the card was forgotten after it had been learned (FSRS lapses). */
  lapses: number;
  /** The most recent counted grade. */
  last: Grade;
  /** The last answer's time against the card's `seconds` target, when it ran over. */
  overTime: { ms: number; targetMs: number } | null;
  /** The reasons as one line: "forgot 2x · last: Hard · recall now 61%". */
  reasons: string;
}

// Weights of the score. Recall counts most, as it is what the interview tests; a recent Again
// outweighs an old lapse; running over time matters for spoken answers but less than forgetting.
const W_RECALL = 3;
const W_LAPSE = 0.5;
const MAX_LAPSES_COUNTED = 3;
const W_LAST: Record<Grade, number> = { 1: 1.5, 2: 0.75, 3: 0, 4: 0 };
const W_OVER_TIME = 0.5;

/** A card's weakness before its reasons are put in words (only the few shown need them). */
type Measured = Omit<Weakness, 'reasons'>;

function measure(f: FSRS, card: Card, p: CardProgress, now: Date): Measured | null {
  const lastRecord = p.history.last;
  if (!isSeen(p) || !lastRecord) return null;
  const recall = recallAt(f, p, now);
  const lapses = p.fsrs.lapses;
  const last = lastRecord.grade;
  const targetMs = card.seconds === undefined ? undefined : card.seconds * 1000;
  const overTime =
    targetMs !== undefined && lastRecord.ms !== undefined && lastRecord.ms > targetMs ? { ms: lastRecord.ms, targetMs } : null;
  const score =
    W_RECALL * (1 - recall) +
    W_LAPSE * Math.min(lapses, MAX_LAPSES_COUNTED) +
    W_LAST[last] +
    (overTime ? W_OVER_TIME : 0);
  return { id: card.id, score, recall, lapses, last, overTime };
}

function withReasons(w: Measured): Weakness {
  const { lapses, last, overTime, recall } = w;
  const reasons = [
    lapses > 0 ? `forgot ${lapses}x` : null,
    last <= 2 ? `last: ${GRADE_NAMES[last]}` : null,
    overTime ? `over time: ${formatDuration(overTime.ms)} / ${formatDuration(overTime.targetMs)}` : null,
    `recall now ${Math.round(recall * 100)}%`,
  ].filter((r): r is string => r !== null);
  return { ...w, reasons: reasons.join(' · ') };
}

/** How weak one card is now, or null for a card never graded (unseen cards are not weak, only new). */
export function weakness(f: FSRS, card: Card, p: CardProgress, now: Date): Weakness | null {
  const w = measure(f, card, p, now);
  return w && withReasons(w);
}

/**
 * True when the card shows a sign of weakness: recall now below the desired retention, a lapse,
 * a last grade of Again or Hard, or a last spoken answer over its target time.
 */
export function isWeak(w: Omit<Weakness, 'reasons'>, retention: number): boolean {
  return w.recall < retention || w.lapses > 0 || w.last <= 2 || w.overTime !== null;
}

/** Every seen card's weakness without its reasons, weakest first; ties keep deck order. */
function measuredRanking(f: FSRS, cards: readonly Card[], progress: ReadonlyMap<string, CardProgress>, now: Date): Measured[] {
  const out: Measured[] = [];
  for (const c of cards) {
    const p = progress.get(c.id);
    const w = p ? measure(f, c, p, now) : null;
    if (w) out.push(w);
  }
  // Array.prototype.sort is stable, so equal scores stay in deck order.
  return out.sort((a, b) => b.score - a.score);
}

/** Every seen card's weakness, weakest first; ties keep deck order. */
export function rankWeakness(
  f: FSRS,
  cards: readonly Card[],
  progress: ReadonlyMap<string, CardProgress>,
  now: Date,
): Weakness[] {
  return measuredRanking(f, cards, progress, now).map(withReasons);
}

/** The weak cards only, weakest first (what `prep review` drills), at most `limit` of them. */
export function weakCards(
  f: FSRS,
  cards: readonly Card[],
  progress: ReadonlyMap<string, CardProgress>,
  now: Date,
  limit = Number.POSITIVE_INFINITY,
): Weakness[] {
  const retention = f.parameters.request_retention;
  // Stryker disable next-line ConditionalExpression: both ways give the same cards (the bounded search is tested against the full ranking)
  if (Number.isInteger(limit) && limit > 0) return fewestWeak(f, cards, progress, now, limit).map(withReasons);
  return measuredRanking(f, cards, progress, now)
    .filter((w) => isWeak(w, retention))
    .slice(0, limit)
    .map(withReasons);
}

/** The most the last grade can add to a score (a last Again). */
const MOST_FOR_LAST = Math.max(...Object.values(W_LAST));
/** Rounding room: a score summed in another order may differ from its bound in the last bits. */
const ROOM = 1e-9;
/** The first band of cards sorted by bound holds this many per card asked for (see fewestWeak). */
const BAND = 4;

/**
 * The highest score a card can have, from its recall now and its schedule facts: its recall and lapses as they are,
 * the last grade at its worst (Again), and over time when it has a time target. Never below the
 * card's {@link measure}d score (up to rounding, see ROOM).
 */
function scoreBound(recall: number, facts: ScheduleFacts, card: Card): number {
  return (
    W_RECALL * (1 - recall) +
    W_LAPSE * Math.min(facts.lapses, MAX_LAPSES_COUNTED) +
    MOST_FOR_LAST +
    (card.seconds === undefined ? 0 : W_OVER_TIME)
  );
}

/**
 * The first `limit` weak cards of {@link measuredRanking}, measuring only the cards that can be
 * among them (what `prep stats` shows: 5 of 10,000). A card's recall and lapses are read from its
 * schedule facts (the snapshot's columns), which bound its score; cards are measured in the order
 * of that bound, highest first, until the next bound is below the weakest score kept.
 */
function fewestWeak(f: FSRS, cards: readonly Card[], progress: ReadonlyMap<string, CardProgress>, now: Date, limit: number): Measured[] {
  const retention = f.parameters.request_retention;
  const facts = newFacts();
  const read = factsReader(progress, cards);
  const progressAt = progressReader(progress, cards);
  // The recall of every card now, as the stats' other pass over the deck reads it (made once for both).
  const recall = recallsAt(f, progress, cards, now);
  const bound = new Float64Array(cards.length);
  const seen: number[] = [];
  // The bounds of the seen cards, in the same pass (a Float64Array.from with a function per card
  // cost a few ms more, run once before V8 compiles it); sorted below.
  const bounds = new Float64Array(cards.length);
  for (let i = 0; i < cards.length; i++) {
    // Stryker disable next-line ConditionalExpression,LogicalOperator: a new card let through is measured as not weak (measure returns null)
    if (!read(i, facts) || facts.state === State.New) continue;
    // A bound that cannot be told (NaN, from a damaged stability) rules nothing out.
    const b = scoreBound(recall[i]!, facts, cards[i]!);
    bound[i] = Number.isNaN(b) ? Number.POSITIVE_INFINITY : b;
    bounds[seen.length] = bound[i]!;
    seen.push(i);
  }
  // The weak cards measured so far, weakest first, ties in deck order: at most `limit` kept.
  const kept: { w: Measured; at: number }[] = [];
  // Cards in the order of their bound, highest first, ties in deck order, as one sort of them all
  // would give, but sorted a band at a time: the highest few bounds, then a band four times as
  // wide, and so on. The search stops within the first band or two: sorting 10,000 cards to
  // measure twenty was most of its time.
  const ascending = bounds.subarray(0, seen.length).sort();
  const sorted = new Uint8Array(cards.length);
  for (let width = BAND * limit, taken = 0; taken < seen.length; width *= 4) {
    const floor = ascending[Math.max(0, seen.length - taken - width)]!;
    const band = seen.filter((i) => sorted[i] === 0 && bound[i]! >= floor).sort((a, b) => bound[b]! - bound[a]!);
    for (const i of band) sorted[i] = 1;
    for (const i of band) {
      if (kept.length >= limit && bound[i]! + ROOM < kept[kept.length - 1]!.w.score) return kept.map((k) => k.w);
      const w = measure(f, cards[i]!, progressAt(i)!, now);
      if (!w || !isWeak(w, retention)) continue;
      let k = kept.length;
      while (k > 0 && (kept[k - 1]!.w.score < w.score || (kept[k - 1]!.w.score === w.score && kept[k - 1]!.at > i))) k--;
      kept.splice(k, 0, { w, at: i });
      if (kept.length > limit) kept.pop();
    }
    taken += band.length;
  }
  return kept.map((k) => k.w);
}

/** Every card for practice: seen cards weakest first, then never-seen cards in deck order. */
export function weakestFirst(
  f: FSRS,
  cards: readonly Card[],
  progress: ReadonlyMap<string, CardProgress>,
  now: Date,
): string[] {
  const seen = measuredRanking(f, cards, progress, now).map((w) => w.id);
  const ranked = new Set(seen);
  return [...seen, ...cards.filter((c) => !ranked.has(c.id)).map((c) => c.id)];
}
