import type { Deck } from '../deck/types.js';
import type { LogRecord } from '../store/log-records.js';
import { scheduler } from '../schedule/fsrs.js';
import { replayTail, type Replayed } from '../schedule/snapshot.js';
import { scheduleFromNow } from '../schedule/clock-skew.js';
import { deadlineView, meanRecallAt } from '../schedule/deadline.js';
import { interviewPassed } from '../schedule/interview.js';
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
  /** True once the interview has started: shown as past, sorted last. */
  interviewPast: boolean;
  /** The deck's mean predicted recall at an interview ahead (never-seen cards count as 0); else null. */
  recallAtInterview: number | null;
  /** True when the deck has a pitch to time. */
  hasPitch: boolean;
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
  const replayed = scheduleFromNow(stored.progress, opts.now).progress;
  const progress = deadlineView(f, replayed, opts.interview, opts.now);
  const counts = countByState(deck.cards, progress);
  const past = opts.interview !== null && interviewPassed(opts.interview, opts.now);
  return {
    ...place,
    title: deck.title,
    cards: counts.total,
    dueNow: dueNow(deck.cards, progress, opts.now),
    new: counts.new,
    interview: opts.interview,
    daysLeft: opts.interview ? calendarDaysBetween(opts.now, opts.interview) : null,
    interviewPast: past,
    recallAtInterview: opts.interview && !past ? meanRecallAt(f, deck.cards, replayed, opts.interview).mean : null,
    hasPitch: deck.cards.some((c) => c.kind === 'pitch'),
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
    interviewPast: false,
    recallAtInterview: null,
    hasPitch: false,
    lastPractised: null,
    error,
  };
}

/** Where a deck stands in the order: an interview ahead, then none, then one passed, then broken. */
function rank(d: DeckSummary): number {
  if (d.error !== null) return 3;
  if (!d.interview) return 1;
  return d.interviewPast ? 2 : 0;
}

const PLAIN = /^[a-z0-9]*$/;

/**
 * Names in the order of localeCompare. Names of lower-case letters and digits only sort the same
 * by their code units, which spares a start the collator (the first localeCompare sets one up,
 * and that cost `prep list` a tenth of its time).
 */
export function byName(a: string, b: string): number {
  if (PLAIN.test(a) && PLAIN.test(b)) return a < b ? -1 : a > b ? 1 : 0;
  return a.localeCompare(b);
}

/**
 * The order of `prep list` and the home screen: the nearest interview first, then the decks
 * without one, then those whose interview has passed, then the ones that did not load; within
 * each, the most due first, then by name. A new array; the input is left as it was.
 */
export function deckOrder(decks: readonly DeckSummary[]): DeckSummary[] {
  return [...decks].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      (rank(a) === 0 ? a.interview!.getTime() - b.interview!.getTime() : 0) ||
      (b.dueNow ?? 0) - (a.dueNow ?? 0) ||
      byName(a.name, b.name),
  );
}
