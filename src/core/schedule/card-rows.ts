import { State, type Card as FsrsCard } from 'ts-fsrs';
import type { CardProgress, GradeMark, GradeSummary } from './progress.js';
import { inert } from '../text/inert.js';

// The card rows of a snapshot as columns: one Float64 row of numbers per card, and one JSON line
// of grade marks per card, parsed only when that card's summary is read. A start of a
// 10,000-card deck then makes no object per card: the passes over the whole deck (the queue, the
// counts of `prep list`) read the numbers they need through {@link ScheduleFacts}.

/** The numbers of a row, in this order (last_review is NaN for none). */
export const FIELDS = ['due', 'stability', 'difficulty', 'elapsed_days', 'scheduled_days', 'learning_steps', 'reps', 'lapses', 'state', 'last_review', 'count'] as const;
const WIDTH = FIELDS.length;
const [DUE, STABILITY, DIFFICULTY, ELAPSED, SCHEDULED, STEPS, REPS, LAPSES, STATE, LAST, COUNT] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;
const NEWLINE = 0x0a;

/** What a pass over a whole deck reads of a card's schedule, without making its progress. */
export interface ScheduleFacts {
  state: State;
  /** ms since 1970. */
  due: number;
  /** ms since 1970, NaN when never reviewed. */
  last: number;
  stability: number;
  /** Times forgotten after being learned (FSRS lapses): with recall, most of a card's weakness (weakness.ts). */
  lapses: number;
}

/** A fresh holder for {@link ScheduleFacts}, filled again for each card. */
export const newFacts = (): ScheduleFacts => ({ state: State.New, due: 0, last: Number.NaN, stability: 0, lapses: 0 });

/** Copies a card's facts out of its progress. */
export function factsFrom(p: CardProgress, out: ScheduleFacts): void {
  out.state = p.fsrs.state;
  out.due = p.fsrs.due.getTime();
  out.last = p.fsrs.last_review ? p.fsrs.last_review.getTime() : Number.NaN;
  out.stability = p.fsrs.stability;
  out.lapses = p.fsrs.lapses;
}

/**
 * The rows of a snapshot, read as stored. Built only by {@link CardRows.decode}, which checks
 * every number: a damaged value would turn into NaN dates in every schedule.
 */
export class CardRows {
  #rowOf: Map<string, number> | undefined;

  private constructor(
    readonly ids: readonly string[],
    readonly numbers: Float64Array,
    /** UTF-8, one JSON line `[first, last, typed]` per row. */
    readonly marks: Buffer,
    /** Where each row's line of marks starts in `marks`, and (last) where the last one ends. */
    private readonly lineStarts: Uint32Array,
  ) {}

  /** The rows, or null when they do not fit together or a number is out of its range. */
  static decode(ids: unknown, numbers: Buffer, marks: Buffer): CardRows | null {
    if (!Array.isArray(ids) || numbers.length !== ids.length * WIDTH * 8) return null;
    // Plain loops, no call per row: this runs before V8 has compiled any of it.
    for (let i = 0; i < ids.length; i++) if (typeof ids[i] !== 'string') return null;
    // A Float64Array needs its bytes 8-aligned: copied when they are not.
    // Stryker disable next-line all: decode gets Buffer.from(base64), which Node places 8-aligned (its pool is aligned to 8, bigger buffers start at 0); the copy is only a guard
    const nums = numbers.byteOffset % 8 === 0
      ? new Float64Array(numbers.buffer, numbers.byteOffset, ids.length * WIDTH)
      : new Float64Array(Uint8Array.from(numbers).buffer);
    // One test of a whole row that every number but last_review is finite: x * 0 is 0 (or -0) for
    // a finite x and NaN otherwise, so their sum is 0 only when all are. A loop over each number
    // with a call for each was most of reading a 10,000-card snapshot (it runs before V8 has
    // compiled anything of it).
    for (let o = 0; o < nums.length; o += WIDTH) {
      const finite =
        nums[o + DUE]! * 0 +
        nums[o + STABILITY]! * 0 +
        nums[o + DIFFICULTY]! * 0 +
        nums[o + ELAPSED]! * 0 +
        nums[o + SCHEDULED]! * 0 +
        nums[o + STEPS]! * 0 +
        nums[o + REPS]! * 0 +
        nums[o + LAPSES]! * 0 +
        nums[o + STATE]! * 0 +
        nums[o + COUNT]! * 0;
      if (finite !== 0) return null;
      const last = nums[o + LAST]!;
      const state = nums[o + STATE]!;
      const count = nums[o + COUNT]!;
      // last_review is NaN for none, or finite; the state one of the four, the count a whole number from 1.
      if (last === Number.POSITIVE_INFINITY || last === Number.NEGATIVE_INFINITY || !(state === 0 || state === 1 || state === 2 || state === 3) || !(count >= 1 && count % 1 === 0)) return null;
    }
    // One line of marks a row: where each starts, found once (a card's marks are read from there).
    const starts = new Uint32Array(ids.length + 1);
    let lines = 0;
    // A line too many is counted (a typed array ignores the write past its end) and fails below.
    for (let i = marks.indexOf(NEWLINE); i >= 0; i = marks.indexOf(NEWLINE, i + 1)) starts[++lines] = i + 1;
    if (lines !== ids.length) return null;
    return new CardRows(ids, nums, marks, starts);
  }

