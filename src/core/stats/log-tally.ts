import type { GradeRecord, LogRecord, MockRecord, PitchRecord } from '../store/log-records.js';
import { AnswerTimeCounter, isAnswerMedians, timesFit, type AnswerTime, type AnswerTimesData } from './answer-times.js';
import { DayCounts, heatmapOf, type DayCountsData, type Heatmap } from './heatmap.js';
import { studyDayOf } from '../schedule/day.js';
import { ReviewTally, windowStart, type ReviewSummary, type ReviewTallyData } from './retention.js';

/** The window of the review counts, in days, and of the calendar, in weeks. */
export const REVIEW_WINDOW_DAYS = 30;
export const HEATMAP_WEEKS = 12;

/** A {@link LogTally} as plain JSON data, to store beside a deck's snapshot. */
export interface LogTallyData {
  reviews: ReviewTallyData;
  days: DayCountsData;
  times: AnswerTimesData;
  pitch: PitchRecord[];
  mocks: MockRecord[];
}

/**
 * A stored tally as the two lines of its file (tally-store.ts): first all that the figures are
 * drawn from (the totals, the recent grades, the calendar, each card's median answer time, the
 * pitch runs and rehearsals), then what only counting more records needs (each card's first and
 * last study day, every answer time). A `prep stats` with no records after the tally parses the
 * first line alone: at 10,000 cards and 50,000 grades, 300 KB of the file's 1 MB.
 */
export type TallyLines = [figures: TallyFigures, history: TallyHistory];
export interface TallyFigures {
  reviews: Omit<ReviewTallyData, 'cards'>;
  days: DayCountsData;
  times: Omit<AnswerTimesData, 'ms'>;
  pitch: PitchRecord[];
  mocks: MockRecord[];
}
export interface TallyHistory {
  cards: ReviewTallyData['cards'];
  ms: string;
}

/** Tally data as the two lines stored (see {@link TallyLines}). */
export function tallyLines(data: LogTallyData): TallyLines {
  const { cards, ...reviews } = data.reviews;
  const { ms, ...times } = data.times;
  return [{ reviews, days: data.days, times, pitch: data.pitch, mocks: data.mocks }, { cards, ms }];
}

/** The figures of `prep stats` that only the whole log gives. */
export interface LogFigures {
  reviews: ReviewSummary;
  heatmap: Heatmap;
  /** The median time to reveal of each timed deck card, in no particular order (answer-times.ts orders them); a new list at each call. */
  answerMedians(): AnswerTime[];
  /** The first `count` of those, slowest first (answer-times.ts slowerFirst). */
  slowest(count: number): AnswerTime[];
  /** Timed pitch runs, oldest first, deleted ones left out. */
  attempts: PitchRecord[];
  /** Rehearsals, oldest first. */
  mocks: MockRecord[];
}

/**
 * Everything `prep stats` counts from a deck's log, one record at a time in log order. None of
 * it depends on the day it is asked on, so the tally of a log's first part can be stored (with
 * the grades of the last month one by one) and go on with the records after it: `prep stats`
 * then reads only the log's tail. Study days follow the local time zone: a tally counted in
 * another zone does not fit (see tally-store.ts).
 */
export class LogTally {
  private readonly reviews: ReviewTally;
  private readonly days: DayCounts;
  private readonly times: AnswerTimeCounter;
  private readonly pitch: PitchRecord[];
  private readonly mocks: MockRecord[];
  /** One study-day function for both counts: a year of grades falls in 35,000 quarter hours, each worked out once. */
  private readonly dayOf = studyDayOf();

  /**
   * `keepFrom`: the earliest window start (ms) this tally will be asked for; see {@link windowFrom}.
   * `figuresOnly`: `data` was read without its history (each card's study days, every answer
   * time): it can give its figures, but not count more records or be stored again.
   */
  constructor(
    keepFrom: number,
    data?: LogTallyData,
    private readonly figuresOnly = false,
  ) {
    this.reviews = new ReviewTally(keepFrom, data?.reviews);
    this.days = new DayCounts(data?.days);
    this.times = new AnswerTimeCounter(data?.times);
    this.pitch = data ? [...data.pitch] : [];
    this.mocks = data ? [...data.mocks] : [];
  }

  /** Counts one record of the deck stored under `key`; `undone` holds every id an undo in the whole log cancels. */
  add(r: LogRecord, undone: ReadonlySet<string>, key: string): void {
    this.whole();
    if (r.type === 'pitch') {
      // A deleted attempt is an undo's target: it no longer counts.
      if (r.deck === key && !undone.has(r.id)) this.pitch.push(r);
      return;
    }
    if (r.type === 'mock') {
      // Rehearsals are logged under the progress key, like pitch runs (not the name: they differ for a deck outside the decks folder).
      if (r.deck === key) this.mocks.push(r);
      return;
    }
    if (r.type !== 'grade' || undone.has(r.id)) return;
    const g = r as GradeRecord;
    const t = Date.parse(g.at);
    const day = this.dayOf(t);
    this.reviews.add(g, t, day);
    this.days.add(t, day);
    this.times.add(g);
  }

