/** A question card read from an imported file, before ids are made. */
export interface DraftQuestion {
  question: string;
  answer: string;
  points: string[];
  tags: string[];
}

/** A question to ask the interviewer, read from an imported file. */
export interface DraftAsk {
  question: string;
  why?: string;
}

/** The pitch read from an imported file. */
export interface DraftPitch {
  script: string;
  /** Target length, when the source says one (a "30-Second" heading). */
  seconds?: number;
  points: string[];
}

/** What an importer found: a deck without ids, in the order the source had it. */
export interface DraftDeck {
  title?: string;
  company?: string;
  role?: string;
  pitch?: DraftPitch;
  questions: DraftQuestion[];
  ask: DraftAsk[];
}

/** An importer's answer: the deck it found and, in plain lines, what it took and what it left. */
export interface ImportResult {
  deck: DraftDeck;
  /** What became part of the deck, e.g. `5 questions from "Likely Questions" (line 12)`. */
  took: string[];
  /** What was left out and why, e.g. `"Cover Letter" (line 9): not a questions, pitch or ask section`. */
  skipped: string[];
  /** The question cards read (`deck.questions` is empty when there were too many to keep). */
  questions: QuestionCards;
}

/** Where an importer puts its question cards: kept in the deck, or only counted once too many (deck-size.ts). */
export interface QuestionCards {
  /** Question cards read, kept or not. */
  readonly count: number;
  /** True once the cards are no longer kept: the deck is over the limit whatever else it holds. */
  readonly dropped: boolean;
  add(q: DraftQuestion): void;
  /** The least YAML bytes of the whole deck read, dropped cards included. */
  bytesAtLeast(): number;
}

/** What an importer is asked: past `limit` bytes of YAML its deck is refused, so its cards need not be kept. */
export interface ImporterOptions {
  limit?: number;
  /** Hands each question card on as it is read, none kept in the deck (they are counted still). */
  each?: (q: DraftQuestion) => void;
  /** False: the `took` lines are not kept (a count whose deck may be refused: one a card); `packed`: kept as UTF-8 bytes. */
  took?: boolean | 'packed';
}

/** True when the import read at least one card. */
export function hasCards({ deck, questions }: ImportResult): boolean {
  return deck.pitch !== undefined || questions.count > 0 || deck.ask.length > 0;
}
