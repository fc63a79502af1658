import { createEmptyCard } from 'ts-fsrs';
import type { CardRows, ScheduleFacts } from './card-rows.js';
import { factsFrom, FIELDS } from './card-rows.js';
import { NO_GRADES, type CardProgress } from './progress.js';

const WIDTH = FIELDS.length;
const DUE = FIELDS.indexOf('due');
const STABILITY = FIELDS.indexOf('stability');
const STATE = FIELDS.indexOf('state');
const LAST = FIELDS.indexOf('last_review');
const LAPSES = FIELDS.indexOf('lapses');

/** A progress map that can give a card's {@link ScheduleFacts} without making its progress. */
export interface FactsSource {
  /** Fills `out` with the card's facts; false when the map has no such card. */
  facts(id: string, out: ScheduleFacts): boolean;
}

/** The facts of a deck's cards as columns, in deck order. */
export interface DeckColumns {
  state: Uint8Array;
  due: Float64Array;
  last: Float64Array;
  stability: Float64Array;
  lapses: Float64Array;
}

/**
 * Every deck card's progress as a map, in deck order: the snapshot's rows (read from their
 * columns, and a card's progress made only when it is asked for), the cards the log after the
 * snapshot changed, and a fresh card for every other id of the deck. A value: nothing changes it.
 */
export class ProgressTable implements ReadonlyMap<string, CardProgress>, FactsSource {
  #made = new Map<string, CardProgress>();
  /** Per deck position, the card's snapshot row, or -1. Made on first use. */
  #slots: Int32Array | undefined;
  /** Deck positions by id, made only when a card is asked for out of deck order. */
  #positions: Map<string, number> | undefined;
  #cursor = 0;
  #columns: DeckColumns | undefined;
  /** The last list of cards found to be the deck's, in deck order (see columnsFor). */
  #matched: readonly { id: string }[] | undefined;

  /** `order`: the deck's card ids, in deck order (a deck's ids are unique: the loader refuses a repeated one). */
  constructor(
    private readonly order: readonly string[],
    private readonly rows: CardRows | null,
    private readonly changed: ReadonlyMap<string, CardProgress>,
    private readonly epoch: Date,
  ) {}

  /** The same table with some cards' progress replaced (they must be deck cards). */
  with(changes: ReadonlyMap<string, CardProgress>): ProgressTable {
    return new ProgressTable(this.order, this.rows, new Map([...this.changed, ...changes]), this.epoch);
  }

  private slots(): Int32Array {
    // Stryker disable next-line ConditionalExpression: made again on every call, the slots are the same
    if (!this.#slots) {
      const slots = new Int32Array(this.order.length);
      // Stryker disable next-line ArrayDeclaration: without rows every card is looked up (and not found) anyway
      const ids = this.rows?.ids ?? [];
      // A snapshot lists the deck's graded cards first, in deck order, so the two lists are walked
      // side by side; a card never graded is a gap in the snapshot's list, not a reason to look
      // every later card up. A card not found there can only be among the rows not yet walked
      // (each row walked is another deck card's): only those are put in a map, and only if needed.
      let next = 0;
      // Stryker disable next-line BooleanLiteral: the map of the rows not walked is then made when not needed: the same slots
      let missed = false;
      // Stryker disable next-line EqualityOperator: one step past the end has no id: a slot past the end of a typed array, ignored
      for (let i = 0; i < slots.length; i++) {
        // Stryker disable next-line ConditionalExpression,EqualityOperator,UpdateOperator: a card the walk misses is found in the map of the rows from `next` on, which then holds every row it could have
        if (next < ids.length && ids[next] === this.order[i]) slots[i] = next++;
        else {
          slots[i] = -1;
          missed = true;
        }
      }
      // Stryker disable next-line all: the map made when not needed finds nothing new: the same slots
      if (missed && next < ids.length) {
        const rest = new Map<string, number>();
        // Stryker disable next-line EqualityOperator: one step past the end maps an undefined id, which no card has
        for (let r = next; r < ids.length; r++) rest.set(ids[r]!, r);
        // Stryker disable next-line EqualityOperator: one step past the end reads no slot
        for (let i = 0; i < slots.length; i++) if (slots[i] === -1) slots[i] = rest.get(this.order[i]!) ?? -1;
      }
      this.#slots = slots;
    }
    return this.#slots;
  }

  /** A deck card's position, or undefined for an id not in the deck. */
  private position(id: string): number | undefined {
    // The passes over a deck ask for its cards in deck order: the one after the last is tried first.
    const next = this.#cursor;
    // Stryker disable next-line all: the cursor only spares a map lookup; the position it offers is checked against the id, and order[length] is no id
    if (next < this.order.length && this.order[next] === id) {
      // Stryker disable next-line ArithmeticOperator: the cursor only spares a map lookup
      this.#cursor = next + 1;
      return next;
    }
    this.#positions ??= new Map(this.order.map((c, i) => [c, i]));
    const at = this.#positions.get(id);
    // Stryker disable next-line all: the cursor only spares a map lookup
    if (at !== undefined) this.#cursor = at + 1;
    return at;
  }

  /** The deck's ids, in deck order. */
  ids(): readonly string[] {
    return this.order;
  }

  /** The facts of every deck card as columns, when `cards` are the deck's cards in deck order; else undefined. */
  columnsFor(cards: readonly { id: string }[]): DeckColumns | undefined {
    const n = this.order.length;
    if (cards.length !== n) return undefined;
    // The passes over a deck ask with the one list of its cards, as read (a list no one changes):
    // once that list has matched, it is not compared card by card again at every pass.
    // Stryker disable next-line ConditionalExpression: comparing the same list again finds the same
    if (cards !== this.#matched) {
      for (let i = 0; i < n; i++) if (cards[i]!.id !== this.order[i]) return undefined;
      this.#matched = cards;
    }
    return this.columns();
  }

