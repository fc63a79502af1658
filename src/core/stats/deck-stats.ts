import { progressKey } from '../deck/progress-key.js';
import type { Deck } from '../deck/types.js';
import type { LogRecord, PitchRecord } from '../store/log-records.js';
import { scheduler } from '../schedule/fsrs.js';
import { replayTail, type Replayed } from '../schedule/snapshot.js';
import { scheduleFromNow } from '../schedule/clock-skew.js';
import { deadlineView } from '../schedule/deadline.js';
import { weakCards } from '../schedule/weakness.js';
import { pitchStats, type PitchStats } from '../pitch/history.js';
import { slowerFirst, type AnswerTime } from './answer-times.js';
import { countByState, dueNow, type StateCounts } from './counts.js';
import { calendarDaysBetween } from '../schedule/day.js';
import { dueForecast, type DayCount } from './forecast.js';
import type { Heatmap } from './heatmap.js';
import { DeckCards, RECALL_SHOWN, type CardStat } from './recall.js';
import type { ReviewSummary } from './retention.js';
import { LogTally, windowFrom, type LogFigures } from './log-tally.js';
import { summarizeMock, type MockSummary } from './mocks.js';

/** How many weakest cards the stats show. */
export const WEAKEST_SHOWN = 5;
/** How many of the slowest cards to answer the stats show. */
export const SLOWEST_SHOWN = 3;
/** The pitch target when a deck with timed runs no longer has a pitch card (the deck default). */
const FALLBACK_PITCH_SECONDS = 30;

/**
 * What the stats of one deck are computed from: the log's records, or (at the size of a year's
 * history) the progress already replayed from the deck's snapshot and a pass that streams the
 * log's records once for the counts. Everything time-dependent uses `now`.
 */
export type DeckStatsInput = {
  deck: Deck;
  now: Date;
  /** Desired retention of the scheduler (settings). */
  retention: number;
  interview: Date | null;
} & (
  | { records: readonly LogRecord[] }
  | {
      stored: Replayed;
      /** Visits the records not counted in `tally`: the whole log, or only what follows a stored tally. */
      eachRecord: (visit: (r: LogRecord) => void) => void;
      /** The log's first part already counted (see tally-store.ts); it must answer for `now` ({@link LogTally.answersFor}). */
      tally?: LogTally;
    }
);

/** The counts only the whole log gives, in one pass over its records (or over those after a stored tally). */
function countLog(input: DeckStatsInput, undone: ReadonlySet<string>): LogFigures {
  const key = progressKey(input.deck);
  const cardIds = new Set(input.deck.cards.map((c) => c.id));
  const stored = 'tally' in input ? input.tally : undefined;
  // Counted afresh, only the grades of this window are kept one by one.
  const tally = stored ?? new LogTally(windowFrom(input.now));
  const visit = (r: LogRecord) => tally.add(r, undone, key);
  if ('records' in input) input.records.forEach(visit);
  else input.eachRecord(visit);
  const figures = tally.figures(input.now, cardIds);
  // Stryker disable next-line ConditionalExpression: a fresh tally answers for its own now; a stored one is checked by the caller (answersFor)
  if (!figures) throw new Error('the stored tally does not reach back to this window');
  return figures;
}

/** A weak card and why, in the words of `prep review`. */
export type WeakCard = CardStat & { reasons: string };

/** Every figure of `prep stats`, ready to draw or to print as JSON. */
export interface DeckStats {
  deck: { name: string; title: string; path: string };
  now: Date;
  /** The desired retention the recall figures are measured against. */
  retention: number;
  interview: Date | null;
  /** Calendar days until the interview: 0 on the day, negative once it has passed. */
  daysLeft: number | null;
  counts: StateCounts;
  dueNow: number;
  lastPractised: Date | null;
  /** Reviews all time and over the last 30 days, with true retention. */
  reviews: ReviewSummary;
  /** The next 14 study days, today first. */
  forecast: DayCount[];
  /** The last 12 weeks of reviews. */
  heatmap: Heatmap;
  /** Every card, in deck order (made when first read: the picture needs only a few). */
  readonly cards: CardStat[];
  /** Cards with a recall at the interview, lowest first (empty without an interview ahead). */
  atInterview: CardStat[];
  /** The seen cards of lowest recall now, lowest first: as many as the stats list, and the next one. */
  lowestNow: CardStat[];
  /** Mean predicted recall at the interview over every card, never-seen ones as 0 (as the drill's summary). */
  meanAtInterview: number | null;
  /** Cards never seen, which count as 0 in that mean. */
  unseen: number;
  /** The weakest seen cards, ranked by the weakness score of `prep review`. */
  weakest: WeakCard[];
  pitch: {
    /** The pitch card's target in seconds; null when the deck has no pitch card. */
    targetSeconds: number | null;
    /** Every timed run, oldest first. */
    attempts: PitchRecord[];
    /** Best, recent median and the runs to chart, as `prep pitch` shows them. */
    history: PitchStats;
  };
  /** Median time to reveal per card, slowest first (sorted when first read: the picture needs only {@link slowest}). */
  readonly answerTimes: AnswerTime[];
  /** The first {@link SLOWEST_SHOWN} of those, with the text each card is shown by. */
  slowest: (AnswerTime & { prompt: string })[];
  /** Every rehearsal (`prep mock`), oldest first. */
  mocks: MockSummary[];
}

