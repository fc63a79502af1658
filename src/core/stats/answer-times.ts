import type { GradeRecord, LogRecord } from '../store/log-records.js';
import { median } from '../pitch/history.js';
import { countedGrades } from './log-view.js';

/** How long a card takes to answer: the median time from showing it to the reveal. */
export interface AnswerTime {
  card: string;
  medianMs: number;
  /** Grades the median is taken over. */
  count: number;
}

/** The order of answer times: slowest first, ties by card id (so the order is stable). */
export function slowerFirst(a: AnswerTime, b: AnswerTime): number {
  return b.medianMs - a.medianMs || (a.card < b.card ? -1 : a.card > b.card ? 1 : 0);
}

/**
 * The first `count` of `times` in the order of {@link slowerFirst}, without sorting them all: the
 * stats show three of 10,000, and sorting them all was a twentieth of `prep stats`.
 */
export function slowestOf(times: readonly AnswerTime[], count: number): AnswerTime[] {
  const out: AnswerTime[] = [];
  if (count <= 0) return out;
  // The median of the last one kept: most cards are faster, and are passed over by that alone.
  let floor = Number.NEGATIVE_INFINITY;
  for (const t of times) {
    // Stryker disable next-line ConditionalExpression,EqualityOperator: a quicker way to the same answer as the comparison after it
    if (t.medianMs < floor) continue;
    floor = keepSlowest(out, t, count);
  }
  return out;
}

/** Puts `t` among `out`, the slowest `count` so far in order, if it is one of them; returns the median a later card must reach. */
function keepSlowest(out: AnswerTime[], t: AnswerTime, count: number): number {
  if (out.length < count || slowerFirst(t, out[count - 1]!) < 0) {
    let k = out.length;
    while (k > 0 && slowerFirst(out[k - 1]!, t) > 0) k--;
    out.splice(k, 0, t);
    if (out.length > count) out.pop();
  }
  // Stryker disable next-line ConditionalExpression: a floor never raised only passes fewer cards over by it
  return out.length === count ? out[count - 1]!.medianMs : Number.NEGATIVE_INFINITY;
}

/**
 * An {@link AnswerTimeCounter} as plain JSON data, packed: per card (in `cards` order) its median
 * and its count of times, and every time in one text, card after card, each as `String(ms)` and
 * comma-separated. A reader that only needs the medians (`prep stats` with no grades after the
 * stored tally) parses three short lists and one string, not 50,000 numbers, and sorts nothing.
 */
export interface AnswerTimesData {
  cards: string[];
  medians: number[];
  counts: number[];
  ms: string;
}

/**
 * Times to reveal of every card with timed grades, collected one grade at a time (a log can be
 * streamed through it), every card kept, so it can be stored and go on with more grades. Read
 * back from data, the times stay packed until a grade is added; a card's stored median stands
 * until one of its own grades is.
 */
export class AnswerTimeCounter {
  private packed: AnswerTimesData | null = null;
  private readonly times = new Map<string, number[]>();
  /** Medians known without sorting: those read back, of the cards not graded since. */
  private readonly known = new Map<string, number>();

  constructor(data?: AnswerTimesData) {
    if (data) this.packed = data;
  }

  /** The packed times as a map of lists, once, when a grade is added to a counter read back. */
  private unpack(): void {
    const p = this.packed;
    if (!p) return;
    this.packed = null;
    const all = p.ms.split(',');
    let at = 0;
    for (let i = 0; i < p.cards.length; i++) {
      const n = p.counts[i]!;
      const ms = new Array<number>(n);
      for (let k = 0; k < n; k++) ms[k] = Number(all[at + k]);
      at += n;
      this.times.set(p.cards[i]!, ms);
      this.known.set(p.cards[i]!, p.medians[i]!);
    }
  }

  add(g: GradeRecord): void {
    if (g.ms === undefined) return;
    this.unpack();
    this.known.delete(g.card);
    const list = this.times.get(g.card);
    if (list) list.push(g.ms);
    else this.times.set(g.card, [g.ms]);
  }

  /** The median of the cards in `cardIds` (a card removed from the deck is history), in no particular order. */
  medians(cardIds: ReadonlySet<string>): AnswerTime[] {
    const out: AnswerTime[] = [];
    const p = this.packed;
    if (p) {
      for (let i = 0; i < p.cards.length; i++) if (cardIds.has(p.cards[i]!)) out.push({ card: p.cards[i]!, medianMs: p.medians[i]!, count: p.counts[i]! });
      return out;
    }
    for (const [card, ms] of this.times) if (cardIds.has(card)) out.push({ card, medianMs: this.medianOf(card, ms), count: ms.length });
    return out;
  }

