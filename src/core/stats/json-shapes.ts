import type { CardKind } from '../deck/types.js';
import type { CardState, StateCounts } from './counts.js';
import type { DeckStats } from './deck-stats.js';
import type { DeckSummary } from './deck-summary.js';
import type { MockSummary } from './mocks.js';
import { localDate } from '../schedule/day.js';

// The shapes below are documented in the README ("Stats and list"): scripts rely on them, so a
// field is only ever added, never renamed or dropped. Dates are ISO 8601 strings, durations are
// milliseconds, shares are 0 to 1, and an absent value is null, never a missing key.

/** One element of `prep list --json`. */
export interface ListJson {
  name: string;
  title: string | null;
  path: string;
  shipped: boolean;
  cards: number | null;
  dueNow: number | null;
  new: number | null;
  interview: string | null;
  daysLeft: number | null;
  lastPractised: string | null;
  error: string | null;
}

/** One card in `prep stats --json`. */
export interface CardJson {
  id: string;
  kind: CardKind;
  state: CardState;
  due: string | null;
  stability: number | null;
  difficulty: number | null;
  reps: number;
  lapses: number;
  lastGrade: number | null;
  recallNow: number | null;
  recallAtInterview: number | null;
  medianMs: number | null;
}

/** `prep stats --json`. */
export interface StatsJson {
  deck: string;
  title: string;
  path: string;
  generatedAt: string;
  interview: string | null;
  daysLeft: number | null;
  counts: StateCounts;
  dueNow: number;
  lastPractised: string | null;
  reviews: { total: number; last30d: number; retention30d: number | null };
  dueForecast: { date: string; count: number }[];
  heatmap: { date: string; count: number }[];
  cards: CardJson[];
  weakest: string[];
  pitch: { target: number | null; attempts: { at: string; ms: number }[]; best: number | null; medianLast5: number | null };
  mocks: MockJson[];
}

/** One rehearsal (`prep mock`) in `prep stats --json`, oldest first: its summary, with the time as an ISO string and no id. */
export type MockJson = Omit<MockSummary, 'id' | 'at'> & { at: string };

function mockJson({ id: _id, at, ...figures }: MockSummary): MockJson {
  return { at: at.toISOString(), ...figures, meanGrade: round(figures.meanGrade) };
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);
/** Four decimals: enough for any decision, without float noise like 0.8999999999999999. */
const round = (x: number | null) => (x === null ? null : Math.round(x * 10_000) / 10_000);

/** A `prep list` line as JSON. */
export function listJson(s: DeckSummary): ListJson {
  return {
    name: s.name,
    title: s.title,
    path: s.path,
    shipped: s.shipped,
    cards: s.cards,
    dueNow: s.dueNow,
    new: s.new,
    interview: iso(s.interview),
    daysLeft: s.daysLeft,
    lastPractised: iso(s.lastPractised),
    error: s.error,
  };
}

/** A deck's stats as JSON. */
export function statsJson(s: DeckStats): StatsJson {
  const times = new Map(s.answerTimes.map((t) => [t.card, t.medianMs]));
  return {
    deck: s.deck.name,
    title: s.deck.title,
    path: s.deck.path,
    generatedAt: s.now.toISOString(),
    interview: iso(s.interview),
    daysLeft: s.daysLeft,
    counts: { ...s.counts },
    dueNow: s.dueNow,
    lastPractised: iso(s.lastPractised),
    reviews: { total: s.reviews.total, last30d: s.reviews.lastWindow, retention30d: round(s.reviews.retention) },
    dueForecast: s.forecast.map((d) => ({ date: localDate(d.day), count: d.count })),
    heatmap: s.heatmap.weeks.flat().flatMap((d) => (d ? [{ date: localDate(d.day), count: d.count }] : [])),
    cards: s.cards.map((c) => ({
      id: c.id,
      kind: c.kind,
      state: c.state,
      due: iso(c.due),
      stability: round(c.stability),
      difficulty: round(c.difficulty),
      reps: c.reps,
      lapses: c.lapses,
      lastGrade: c.lastGrade,
      recallNow: round(c.recallNow),
      recallAtInterview: round(c.recallAtInterview),
      medianMs: times.get(c.id) ?? null,
    })),
    weakest: s.weakest.map((c) => c.id),
    pitch: {
      target: s.pitch.targetSeconds === null ? null : s.pitch.targetSeconds * 1000,
      attempts: s.pitch.attempts.map((a) => ({ at: new Date(a.at).toISOString(), ms: a.ms })),
      best: s.pitch.history.best?.ms ?? null,
      medianLast5: s.pitch.history.medianRecentMs,
    },
    mocks: s.mocks.map(mockJson),
  };
}
