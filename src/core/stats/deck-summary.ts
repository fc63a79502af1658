import type { Deck } from '../deck/types.js';
import type { LogRecord } from '../store/log-records.js';
import { scheduler } from '../schedule/fsrs.js';
import { replayFrom } from '../schedule/snapshot.js';
import type { ReplaySnapshot } from '../store/snapshot-store.js';
import { scheduleFromNow } from '../schedule/clock-skew.js';
import { deadlineView } from '../schedule/deadline.js';
import { countByState, dueNow } from './counts.js';
import { calendarDaysBetween } from '../schedule/day.js';
import { lastPractised } from './log-view.js';

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

/** The `prep list` line of a deck that loaded, from its review log as of `now`. */
export function summarizeDeck(
  place: DeckPlace,
  deck: Deck,
  records: readonly LogRecord[],
  opts: { now: Date; retention: number; interview: Date | null; snapshot?: ReplaySnapshot | null },
): DeckSummary {
  const f = scheduler(opts.retention);
  // Due as the drill sees it: with an interview ahead, no card is due after it.
  const replayed = scheduleFromNow(replayFrom(f, opts.retention, deck.cards, records, opts.snapshot).progress, opts.now).progress;
  const progress = deadlineView(f, replayed, opts.interview, opts.now);
  const counts = countByState(deck.cards, progress);
  return {
    ...place,
    title: deck.title,
    cards: counts.total,
    dueNow: dueNow(deck.cards, progress, opts.now),
    new: counts.new,
    interview: opts.interview,
    daysLeft: opts.interview ? calendarDaysBetween(opts.now, opts.interview) : null,
    lastPractised: lastPractised(records),
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
