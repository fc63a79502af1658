import { progressKey } from '../deck/progress-key.js';
import type { Deck } from '../deck/types.js';
import type { LogRecord, PitchRecord } from '../store/log-records.js';
import { scheduler } from '../schedule/fsrs.js';
import { replayFrom } from '../schedule/snapshot.js';
import type { ReplaySnapshot } from '../store/snapshot-store.js';
import { scheduleFromNow } from '../schedule/clock-skew.js';
import { deadlineView } from '../schedule/deadline.js';
import { weakCards } from '../schedule/weakness.js';
import { pitchAttempts, pitchStats, type PitchStats } from '../pitch/history.js';
import { answerTimes, type AnswerTime } from './answer-times.js';
import { countByState, dueNow, type StateCounts } from './counts.js';
import { calendarDaysBetween } from '../schedule/day.js';
import { dueForecast, type DayCount } from './forecast.js';
import { reviewHeatmap, type Heatmap } from './heatmap.js';
import { lastPractised } from './log-view.js';
import { cardStats, lowestAtInterview, type CardStat } from './recall.js';
import { reviewSummary, type ReviewSummary } from './retention.js';
import { mockRecords, summarizeMock, type MockSummary } from './mocks.js';

/** How many weakest cards the stats show. */
export const WEAKEST_SHOWN = 5;
/** The pitch target when a deck with timed runs no longer has a pitch card (the deck default). */
const FALLBACK_PITCH_SECONDS = 30;

/** What the stats of one deck are computed from. Everything time-dependent uses `now`. */
export interface DeckStatsInput {
  deck: Deck;
  records: readonly LogRecord[];
  now: Date;
  /** Desired retention of the scheduler (settings). */
  retention: number;
  interview: Date | null;
  /** The deck's replay snapshot, if any: only the records after it go through FSRS again. */
  snapshot?: ReplaySnapshot | null;
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
  /** Every card, in deck order. */
  cards: CardStat[];
  /** Cards with a recall at the interview, lowest first (empty without an interview ahead). */
  atInterview: CardStat[];
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
  /** Median time to reveal per card, slowest first. */
  answerTimes: AnswerTime[];
  /** Every rehearsal (`prep mock`), oldest first. */
  mocks: MockSummary[];
}

/** Computes every figure of a deck from its review log, as of `now`. */
export function deckStats(input: DeckStatsInput): DeckStats {
  const { deck, records, now, retention, interview } = input;
  const f = scheduler(retention);
  // Due dates as the drill sees them: with an interview ahead, none lands after it.
  const replayed = scheduleFromNow(replayFrom(f, retention, deck.cards, records, input.snapshot).progress, now).progress;
  const progress = deadlineView(f, replayed, interview, now);
  const cards = cardStats(f, deck.cards, progress, now, interview);
  const byId = new Map(cards.map((c) => [c.id, c]));
  // Exactly the cards `prep weak` would drill, in its order: one function for both.
  const weakest = weakCards(f, deck.cards, replayed, now)
    .slice(0, WEAKEST_SHOWN)
    .map((w) => ({ ...byId.get(w.id)!, reasons: w.reasons }));
  const pitchCard = deck.cards.find((c) => c.kind === 'pitch');
  const targetSeconds = pitchCard ? (pitchCard.seconds ?? FALLBACK_PITCH_SECONDS) : null;
  const attempts = pitchAttempts(records, progressKey(deck));
  const atInterview = lowestAtInterview(cards);
  // One recall function (schedule/progress.ts) for stats, review and the drill, so their figures agree.
  const meanAtInterview = atInterview.length ? atInterview.reduce((a, c) => a + c.recallAtInterview!, 0) / cards.length : null;
  return {
    deck: { name: deck.name, title: deck.title, path: deck.path },
    now,
    retention,
    interview,
    daysLeft: interview ? calendarDaysBetween(now, interview) : null,
    counts: countByState(deck.cards, progress),
    dueNow: dueNow(deck.cards, progress, now),
    lastPractised: lastPractised(records),
    reviews: reviewSummary(records, now, 30),
    forecast: dueForecast(deck.cards, progress, now, 14),
    heatmap: reviewHeatmap(records, now, 12),
    cards,
    atInterview,
    meanAtInterview,
    unseen: cards.filter((c) => c.state === 'new').length,
    weakest,
    pitch: { targetSeconds, attempts, history: pitchStats(attempts, targetSeconds ?? FALLBACK_PITCH_SECONDS) },
    answerTimes: answerTimes(records, new Set(deck.cards.map((c) => c.id))),
    mocks: mockRecords(records, deck.name).map(summarizeMock),
  };
}