/**
 * Where the cards `ids` are in `cards` (the first of each id, or -1), found in one pass that stops
 * once all are found: the eight cards the stats name, out of 10,000, without a scan for each (about
 * 13 ms in a profile at 10,000 cards) or a map of every id.
 */
function positionsOf(cards: readonly { id: string }[], ids: readonly string[]): (id: string) => number {
  const want = new Set(ids);
  const at = new Map<string, number>();
  for (let i = 0; i < cards.length && at.size < want.size; i++) {
    const id = cards[i]!.id;
    if (want.has(id) && !at.has(id)) at.set(id, i);
  }
  return (id) => at.get(id) ?? -1;
}

/** Computes every figure of a deck from its review log, as of `now`. */
export function deckStats(input: DeckStatsInput): DeckStats {
  const { deck, now, retention, interview } = input;
  const f = scheduler(retention);
  const stored = 'stored' in input ? input.stored : replayTail(f, retention, deck.cards, input.records, null, undefined)!;
  // Due dates as the drill sees them: with an interview ahead, none lands after it.
  const replayed = scheduleFromNow(stored.progress, now).progress;
  const progress = deadlineView(f, replayed, interview, now);
  const counted = countLog(input, stored.undone);
  const cards = new DeckCards(f, deck.cards, progress, now, interview);
  // Exactly the cards `prep weak` would drill, in its order: one function for both.
  const weak = weakCards(f, deck.cards, replayed, now, WEAKEST_SHOWN);
  const slow = counted.slowest(SLOWEST_SHOWN);
  const position = positionsOf(deck.cards, [...weak.map((w) => w.id), ...slow.map((t) => t.card)]);
  const weakest = weak.map((w) => ({ ...cards.at(position(w.id)), reasons: w.reasons }));
  const pitchCard = deck.cards.find((c) => c.kind === 'pitch');
  const targetSeconds = pitchCard ? (pitchCard.seconds ?? FALLBACK_PITCH_SECONDS) : null;
  const { attempts } = counted;
  const atInterview = cards.lowestAtInterview();
  // One recall function (schedule/progress.ts) for stats, review and the drill, so their figures agree.
  const meanAtInterview = atInterview.length ? atInterview.reduce((a, c) => a + c.recallAtInterview!, 0) / cards.length : null;
  let all: CardStat[] | undefined;
  let times: AnswerTime[] | undefined;
  return {
    deck: { name: deck.name, title: deck.title, path: deck.path },
    now,
    retention,
    interview,
    daysLeft: interview ? calendarDaysBetween(now, interview) : null,
    counts: countByState(deck.cards, progress),
    dueNow: dueNow(deck.cards, progress, now),
    lastPractised: stored.lastPractised === null ? null : new Date(stored.lastPractised),
    reviews: counted.reviews,
    forecast: dueForecast(deck.cards, progress, now, 14),
    heatmap: counted.heatmap,
    get cards() {
      return (all ??= cards.all());
    },
    atInterview,
    lowestNow: cards.lowestNow(RECALL_SHOWN + 1),
    meanAtInterview,
    unseen: cards.unseen,
    weakest,
    pitch: { targetSeconds, attempts, history: pitchStats(attempts, targetSeconds ?? FALLBACK_PITCH_SECONDS) },
    get answerTimes() {
      return (times ??= counted.answerMedians().sort(slowerFirst));
    },
    // Timed cards are deck cards (the tally gives only those), so each has a position.
    slowest: slow.map((t) => ({ ...t, prompt: cards.at(position(t.card)).prompt })),
    mocks: counted.mocks.map(summarizeMock),
  };
}
