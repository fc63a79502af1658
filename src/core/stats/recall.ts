import { State, type FSRS } from 'ts-fsrs';
import type { Card, CardKind } from '../deck/types.js';
import { recallAt as predictedRecall, recallOf, type CardProgress } from '../schedule/progress.js';
import { newFacts } from '../schedule/card-rows.js';
import { factsReader } from '../schedule/progress-table.js';
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
 * Every card of the deck, in deck order, with its memory state and predicted recall now and at
 * `interview` (ignored once it has passed: a past interview predicts nothing).
 *
 * One pass over the cards' schedule facts (the snapshot's columns for a whole deck): what every
 * card needs (state, due, stability, recall) is read from them, and a card's full progress is
 * made only when one of the rest (difficulty, reps, lapses, last grade) is read. The picture reads
 * those of a few cards of 10,000; the JSON reads them all.
 */
export function cardStats(
  f: FSRS,
  cards: readonly Card[],
  progress: ReadonlyMap<string, CardProgress>,
  now: Date,
  interview: Date | null,
): CardStat[] {
  const ahead = interview && interview.getTime() > now.getTime() ? interview : null;
  const facts = newFacts();
  const read = factsReader(progress, cards);
  // Stryker disable next-line ArrayDeclaration: every slot is written below; the size given only spares growing it
  const out = new Array<CardStat>(cards.length);
  for (let i = 0; i < cards.length; i++) {
    const c = cards[i]!;
    const known = read(i, facts);
    const seen = known && facts.state !== State.New;
    // Made on first read: undefined for a card the map does not hold.
    let made: CardProgress | undefined | null = null;
    // Stryker disable next-line ConditionalExpression: asked again, the map gives the same progress
    const full = () => (made === null ? (made = progress.get(c.id)) : made);
    out[i] = {
      id: c.id,
      kind: c.kind,
      // Getters: a deck's card texts are read when shown, and the stats show a few of 10,000.
      get prompt() {
        return c.kind === 'ask' ? c.answer : c.prompt;
      },
      state: known ? STATE_NAMES[facts.state] : 'new',
      due: seen ? new Date(facts.due) : null,
      stability: seen ? facts.stability : null,
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
      recallNow: seen ? recallOf(f, facts, now) : null,
      recallAtInterview: seen && ahead ? recallOf(f, facts, ahead) : null,
    };
  }
  return out;
}

/** Cards with a predicted recall at the interview, lowest first (ties in deck order). */
export function lowestAtInterview(cards: readonly CardStat[]): CardStat[] {
  return cards
    .filter((c) => c.recallAtInterview !== null)
    .sort((a, b) => a.recallAtInterview! - b.recallAtInterview!);
}

/** How many cards the stats list by recall before the rest are summed up in one line. */
export const RECALL_SHOWN = 8;

/**
 * The `count` cards with the lowest predicted recall now, lowest first (ties in deck order): the
 * first `count` of the seen cards sorted by recall, without sorting 10,000 of them.
 */
export function lowestNow(cards: readonly CardStat[], count: number): CardStat[] {
  const out: CardStat[] = [];
  for (const c of cards) {
    const r = c.recallNow;
    if (r === null || (out.length === count && r >= out[count - 1]!.recallNow!)) continue;
    let i = out.length;
    while (i > 0 && out[i - 1]!.recallNow! > r) i--;
    out.splice(i, 0, c);
    if (out.length > count) out.pop();
  }
  return out;
}
