import { createEmptyCard } from 'ts-fsrs';
import type { CardRows, ScheduleFacts } from './card-rows.js';
import { factsFrom } from './card-rows.js';
import { NO_GRADES, type CardProgress } from './progress.js';

/** A progress map that can give a card's {@link ScheduleFacts} without making its progress. */
export interface FactsSource {
  /** Fills `out` with the card's facts; false when the map has no such card. */
  facts(id: string, out: ScheduleFacts): boolean;
}

const isFactsSource = (m: object): m is FactsSource => typeof (m as Partial<FactsSource>).facts === 'function';

/**
 * The facts of a card in any progress map: read from the columns of a table, or from the
 * card's progress in a plain map. False when the map has no such card.
 */
export function factsOf(progress: ReadonlyMap<string, CardProgress>, id: string, out: ScheduleFacts): boolean {
  if (isFactsSource(progress)) return progress.facts(id, out);
  const p = progress.get(id);
  if (!p) return false;
  factsFrom(p, out);
  return true;
}

/**
 * Every deck card's progress as a map, in deck order: the snapshot's rows (read from their
 * columns, and a card's progress made only when it is asked for), the cards the log after the
 * snapshot changed, and a fresh card for every other id of the deck. A value: nothing changes it.
 */
export class ProgressTable implements ReadonlyMap<string, CardProgress>, FactsSource {
  #made = new Map<string, CardProgress>();
  /** Per snapshot row, 1 when it is a deck card's; and the deck cards without a row. Made on first use. */
  #inDeck: Uint8Array | undefined;
  #fresh: Set<string> | undefined;

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

  /** The snapshot row of a deck card; -1 for a deck card without one; undefined for an id not in the deck. */
  private slot(id: string): number | undefined {
    if (!this.#fresh) {
      const inDeck = new Uint8Array(this.rows?.ids.length ?? 0);
      const fresh = new Set<string>();
      for (const id of this.order) {
        const row = this.rows?.row(id);
        if (row === undefined) fresh.add(id);
        else inDeck[row] = 1;
      }
      this.#inDeck = inDeck;
      this.#fresh = fresh;
    }
    const row = this.rows?.row(id);
    if (row !== undefined && this.#inDeck![row] === 1) return row;
    return this.#fresh.has(id) ? -1 : undefined;
  }

  has(id: string): boolean {
    return this.slot(id) !== undefined;
  }

  get size(): number {
    return this.order.length;
  }

  get(id: string): CardProgress | undefined {
    const changed = this.changed.get(id);
    if (changed) return changed;
    let p = this.#made.get(id);
    if (!p) {
      const row = this.slot(id);
      if (row === undefined) return undefined;
      p = row < 0 ? { fsrs: createEmptyCard(this.epoch), history: NO_GRADES } : this.rows!.progress(row);
      this.#made.set(id, p);
    }
    return p;
  }

  facts(id: string, out: ScheduleFacts): boolean {
    const made = this.changed.get(id) ?? this.#made.get(id);
    if (made) {
      factsFrom(made, out);
      return true;
    }
    const row = this.slot(id);
    if (row === undefined) return false;
    if (row >= 0) {
      this.rows!.facts(row, out);
      return true;
    }
    // A card never graded, as createEmptyCard(epoch) makes it.
    out.state = 0;
    out.due = this.epoch.getTime();
    out.last = Number.NaN;
    out.stability = 0;
    return true;
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