  /** Throws for a tally read for its figures only, which holds too little to go on counting. */
  private whole(): void {
    if (this.figuresOnly) throw new Error('a tally read for its figures only cannot count more records');
  }

  /** The tally as the two lines stored (see {@link TallyLines}). */
  toLines(keepFrom?: number): TallyLines {
    return tallyLines(this.toData(keepFrom));
  }

  /** True when the tally can give the figures as of `now` (it kept every grade of that window). */
  answersFor(now: Date): boolean {
    return this.reviews.answersFor(now, REVIEW_WINDOW_DAYS);
  }

  /** The figures as of `now` for a deck of `cardIds`; null when `now` is earlier than the tally was kept for. */
  figures(now: Date, cardIds: ReadonlySet<string>): LogFigures | null {
    const reviews = this.reviews.summary(now, REVIEW_WINDOW_DAYS);
    // Stryker disable next-line ConditionalExpression: every caller asks answersFor(now) first (a fresh tally answers for its own now)
    if (!reviews) return null;
    return {
      reviews,
      heatmap: heatmapOf(this.days, now, HEATMAP_WEEKS),
      answerMedians: () => this.times.medians(cardIds),
      slowest: (count) => this.times.slowest(cardIds, count),
      attempts: [...this.pitch],
      mocks: [...this.mocks],
    };
  }

  /** The tally as data, keeping one by one only the grades a window starting at or after `keepFrom` needs. */
  toData(keepFrom?: number): LogTallyData {
    this.whole();
    return { reviews: this.reviews.toData(keepFrom), days: this.days.toData(), times: this.times.toData(), pitch: this.pitch, mocks: this.mocks };
  }
}

/**
 * The earliest window start a tally stored at `now` must answer for: the window of `now` itself,
 * a day early for a clock set back a little. A `prep stats` whose window starts even earlier (its
 * clock behind the drill's by more than a day) counts the whole log instead.
 */
export function windowFrom(now: Date): number {
  return windowStart(now, REVIEW_WINDOW_DAYS + 1);
}

// Stryker disable next-line ConditionalExpression,LogicalOperator: Number.isFinite is false for anything not a number
const isNum = (x: unknown) => typeof x === 'number' && Number.isFinite(x);
// Stryker disable next-line ConditionalExpression,LogicalOperator: each use reads a field next, which rejects a list or text, or throws on null and parsed() (stored-tally.ts) turns that into null
const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const numbers = (x: unknown) => Array.isArray(x) && x.every(isNum);

/**
 * A stored tally back from its two lines (see {@link TallyLines}), or null when they are not in
 * the shape this build writes (the file was checked against its digest already; this only keeps
 * a damaged one from throwing). Without `history`, the tally is read for its figures only: it
 * cannot count more records (see {@link LogTally}).
 */
export function tallyFromLines(figures: unknown, history?: unknown): LogTally | null {
  // Stryker disable next-line ConditionalExpression,LogicalOperator: a line that is not an object throws on the next line, and parsed() (stored-tally.ts) turns that into null
  if (!isObj(figures) || !isObj(figures.reviews)) return null;
  const r = figures.reviews;
  if (!isNum(r.total) || !isNum(r.keepFrom) || !numbers(r.recent)) return null;
  if (!numbers(figures.days) || !isAnswerMedians(figures.times)) return null;
  if (!Array.isArray(figures.pitch) || !figures.pitch.every((p) => isObj(p) && p.type === 'pitch')) return null;
  if (!Array.isArray(figures.mocks) || !figures.mocks.every((m) => isObj(m) && m.type === 'mock')) return null;
  const f = figures as unknown as TallyFigures;
  if (history === undefined) return new LogTally(Number.NEGATIVE_INFINITY, { ...f, reviews: { ...f.reviews, cards: [] }, times: { ...f.times, ms: '' } }, true);
  if (!isObj(history) || !Array.isArray(history.cards) || history.cards.length % 3 !== 0) return null;
  if (!history.cards.every((x, i) => (i % 3 === 0 ? typeof x === 'string' : isNum(x)))) return null;
  if (!timesFit(history.ms, f.times.counts)) return null;
  return new LogTally(Number.NEGATIVE_INFINITY, { ...f, reviews: { ...f.reviews, cards: history.cards as (string | number)[] }, times: { ...f.times, ms: history.ms } });
}