  /**
   * The first `count` of {@link medians} in the order of {@link slowerFirst}. Read back from
   * data, from the packed medians: a card's entry is made only when it may be among them (`prep
   * stats` shows three of 10,000).
   */
  slowest(cardIds: ReadonlySet<string>, count: number): AnswerTime[] {
    const p = this.packed;
    if (!p) return slowestOf(this.medians(cardIds), count);
    const out: AnswerTime[] = [];
    if (count <= 0) return out;
    let floor = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < p.cards.length; i++) {
      // Stryker disable next-line ConditionalExpression,EqualityOperator: a quicker way to the same answer as the comparison in keepSlowest
      if (p.medians[i]! < floor || !cardIds.has(p.cards[i]!)) continue;
      floor = keepSlowest(out, { card: p.cards[i]!, medianMs: p.medians[i]!, count: p.counts[i]! }, count);
    }
    return out;
  }

  private medianOf(card: string, ms: readonly number[]): number {
    // Stryker disable next-line LogicalOperator: the median worked out again is the one stored, only slower
    return this.known.get(card) ?? median(ms)!;
  }

  /** The same, slowest first (see {@link slowerFirst}). */
  result(cardIds: ReadonlySet<string>): AnswerTime[] {
    return this.medians(cardIds).sort(slowerFirst);
  }

  toData(): AnswerTimesData {
    if (this.packed) return this.packed;
    const data: AnswerTimesData = { cards: [], medians: [], counts: [], ms: '' };
    const parts: string[] = [];
    for (const [card, ms] of this.times) {
      data.cards.push(card);
      data.medians.push(this.medianOf(card, ms));
      data.counts.push(ms.length);
      for (const x of ms) parts.push(String(x));
    }
    data.ms = parts.join(',');
    return data;
  }
}

/** Median time to reveal per card of a log's records (see {@link AnswerTimeCounter}). */
export function answerTimes(records: readonly LogRecord[], cardIds: ReadonlySet<string>): AnswerTime[] {
  const counter = new AnswerTimeCounter();
  for (const g of countedGrades(records)) counter.add(g);
  return counter.result(cardIds);
}

/** A list of `n` items that all pass `ok`. */
const listOf = <T>(x: unknown, n: number, ok: (v: unknown) => v is T): x is T[] => Array.isArray(x) && x.length === n && x.every(ok);
const isText = (v: unknown): v is string => typeof v === 'string';
const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const isCount = (v: unknown): v is number => Number.isInteger(v) && (v as number) > 0;

/**
 * True when `ms` holds exactly `total` comma-separated times, each made only of the characters a
 * time written by `String(ms)` has (digits, and a dot or exponent), by scans of the whole text
 * (no number is parsed): a tally's file is checked whole by its digest already; this keeps a
 * tally prep did not write from being taken.
 */
function timesText(ms: string, total: number): boolean {
  if (total === 0) return ms === '';
  if (ms === '' || /[^0-9.e+,-]/.test(ms) || ms.startsWith(',') || ms.endsWith(',') || ms.includes(',,')) return false;
  // Counted by a split, which runs natively: a loop over the text ran interpreted (about 5 ms cold).
  return ms.split(',').length === total;
}

/**
 * True when `x` holds the medians of {@link AnswerTimesData} as {@link AnswerTimeCounter.toData}
 * writes them (its cards, medians and counts; the times themselves not looked at): all that a
 * report of the medians reads.
 */
export function isAnswerMedians(x: unknown): x is Omit<AnswerTimesData, 'ms'> {
  if (typeof x !== 'object' || x === null) return false;
  const d = x as Partial<Record<keyof AnswerTimesData, unknown>>;
  if (!Array.isArray(d.cards) || !d.cards.every(isText)) return false;
  const n = d.cards.length;
  return listOf(d.medians, n, isTime) && listOf(d.counts, n, isCount);
}

/** True when `ms` is the text of every time of cards with these `counts`, as {@link AnswerTimeCounter.toData} writes it. */
export function timesFit(ms: unknown, counts: readonly number[]): ms is string {
  return typeof ms === 'string' && timesText(ms, counts.reduce((a, b) => a + b, 0));
}

/** True when `x` is {@link AnswerTimesData} as {@link AnswerTimeCounter.toData} writes it. */
export function isAnswerTimesData(x: unknown): x is AnswerTimesData {
  return isAnswerMedians(x) && timesFit((x as { ms?: unknown }).ms, x.counts);
}
