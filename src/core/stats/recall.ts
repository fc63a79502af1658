import { State, type FSRS } from 'ts-fsrs';
import type { Card, CardKind } from '../deck/types.js';
import { recallAt as predictedRecall, recallOf, type CardProgress } from '../schedule/progress.js';
import { newFacts } from '../schedule/card-rows.js';
import { factsReader, progressReader, recallsAt } from '../schedule/progress-readers.js';
import { STATE_NAMES, type CardState } from './counts.js';

/** One card as the stats show it. */
export interface CardStat {
  id: string;
  kind: CardKind;
  prompt: string;
  state: CardState;
  /** When it is next due; null for a card never graded. */
  due: Date | null;
  /** FSRS stability in days and difficulty (1 to 10); null for a card never graded. */
  stability: number | null;
  difficulty: number | null;
  reps: number;
  lapses: number;
  /** The last counted grade, 1 to 4; null for a card never graded. */
  lastGrade: number | null;
  /** Predicted probability of recall now, 0 to 1; null for a card never graded. */
  recallNow: number | null;
  /** The same at the interview; null without an interview ahead or for a card never graded. */
  recallAtInterview: number | null;
}

/** Predicted recall of a card at `at` (the drill's figure), or null for a card never graded. */
export function recallAt(f: FSRS, p: CardProgress, at: Date): number | null {
  if (p.fsrs.state === State.New) return null;
  return predictedRecall(f, p, at);
}

/**
 * A deck's cards as the stats see them, from one pass over their schedule facts (the snapshot's
 * columns for a whole deck): each card's state, due date, stability and predicted recall now and
 * at `interview` (ignored once it has passed: a past interview predicts nothing). A card's
 * {@link CardStat} is made only when asked for: the picture shows a dozen cards of 10,000, and
 * making all of them was a fifth of `prep stats`; the JSON asks for all.
 */
export class DeckCards {
  /** Per card, its FSRS state, or -1 for a card the progress map does not hold. */
  readonly #state: Int8Array;
  readonly #due: Float64Array;
  readonly #stability: Float64Array;
  /** Predicted recall now, per card; NaN for a card never graded. */
  readonly #now: Float64Array;
  /** The same at the interview; null without an interview ahead. */
  readonly #atInterview: Float64Array | null;
  readonly #made: (CardStat | undefined)[];
  #progressAt: ((i: number) => CardProgress | undefined) | undefined;
  /** Cards never graded (or not in the progress map). */
  readonly unseen: number;

  constructor(
    f: FSRS,
    private readonly cards: readonly Card[],
    private readonly progress: ReadonlyMap<string, CardProgress>,
    now: Date,
    interview: Date | null,
  ) {
    const n = cards.length;
    const ahead = interview && interview.getTime() > now.getTime() ? interview : null;
    this.#state = new Int8Array(n);
    this.#due = new Float64Array(n);
    this.#stability = new Float64Array(n);
    // Shared with the search for the weakest cards (schedule/weakness.ts), which reads the same figures.
    this.#now = recallsAt(f, progress, cards, now);
    this.#atInterview = ahead ? new Float64Array(n).fill(Number.NaN) : null;
    this.#made = new Array<CardStat | undefined>(n);
    const facts = newFacts();
    const read = factsReader(progress, cards);
    let unseen = 0;
    for (let i = 0; i < n; i++) {
      const known = read(i, facts);
      this.#state[i] = known ? facts.state : -1;
      if (!known || facts.state === State.New) {
        unseen++;
        continue;
      }
      this.#due[i] = facts.due;
      this.#stability[i] = facts.stability;
      if (ahead) this.#atInterview![i] = recallOf(f, facts, ahead);
    }
    this.unseen = unseen;
  }

  /** How many cards the deck has. */
  get length(): number {
    return this.cards.length;
  }

  /** The card at deck position `i` (made once). */
  at(i: number): CardStat {
    return (this.#made[i] ??= this.#make(i));
  }

  /** Every card, in deck order. */
  all(): CardStat[] {
    return this.cards.map((_, i) => this.at(i));
  }

  /** The `count` seen cards with the lowest recall now, lowest first (ties in deck order): the first `count` of the seen cards sorted by recall, without sorting 10,000 of them. */
  lowestNow(count: number): CardStat[] {
    const out: number[] = [];
    const r = this.#now;
    for (let i = 0; i < r.length; i++) {
      if (Number.isNaN(r[i]!) || (out.length === count && r[i]! >= r[out[count - 1]!]!)) continue;
      let k = out.length;
      while (k > 0 && r[out[k - 1]!]! > r[i]!) k--;
      out.splice(k, 0, i);
      if (out.length > count) out.pop();
    }
    return out.map((i) => this.at(i));
  }

  /** Cards with a predicted recall at the interview, lowest first (ties in deck order). */
  lowestAtInterview(): CardStat[] {
    const r = this.#atInterview;
    if (!r) return [];
    const seen: number[] = [];
    for (let i = 0; i < r.length; i++) if (!Number.isNaN(r[i]!)) seen.push(i);
    // Array.prototype.sort is stable: equal recalls stay in deck order.
    return seen.sort((a, b) => r[a]! - r[b]!).map((i) => this.at(i));
  }

  #make(i: number): CardStat {
    const c = this.cards[i]!;
    const state = this.#state[i]!;
    const seen = state > 0;
    const progressAt = (this.#progressAt ??= progressReader(this.progress, this.cards));
    // Made on first read: undefined for a card the map does not hold.
    let made: CardProgress | undefined | null = null;
    const full = () => (made === null ? (made = progressAt(i)) : made);
    const atInterview = this.#atInterview?.[i];
    return {
      id: c.id,
      kind: c.kind,
      // Getters: a deck's card texts are read when shown.
      get prompt() {
        return c.kind === 'ask' ? c.answer : c.prompt;
      },
      state: state < 0 ? 'new' : STATE_NAMES[state as State],
      due: seen ? new Date(this.#due[i]!) : null,
      stability: seen ? this.#stability[i]! : null,
      get difficulty() {
        return seen ? full()!.fsrs.difficulty : null;
      },
      get reps() {
        return full()?.fsrs.reps ?? 0;
      },
      get lapses() {
        return full()?.fsrs.lapses ?? 0;
      },
      get lastGrade() {
        return full()?.history.last?.grade ?? null;
      },
      recallNow: seen ? this.#now[i]! : null,
      recallAtInterview: seen && atInterview !== undefined ? atInterview : null,
    };
  }
}

/**
 * Every card of the deck, in deck order, with its memory state and predicted recall now and at
 * `interview` (ignored once it has passed: a past interview predicts nothing). What every card
 * needs is read from its schedule facts; a card's full progress is made only when one of the
 * rest (difficulty, reps, lapses, last grade) is read.
 */
export function cardStats(
  f: FSRS,
  cards: readonly Card[],
  progress: ReadonlyMap<string, CardProgress>,
  now: Date,
  interview: Date | null,
): CardStat[] {
  return new DeckCards(f, cards, progress, now, interview).all();
}

/** How many cards the stats list by recall before the rest are summed up in one line. */
export const RECALL_SHOWN = 8;
