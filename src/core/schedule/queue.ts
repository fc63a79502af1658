import { State } from 'ts-fsrs';
import type { Card } from '../deck/types.js';
import type { CardProgress } from './progress.js';
import { newFacts, type ScheduleFacts } from './card-rows.js';
import { factsReader, keysReader } from './progress-readers.js';
import { dayStart, nextDayStart } from './day.js';

/** Learning cards due within this window are shown early when nothing else waits (Anki's learn-ahead). */
export const LEARN_AHEAD_MS = 20 * 60 * 1000;

export type PickReason = 'learning' | 'review' | 'new' | 'learn-ahead';

/** Inputs to the queue that are not card state. */
export interface QueueOptions {
  now: Date;
  /** Daily limit of cards seen for the first time. */
  newPerDay: number;
  /** New cards already introduced in the current study day. */
  newToday: number;
}

// Every pass below reads a card's schedule through its facts (progress-readers.ts): over a
// 10,000-card deck from its snapshot, that makes no object per card.
const isLearning = (p: ScheduleFacts) => p.state === State.Learning || p.state === State.Relearning;

/**
 * Picks the next card of a session: (re)learning cards that are due, then due reviews, then new
 * cards up to the daily limit, then learning cards due within 20 minutes. Ties go to the
 * earliest due, then deck order.
 */
export function pickNext(
  cards: readonly Card[],
  progress: ReadonlyMap<string, CardProgress>,
  opts: QueueOptions,
): { id: string; reason: PickReason } | null {
  const now = opts.now.getTime();
  const endOfDay = nextDayStart(opts.now).getTime();
  let best: { id: string; due: number; rank: number; reason: PickReason } | null = null;
  const consider = (id: string, due: number, rank: number, reason: PickReason) => {
    if (!best || rank < best.rank || (rank === best.rank && due < best.due)) best = { id, due, rank, reason };
  };
  const newAllowed = opts.newToday < opts.newPerDay;
  const p = newFacts();
  const read = factsReader(progress, cards);
  for (let i = 0; i < cards.length; i++) {
    const c = cards[i]!;
    if (!read(i, p)) continue;
    const due = p.due;
    if (isLearning(p)) {
      if (due <= now) consider(c.id, due, 0, 'learning');
      else if (due <= now + LEARN_AHEAD_MS) consider(c.id, due, 3, 'learn-ahead');
    } else if (p.state === State.Review) {
      if (due < endOfDay) consider(c.id, due, 1, 'review');
    } else if (newAllowed) {
      // New cards keep deck order: `due` is the same for all of them, so the first one wins.
      consider(c.id, due, 2, 'new');
    }
  }
  const picked = best as { id: string; reason: PickReason } | null;
  return picked ? { id: picked.id, reason: picked.reason } : null;
}

/**
 * The cards {@link pickNext} can choose from until the study day of `now` ends, in deck order:
 * every card in (re)learning, the reviews due before the day ends, and the first `newPerDay`
 * new cards (new cards are taken in deck order, and no more than that many in a day). Only a
 * grade changes a card's state, and only cards in this list get graded, so a session can pick
 * from it for the rest of the study day instead of scanning a 10,000-card deck at every grade.
 * Cards graded out of reach stay in it; that only costs a look.
 */
export function pickable(cards: readonly Card[], progress: ReadonlyMap<string, CardProgress>, now: Date, newPerDay: number): Card[] {
  const endOfDay = nextDayStart(now).getTime();
  const out: Card[] = [];
  let fresh = 0;
  const p = newFacts();
  const read = factsReader(progress, cards);
  for (let i = 0; i < cards.length; i++) {
    const c = cards[i]!;
    if (!read(i, p)) continue;
    if (isLearning(p)) out.push(c);
    else if (p.state === State.Review) {
      if (p.due < endOfDay) out.push(c);
    } else if (fresh++ < newPerDay) out.push(c);
  }
  return out;
}

/** How many cards the session still holds now (due learning + due reviews + allowed new + learn-ahead). */
export function countWaiting(
  cards: readonly Card[],
  progress: ReadonlyMap<string, CardProgress>,
  opts: QueueOptions,
): number {
  return waitingCards(cards, progress, opts).waiting;
}

/** As {@link countWaiting}, with how many of them are (re)learning cards coming back. */
export function waitingCards(
  cards: readonly Card[],
  progress: ReadonlyMap<string, CardProgress>,
  opts: QueueOptions,
): { waiting: number; learning: number } {
  const now = opts.now.getTime();
  const endOfDay = nextDayStart(opts.now).getTime();
  let waiting = 0;
  let learning = 0;
  let fresh = 0;
  const p = newFacts();
  const read = factsReader(progress, cards);
  for (let i = 0; i < cards.length; i++) {
    if (!read(i, p)) continue;
    const due = p.due;
    if (isLearning(p)) learning += due <= now + LEARN_AHEAD_MS ? 1 : 0;
    else if (p.state === State.Review) waiting += due < endOfDay ? 1 : 0;
    else fresh++;
  }
  return { waiting: waiting + learning + Math.min(fresh, Math.max(0, opts.newPerDay - opts.newToday)), learning };
}

/** The earliest moment any card becomes due, or null when the deck has no scheduled cards. */
export function nextDue(cards: readonly Card[], progress: ReadonlyMap<string, CardProgress>): Date | null {
  let min: number | null = null;
  const p = newFacts();
  const read = factsReader(progress, cards);
  for (let i = 0; i < cards.length; i++) {
    if (!read(i, p) || p.state === State.New) continue;
    const due = p.due;
    if (min === null || due < min) min = due;
  }
  return min === null ? null : new Date(min);
}

/** New cards introduced in the study day containing `now`: cards whose first counted grade falls in it. */
export function newIntroducedToday(progress: ReadonlyMap<string, CardProgress>, now: Date): number {
  const start = dayStart(now).getTime();
  let n = 0;
  const facts = newFacts();
  const { ids, read } = keysReader(progress);
  for (let i = 0; i < ids.length; i++) {
    // A card's last review is never before its first grade: most cards are ruled out without parsing a time.
    if (!read(i, facts) || !(facts.last >= start)) continue;
    const first = progress.get(ids[i]!)!.history.first;
    if (first && new Date(first.at).getTime() >= start) n++;
  }
  return n;
}
