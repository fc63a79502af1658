import { inert } from '../text/inert.js';

/** The kinds of card a deck holds. */
export type CardKind = 'question' | 'pitch' | 'ask';

/** One card of a validated deck. Progress is keyed by deck name + `id`. */
export interface Card {
  /** Stable id: the author's `id`, else a slug of the question; `pitch` for the pitch. */
  id: string;
  kind: CardKind;
  /** What the screen asks: the question, the pitch prompt, or "What will you ask them?". */
  prompt: string;
  /** What a reveal shows: the model answer, the pitch script, or the question to ask. */
  answer: string;
  /** Key points the answer must hit (the pitch's beats); may be empty. */
  points: string[];
  /** Other phrasings each point accepts (`match:`), by the point's index; absent when none has any. */
  matches?: string[][];
  tags: string[];
  /** Target spoken length in seconds, when the deck sets one (pitch: default 30). */
  seconds?: number;
  /** Why to ask it (ask cards only). */
  why?: string;
  /** 1-based line of the card in its file, for messages. */
  line: number;
}

/** A deck as loaded and validated from YAML. */
export interface Deck {
  /** The file name without `.yaml`: `coder.yaml` -> `coder`. */
  name: string;
  /** Absolute path of the file it was read from. */
  path: string;
  title: string;
  company?: string;
  role?: string;
  /** The interview date as written (`2026-03-05` or `2026-03-05T14:00`), if any. */
  interview?: string;
  /** Words a typed answer may use for one another (`aliases:`), if the deck has any. */
  aliases?: Record<string, string>;
  cards: Card[];
}

/** A problem found in a deck file, with its place. */
export interface DeckProblem {
  file: string;
  line: number;
  column: number;
  /** Where in the deck: `questions[2].answer`, or '' for the file as a whole. */
  path: string;
  message: string;
  severity: 'error' | 'warning';
}

/**
 * Formats a problem as one line: `decks/coder.yaml:12:5 questions[2].answer: expected text, got a list`.
 * A message may quote the deck and the file name is anyone's, so the line is made inert.
 */
export function formatProblem(p: DeckProblem): string {
  const where = p.path ? `${p.path}: ` : '';
  const tag = p.severity === 'warning' ? 'warning: ' : '';
  return inert(`${p.file}:${p.line}:${p.column} ${tag}${where}${p.message}`);
}

const DECK_ERROR = Symbol.for('prep.DeckError');

/** Thrown by the loader when a deck has errors; carries every problem found, not only the first. */
export class DeckError extends Error {
  readonly [DECK_ERROR] = true;

  constructor(readonly problems: DeckProblem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'DeckError';
  }

  // The loader runs from the authoring bundle (dist/prep-authoring.js) with its own copy of this
  // class: `instanceof` goes by the mark, so prep.js knows its errors as its own (as UserError).
  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && (value as { [DECK_ERROR]?: unknown })[DECK_ERROR] === true;
  }
}

const byId = new WeakMap<readonly Card[], ReadonlyMap<string, Card>>();

/** The deck's card with this id, by an index built once per deck (a deck may hold 10,000 cards). */
export function cardById(deck: Deck, id: string | undefined): Card | undefined {
  if (id === undefined) return undefined;
  let index = byId.get(deck.cards);
  if (!index) byId.set(deck.cards, (index = new Map(deck.cards.map((c) => [c.id, c]))));
  return index.get(id);
}
