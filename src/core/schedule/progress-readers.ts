import { State, type FSRS } from 'ts-fsrs';
import type { ScheduleFacts } from './card-rows.js';
import { factsFrom, newFacts } from './card-rows.js';
import { recallOf, type CardProgress } from './progress.js';
import { ProgressTable, type DeckColumns, type FactsSource } from './progress-table.js';

// Reading a card's schedule facts, and the recall they predict, from any progress map: over a
// ProgressTable of exactly the cards asked for, from its columns, made once for the deck; from
// any other map, card by card.

// Stryker disable next-line ConditionalExpression,StringLiteral: a map taken for a plain one is read through get(): the same facts, only slower
const isFactsSource = (m: object): m is FactsSource => typeof (m as Partial<FactsSource>).facts === 'function';

/**
 * The facts of a card in any progress map: read from the columns of a table, or from the
 * card's progress in a plain map. False when the map has no such card.
 */
export function factsOf(progress: ReadonlyMap<string, CardProgress>, id: string, out: ScheduleFacts): boolean {
  // Stryker disable next-line ConditionalExpression: a map taken for a plain one is read through get(): the same facts, only slower
  if (isFactsSource(progress)) return progress.facts(id, out);
  const p = progress.get(id);
  if (!p) return false;
  factsFrom(p, out);
  return true;
}

/** Reads the facts of the card at a position of a list of cards into `out`; false when the map has no such card. */
export type FactsReader = (i: number, out: ScheduleFacts) => boolean;

/**
 * A reader of the facts of `cards`, by position. Over a table of exactly these cards (the whole
 * deck, as list and the drill's first pass ask), it reads columns made once for the deck;
 * otherwise it asks the map card by card.
 */
export function factsReader(progress: ReadonlyMap<string, CardProgress>, cards: readonly { id: string }[]): FactsReader {
  // A drill's map before its first grade is the table it was loaded from (progress-map.ts).
  // Stryker disable next-line LogicalOperator: without the table under the drill's map, the cards are read one by one: the same facts, only slower
  const table = (progress as { unchanged?: () => ReadonlyMap<string, CardProgress> | undefined }).unchanged?.() ?? progress;
  const cols = table instanceof ProgressTable ? table.columnsFor(cards) : undefined;
  return cols ? columnsReader(cols) : (i, out) => factsOf(progress, cards[i]!.id, out);
}

/**
 * A reader of the progress of `cards`, by position: over a table of exactly these cards, by its
 * deck position (a search that asks for a few cards out of deck order then builds no map of
 * 10,000 ids); otherwise from the map by id.
 */
export function progressReader(progress: ReadonlyMap<string, CardProgress>, cards: readonly { id: string }[]): (i: number) => CardProgress | undefined {
  const table = (progress as { unchanged?: () => ReadonlyMap<string, CardProgress> | undefined }).unchanged?.() ?? progress;
  if (table instanceof ProgressTable && table.columnsFor(cards)) return (i) => table.at(i);
  return (i) => progress.get(cards[i]!.id);
}

/** Recalls worked out over a table's columns: by the columns, the scheduler and time they are for. */
const recalls = new WeakMap<DeckColumns, { f: FSRS; at: number; recall: Float64Array }>();

/**
 * The predicted recall at `at` of each of `cards`, by position (schedule/progress.ts recallOf);
 * NaN for a card never graded or not in the map. Over a table of exactly these cards it is
 * worked out once per scheduler and time, and given again to the next pass that asks: `prep
 * stats` reads the recall of a whole deck twice (the cards of lowest recall, the bounds of the
 * weakest-card search). Shared: the caller must not change it.
 */
export function recallsAt(f: FSRS, progress: ReadonlyMap<string, CardProgress>, cards: readonly { id: string }[], at: Date): Float64Array {
  const table = (progress as { unchanged?: () => ReadonlyMap<string, CardProgress> | undefined }).unchanged?.() ?? progress;
  const cols = table instanceof ProgressTable ? table.columnsFor(cards) : undefined;
  const known = cols && recalls.get(cols);
  if (known && known.f === f && known.at === at.getTime()) return known.recall;
  const recall = new Float64Array(cards.length);
  const facts = newFacts();
  const read = factsReader(progress, cards);
  for (let i = 0; i < cards.length; i++) recall[i] = read(i, facts) && facts.state !== State.New ? recallOf(f, facts, at) : Number.NaN;
  if (cols) recalls.set(cols, { f, at: at.getTime(), recall });
  return recall;
}

/** A reader of a whole map's facts, in the order of its keys (`ids`). */
export function keysReader(progress: ReadonlyMap<string, CardProgress>): { ids: readonly string[]; read: FactsReader } {
  // Stryker disable next-line ConditionalExpression: a table read as a plain map gives the same facts, only slower
  if (progress instanceof ProgressTable) return { ids: progress.ids(), read: columnsReader(progress.columns()) };
  const ids = [...progress.keys()];
  return { ids, read: (i, out) => factsOf(progress, ids[i]!, out) };
}

function columnsReader({ state, due, last, stability, lapses }: DeckColumns): FactsReader {
  return (i, out) => {
    out.state = state[i]!;
    out.due = due[i]!;
    out.last = last[i]!;
    out.stability = stability[i]!;
    out.lapses = lapses[i]!;
    return true;
  };
}