  /** The rows of these cards' progress, as a snapshot stores them. */
  static encode(cards: Iterable<[string, CardProgress | number]>, from?: CardRows): { ids: string[]; numbers: Buffer; marks: Buffer } {
    const ids: string[] = [];
    const nums: number[] = [];
    const marks: (string | Buffer)[] = [];
    for (const [id, p] of cards) {
      ids.push(id);
      if (typeof p === 'number') {
        // A row kept as it was read: its bytes copied, nothing parsed.
        for (let k = 0; k < WIDTH; k++) nums.push(from!.numbers[p * WIDTH + k]!);
        marks.push(from!.markBytes(p));
        continue;
      }
      const c = p.fsrs;
      const { count, first, last, typed } = p.history;
      nums.push(c.due.getTime(), c.stability, c.difficulty, c.elapsed_days, c.scheduled_days, c.learning_steps, c.reps, c.lapses, c.state, c.last_review ? c.last_review.getTime() : Number.NaN, count);
      marks.push(`${JSON.stringify([first && [first.grade, first.at], last && [last.grade, last.at, last.ms ?? null], typed && [typed.text, typed.at]])}\n`);
    }
    const numbers = Buffer.from(Float64Array.from(nums).buffer);
    // Stryker disable next-line ConditionalExpression,StringLiteral: Buffer.from of a Buffer copies it, and an empty encoding name is utf8
    return { ids, numbers, marks: Buffer.concat(marks.map((m) => (typeof m === 'string' ? Buffer.from(m, 'utf8') : m))) };
  }

  /** The row of a card, or undefined when the snapshot has none. */
  row(id: string): number | undefined {
    // Stryker disable next-line ConditionalExpression: made again on every call, the index is the same
    if (!this.#rowOf) {
      this.#rowOf = new Map();
      // Stryker disable next-line EqualityOperator: one step past the end indexes an undefined id, which no card asks for
      for (let i = 0; i < this.ids.length; i++) this.#rowOf.set(this.ids[i]!, i);
    }
    return this.#rowOf.get(id);
  }

  facts(row: number, out: ScheduleFacts): void {
    const o = row * WIDTH;
    out.state = this.numbers[o + STATE]! as State;
    // Stryker disable next-line ArithmeticOperator: DUE is 0
    out.due = this.numbers[o + DUE]!;
    out.last = this.numbers[o + LAST]!;
    out.stability = this.numbers[o + STABILITY]!;
    out.lapses = this.numbers[o + LAPSES]!;
  }

  /** A row's progress, as it was before it was stored. */
  progress(row: number): CardProgress {
    const n = (k: number) => this.numbers[row * WIDTH + k]!;
    const last = n(LAST);
    const fsrs: FsrsCard = {
      due: new Date(n(DUE)),
      stability: n(STABILITY),
      difficulty: n(DIFFICULTY),
      elapsed_days: n(ELAPSED),
      scheduled_days: n(SCHEDULED),
      learning_steps: n(STEPS),
      reps: n(REPS),
      lapses: n(LAPSES),
      state: n(STATE) as State,
      last_review: Number.isNaN(last) ? undefined : new Date(last),
    };
    return { fsrs, history: this.summary(row, n(COUNT)) };
  }

  private markBytes(row: number): Buffer {
    return this.marks.subarray(this.lineStarts[row], this.lineStarts[row + 1]);
  }

  /**
   * The grade summary of a row. The digest of the snapshot has vouched for these bytes; marks
   * that still do not read as marks (a snapshot edited and sealed again by hand) give a summary
   * without them rather than a failed start.
   */
  private summary(row: number, count: number): GradeSummary {
    const bytes = this.markBytes(row);
    try {
      const [first, last, typed] = JSON.parse(bytes.toString('utf8')) as [unknown, unknown, unknown];
      // Stryker disable next-line BooleanLiteral: a first mark is stored without a time, so reading one finds none either way
      const f = markOf(first, false);
      const l = markOf(last, true);
      // The digest is a checksum, not a seal (anyone can compute it): what the user typed is shown
      // again, so it gets the log's and the deck's rule here too and can never act on a terminal.
      const t = Array.isArray(typed) && typeof typed[0] === 'string' && typeof typed[1] === 'string' ? { text: inert(typed[0]), at: typed[1] } : null;
      return { count, first: f, last: l, typed: t };
    } catch {
      return { count, first: null, last: null, typed: null };
    }
  }
}

const isGrade = (x: unknown): x is 1 | 2 | 3 | 4 => x === 1 || x === 2 || x === 3 || x === 4;

// The times of grade marks are only shown and compared, never scheduled from: kept as logged.
function markOf(x: unknown, withMs: boolean): GradeMark | null {
  if (!Array.isArray(x) || !isGrade(x[0]) || typeof x[1] !== 'string') return null;
  if (!withMs || typeof x[2] !== 'number' || !Number.isFinite(x[2])) return { grade: x[0], at: x[1] };
  return { grade: x[0], at: x[1], ms: x[2] };
}
