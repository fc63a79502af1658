import type { CardProgress } from './progress.js';
import { factsFrom, type ScheduleFacts } from './card-rows.js';
import { factsOf } from './progress-readers.js';
import type { FactsSource } from './progress-table.js';

/** How many changed cards are kept beside the base before they are folded into a new base. */
const FOLD_AT = 512;

/**
 * Every card's progress as a value that a grade does not copy: the map loaded at start (never
 * changed) plus the cards changed since. `with` copies only the changes, so a grade in a
 * 10,000-card deck costs what it costs in a small one, and the undo stack, which keeps every
 * earlier state, shares the base instead of holding a full copy per grade. Past FOLD_AT changes
 * they are folded into a new base once (one full copy per FOLD_AT grades).
 */
export class ProgressMap implements ReadonlyMap<string, CardProgress>, FactsSource {
  private constructor(
    private readonly base: ReadonlyMap<string, CardProgress>,
    private readonly changes: ReadonlyMap<string, CardProgress>,
  ) {}

  /** The progress as loaded. The map is shared, not copied: it must not be changed afterwards. */
  static from(progress: ReadonlyMap<string, CardProgress>): ProgressMap {
    return progress instanceof ProgressMap ? progress : new ProgressMap(progress, new Map());
  }

  /** A new map with one card's progress replaced or added; this one is unchanged. */
  with(id: string, p: CardProgress): ProgressMap {
    const changes = new Map(this.changes).set(id, p);
    // Stryker disable next-line ConditionalExpression,EqualityOperator: folding only saves memory; a map folded sooner, later or never reads the same
    if (changes.size < FOLD_AT) return new ProgressMap(this.base, changes);
    return new ProgressMap(new Map([...this.base, ...changes]), new Map());
  }

  get(id: string): CardProgress | undefined {
    return this.changes.get(id) ?? this.base.get(id);
  }

  /** The map as loaded while no card has changed, else undefined. */
  unchanged(): ReadonlyMap<string, CardProgress> | undefined {
    return this.changes.size === 0 ? this.base : undefined;
  }

  facts(id: string, out: ScheduleFacts): boolean {
    const changed = this.changes.get(id);
    if (!changed) return factsOf(this.base, id, out);
    factsFrom(changed, out);
    return true;
  }

  has(id: string): boolean {
    return this.changes.has(id) || this.base.has(id);
  }

  get size(): number {
    let added = 0;
    for (const id of this.changes.keys()) if (!this.base.has(id)) added++;
    return this.base.size + added;
  }

  *entries(): MapIterator<[string, CardProgress]> {
    for (const [id, p] of this.base) yield [id, this.changes.get(id) ?? p];
    for (const [id, p] of this.changes) if (!this.base.has(id)) yield [id, p];
  }

  *keys(): MapIterator<string> {
    // Not through entries(): a table base would make every card's progress.
    yield* this.base.keys();
    for (const id of this.changes.keys()) if (!this.base.has(id)) yield id;
  }

  *values(): MapIterator<CardProgress> {
    for (const [, p] of this.entries()) yield p;
  }

  [Symbol.iterator](): MapIterator<[string, CardProgress]> {
    return this.entries();
  }

  forEach(fn: (p: CardProgress, id: string, map: ReadonlyMap<string, CardProgress>) => void, thisArg?: unknown): void {
    for (const [id, p] of this.entries()) fn.call(thisArg, p, id, this);
  }
}