  /** The facts of every deck card as columns, in deck order (made once). */
  columns(): DeckColumns {
    const n = this.order.length;
    // Stryker disable next-line ConditionalExpression: made again on every call, the columns are the same
    if (!this.#columns) {
      const cols: DeckColumns = { state: new Uint8Array(n), due: new Float64Array(n), last: new Float64Array(n), stability: new Float64Array(n), lapses: new Float64Array(n) };
      const slots = this.slots();
      const one = { state: 0, due: 0, last: 0, stability: 0, lapses: 0 } as ScheduleFacts;
      const epoch = this.epoch.getTime();
      // Stryker disable next-line ConditionalExpression,EqualityOperator: with no changed cards the lookup finds nothing anyway; the test only spares it
      const changes = this.changed.size > 0 ? this.changed : undefined;
      // A snapshot row's numbers copied from where they lie (laid out as card-rows.ts's FIELDS):
      // a call and a holder object per card were most of this pass over a 10,000-card deck.
      const nums = this.rows?.numbers;
      // Stryker disable next-line EqualityOperator: one step past the end reads a card never graded into a typed array, which ignores the write
      for (let i = 0; i < n; i++) {
        const changed = changes?.get(this.order[i]!);
        const slot = slots[i]!;
        if (!changed && slot >= 0) {
          const o = slot * WIDTH;
          cols.state[i] = nums![o + STATE]!;
          // Stryker disable next-line ArithmeticOperator: DUE is 0
          cols.due[i] = nums![o + DUE]!;
          cols.last[i] = nums![o + LAST]!;
          cols.stability[i] = nums![o + STABILITY]!;
          cols.lapses[i] = nums![o + LAPSES]!;
          continue;
        }
        if (changed) factsFrom(changed, one);
        else {
          // A card never graded, as createEmptyCard(epoch) makes it.
          one.state = 0;
          one.due = epoch;
          one.last = Number.NaN;
          one.stability = 0;
          one.lapses = 0;
        }
        cols.state[i] = one.state;
        cols.due[i] = one.due;
        cols.last[i] = one.last;
        cols.stability[i] = one.stability;
        cols.lapses[i] = one.lapses;
      }
      this.#columns = cols;
    }
    return this.#columns;
  }

  has(id: string): boolean {
    return this.position(id) !== undefined;
  }

  get size(): number {
    return this.order.length;
  }

  get(id: string): CardProgress | undefined {
    const at = this.position(id);
    return at === undefined ? undefined : this.at(at);
  }

  /** The progress of the deck card at position `at` of the deck order, as {@link get} gives it, without looking its id up. */
  at(at: number): CardProgress {
    const id = this.order[at]!;
    const changed = this.changed.get(id);
    if (changed) return changed;
    let p = this.#made.get(id);
    // Stryker disable next-line ConditionalExpression: made again, the progress is the same (only not the same object)
    if (!p) {
      const row = this.slots()[at]!;
      p = row < 0 ? { fsrs: createEmptyCard(this.epoch), history: NO_GRADES } : this.rows!.progress(row);
      // Stryker disable next-line BlockStatement,CallExpression: not kept, the progress is made again, the same
      this.#made.set(id, p);
    }
    return p;
  }

  facts(id: string, out: ScheduleFacts): boolean {
    const at = this.position(id);
    if (at === undefined) return false;
    const made = this.changed.get(id) ?? this.#made.get(id);
    if (made) {
      factsFrom(made, out);
      return true;
    }
    const row = this.slots()[at]!;
    if (row >= 0) {
      this.rows!.facts(row, out);
      return true;
    }
    // A card never graded, as createEmptyCard(epoch) makes it.
    out.state = 0;
    out.due = this.epoch.getTime();
    out.last = Number.NaN;
    out.stability = 0;
    out.lapses = 0;
    return true;
  }

  /**
   * Every stored card for a snapshot: the deck's first, in deck order (so that the next start
   * finds them without a lookup), then the cards no longer in the deck. A row kept as read is
   * given by its number, to be copied as it is; a changed card by its progress.
   */
  *stored(): Iterable<[string, CardProgress | number]> {
    const slots = this.slots();
    const inDeck = new Uint8Array(this.rows?.ids.length ?? 0);
    // Stryker disable next-line EqualityOperator: one step past the end has no id, no row and no change: it yields nothing
    for (let i = 0; i < this.order.length; i++) {
      const id = this.order[i]!;
      const row = slots[i]!;
      if (row >= 0) inDeck[row] = 1;
      const changed = this.changed.get(id);
      if (changed) yield [id, changed];
      else if (row >= 0) yield [id, row];
    }
    // Stryker disable next-line ArrayDeclaration: without rows, inDeck is empty and the loop yields nothing either way
    const ids = this.rows?.ids ?? [];
    for (let r = 0; r < ids.length; r++) if (inDeck[r] === 0 && !this.changed.has(ids[r]!)) yield [ids[r]!, r];
    for (const [id, p] of this.changed) if (!this.has(id)) yield [id, p];
  }

  *keys(): MapIterator<string> {
    yield* this.order;
  }

  *entries(): MapIterator<[string, CardProgress]> {
    for (const id of this.order) yield [id, this.get(id)!];
  }

  *values(): MapIterator<CardProgress> {
    for (const id of this.order) yield this.get(id)!;
  }

  [Symbol.iterator](): MapIterator<[string, CardProgress]> {
    return this.entries();
  }

  forEach(fn: (p: CardProgress, id: string, map: ReadonlyMap<string, CardProgress>) => void, thisArg?: unknown): void {
    for (const [id, p] of this.entries()) fn.call(thisArg, p, id, this);
  }
}
