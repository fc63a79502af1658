import type { Deck } from '../deck/types.js';
import type { LogRecord } from '../store/log-records.js';
import { scheduler } from '../schedule/fsrs.js';
import { replayTail, type Replayed } from '../schedule/snapshot.js';
import { deadlineView } from '../schedule/deadline.js';
import { countByState, dueNow } from './counts.js';
import { calendarDaysBetween } from '../schedule/day.js';

/** One line of `prep list`: a deck that loaded, or one that did not and why. */
export interface DeckSummary {
  name: string;
  path: string;
  shipped: boolean;
  /** Null when the deck failed to load. */
  title: string | null;
  cards: number | null;
  dueNow: number | null;
  new: number | null;
  interview: Date | null;
  daysLeft: number | null;
  lastPractised: Date | null;
  /** Why the deck could not be loaded (one line), or null. */
  error: string | null;
}

/** Where a deck was found, as `listDecks` gives it. */
export interface DeckPlace {
  name: string;
  path: string;
  shipped: boolean;
}

/** The `prep list` line of a deck that loaded, from its review log's records (or the progress replayed from them) as of `now`. */
export function summarizeDeck(
  place: DeckPlace,
  deck: Deck,
  log: readonly LogRecord[] | Pick<Replayed, 'progress' | 'lastPractised'>,
  opts: { now: Date; retention: number; interview: Date | null },
): DeckSummary {
  const f = scheduler(opts.retention);
  const stored = Array.isArray(log) ? replayTail(f, opts.retention, deck.cards, log, null, undefined)! : (log as Replayed);
  // Due as the drill sees it: with an interview ahead, no card is due after it.
  const progress = deadlineView(f, stored.progress, opts.interview, opts.now);
  const counts = countByState(deck.cards, progress);
  return {
    ...place,
    title: deck.title,
    cards: counts.total,
    dueNow: dueNow(deck.cards, progress, opts.now),
    new: counts.new,
    interview: opts.interview,
    daysLeft: opts.interview ? calendarDaysBetween(opts.now, opts.interview) : null,
    lastPractised: stored.lastPractised === null ? null : new Date(stored.lastPractised),
    error: null,
  };
}

/** The `prep list` line of a deck that failed to load. */
export function brokenDeck(place: DeckPlace, error: string): DeckSummary {
  return {
    ...place,
    title: null,
    cards: null,
    dueNow: null,
    new: null,
    interview: null,
    daysLeft: null,
    lastPractised: null,
    error,
  };
}
