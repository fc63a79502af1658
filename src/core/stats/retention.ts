import type { GradeRecord, LogRecord } from '../store/log-records.js';
import { countedGrades } from './log-view.js';
import { studyDayOf } from '../schedule/day.js';

/** What the log says about reviewing, all time and over a recent window. */
export interface ReviewSummary {
  /** Grades ever given (undone ones not counted). */
  total: number;
  /** Grades given in the window. */
  lastWindow: number;
  /**
   * Share of the window's reviews not graded Again, from 0 to 1; null when there were none.
   * Counted as Anki does: the first answer of a study day, for cards first graded on an earlier day.
   */
  retention: number | null;
  /** Reviews the retention is computed from. */
  retentionOf: number;
}

/** A recent grade, as kept: not a test of memory, a test forgotten (Again), or one recalled. */
const PLAIN = 0;
const FORGOT = 1;
const RECALLED = 2;

/** A {@link ReviewTally} as plain JSON data, to store and take up again. */
export interface ReviewTallyData {
  total: number;
  /** Per card: its id and the study days (ms) of its first and of its last counted grade, flat. */
  cards: (string | number)[];
  /** Grades at or before this time (ms) are not kept one by one. */
  keepFrom: number;
  /** The grades after `keepFrom`, flat: time (ms) and what the grade tested (see PLAIN...). */
  recent: number[];
}

/** Where the window of `days` calendar days up to `now` starts (exclusive), in ms. */
export function windowStart(now: Date, days = 30): number {
  // Calendar days, so a change of clocks within the window moves its start by no hour.
  const start = new Date(now);
  start.setDate(start.getDate() - days);
  return start.getTime();
}

/**
 * The part of the review counts that does not depend on the time they are asked for: every grade
 * counted one at a time in log order (a log can be streamed through it), each card's first and
 * last study day, and the grades after `keepFrom` one by one, with whether each counts toward
 * true retention. So it can be stored after one part of a log and go on with the next part, and
 * answer for any window that starts at or after `keepFrom` ({@link summary}).
 */
export class ReviewTally {
  private total = 0;
  private keepFrom: number;
  private recent: number[] = [];
  /** Cards as stored, decoded the first time a grade needs them. */
  private stored: (string | number)[] | undefined;
  private days: Map<string, { first: number; last: number }> | undefined;
  private readonly dayOf = studyDayOf();

  constructor(keepFrom: number, data?: ReviewTallyData) {
    this.keepFrom = keepFrom;
    if (!data) return;
    this.total = data.total;
    this.keepFrom = Math.max(keepFrom, data.keepFrom);
    this.recent = data.keepFrom < this.keepFrom ? dropUpTo(data.recent, this.keepFrom) : data.recent;
    this.stored = data.cards;
  }

  private cardDays(): Map<string, { first: number; last: number }> {
    if (this.days) return this.days;
    const days = new Map<string, { first: number; last: number }>();
    const s = this.stored ?? [];
    for (let i = 0; i + 2 < s.length; i += 3) days.set(s[i] as string, { first: s[i + 1] as number, last: s[i + 2] as number });
    this.stored = undefined;
    return (this.days = days);
  }

  /** Counts a grade; `t` and `day` are its time and its study day (ms), when already known. */
  add(g: GradeRecord, t = Date.parse(g.at), day = this.dayOf(t)): void {
    this.total++;
    const days = this.cardDays();
    const seen = days.get(g.card);
    // As Anki counts true retention: only cards already in review (first graded on an earlier
    // study day), and only the first answer of each study day; repeats seconds apart in one
    // session measure nothing remembered.
    // Stryker disable next-line ConditionalExpression,EqualityOperator: a card's first grade sets its last day to that day, so last !== day already implies first < day for grades in log order
    const tested = seen !== undefined && seen.first < day && seen.last !== day;
    if (t > this.keepFrom) this.recent.push(t, tested ? (g.grade === 1 ? FORGOT : RECALLED) : PLAIN);
    if (seen === undefined) days.set(g.card, { first: day, last: day });
    else seen.last = day;
  }

  /** True when the window of `days` days up to `now` starts at or after `keepFrom`, so {@link summary} can answer. */
  answersFor(now: Date, days = 30): boolean {
    return windowStart(now, days) >= this.keepFrom;
  }

  /**
   * Review counts and true retention over the `days` calendar days up to `now`; null when the
   * window starts before `keepFrom` (the grades it would need were not kept).
   */
  summary(now: Date, days = 30): ReviewSummary | null {
    if (!this.answersFor(now, days)) return null;
    const from = windowStart(now, days);
    const to = now.getTime();
    let lastWindow = 0;
    let recalled = 0;
    let retentionOf = 0;
    const r = this.recent;
    for (let i = 0; i < r.length; i += 2) {
      const t = r[i]!;
      if (!(t > from && t <= to)) continue;
      lastWindow++;
      if (r[i + 1] === PLAIN) continue;
      retentionOf++;
      if (r[i + 1] === RECALLED) recalled++;
    }
    return { total: this.total, lastWindow, retention: retentionOf ? recalled / retentionOf : null, retentionOf };
  }

  /** The tally as data, keeping one by one only the grades after `keepFrom` (a later time drops more). */
  toData(keepFrom = this.keepFrom): ReviewTallyData {
    const from = Math.max(keepFrom, this.keepFrom);
    const cards: (string | number)[] = this.stored ? this.stored : [];
    if (!this.stored) for (const [id, d] of this.cardDays()) cards.push(id, d.first, d.last);
    return { total: this.total, cards, keepFrom: from, recent: from > this.keepFrom ? dropUpTo(this.recent, from) : this.recent };
  }
}

function dropUpTo(recent: readonly number[], keepFrom: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < recent.length; i += 2) if (recent[i]! > keepFrom) out.push(recent[i]!, recent[i + 1]!);
  return out;
}

/**
 * Review counts and true retention over the `days` days up to `now` (30 by default), local
 * time, counted one grade at a time in log order (a log can be streamed through it).
 */
export class ReviewCounter {
  private readonly tally = new ReviewTally(Number.NEGATIVE_INFINITY);

  constructor(
    private readonly now: Date,
    private readonly days = 30,
  ) {}

  add(g: GradeRecord): void {
    this.tally.add(g);
  }

  result(): ReviewSummary {
    return this.tally.summary(this.now, this.days)!;
  }
}

/** Review counts and true retention of a log's records (see {@link ReviewCounter}). */
export function reviewSummary(records: readonly LogRecord[], now: Date, days = 30): ReviewSummary {
  const counter = new ReviewCounter(now, days);
  for (const g of countedGrades(records)) counter.add(g);
  return counter.result();
}
