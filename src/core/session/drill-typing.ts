import { cardById, type Card, type Deck } from '../deck/types.js';
import type { Grade } from '../store/log-records.js';
import type { AnswerMode } from '../store/settings.js';
import { coverage, type Coverage } from '../answer/match.js';
import { suggestGrade } from '../answer/suggest.js';

/** Said when the user asks to type on a card that has nothing to check the answer against. */
export const NO_KEY_POINTS = 'No key points on this card: grade yourself.';

/**
 * The most an answer keeps, in characters: far more than anyone says in an interview answer,
 * small enough that each key press re-draws and re-checks it at once. A paste over it is cut
 * here (and the screen says so), so a megabyte pasted by mistake cannot stall the drill.
 */
export const MAX_ANSWER_CHARS = 4000;

/** A typed answer once submitted: the text, how it covers the key points, the grade it suggests. */
export interface SubmittedAnswer {
  text: string;
  coverage: Coverage;
  /** Pre-selected on reveal; enter accepts it. */
  suggested: Grade | null;
}

/** Typing the answer before the reveal, for the card on screen. */
export interface AnswerState {
  /** The input field is open under the question. */
  open: boolean;
  /** What is typed so far; kept when Esc leaves the field, so `t` picks up where it was. */
  draft: string;
  submitted: SubmittedAnswer | null;
  /** Why typing is not offered here, once it was asked for (NO_KEY_POINTS). */
  notice: string | null;
  /** The draft was cut to MAX_ANSWER_CHARS. */
  cut?: boolean;
}

/** What typing needs of the drill's config. */
export interface TypingConfig {
  deck: Deck;
  answerMode?: AnswerMode;
}

/**
 * The part of the drill state that typing reads and writes. The drill's state has it; typing
 * knows nothing else of the drill (so this file does not import drill-state.ts).
 */
export interface TypingSlice {
  config: TypingConfig;
  phase: 'question' | 'revealed' | 'done' | 'empty';
  current: { id: string } | null;
  shownAt: number;
  revealedAt: number | null;
  answer: AnswerState;
  error: string | null;
}

export type TypingAction =
  | { type: 'type-open' }
  | { type: 'type-change'; text: string }
  | { type: 'type-leave' }
  | { type: 'type-submit'; now: number };

/** Typing is for question cards; the pitch keeps its timer, and ask cards have no key points. */
export function typeable(card: Card | undefined): boolean {
  // Stryker disable next-line OptionalChaining: asked without a card only by the help, which a drill with no card does not offer
  return card?.kind === 'question';
}

const CLOSED: AnswerState = Object.freeze({ open: false, draft: '', submitted: null, notice: null });

/** A question card has key points to check: typing opens; without any, the reason is given. */
function opened(card: Card): AnswerState {
  return card.points.length > 0 ? { ...CLOSED, open: true } : { ...CLOSED, notice: NO_KEY_POINTS };
}

/** The answer state a card starts with: typing already open in `answerMode: 'type'`. */
export function freshAnswer(config: TypingConfig, cardId: string | undefined): AnswerState {
  const card = cardById(config.deck, cardId);
  return config.answerMode === 'type' && card && typeable(card) ? opened(card) : CLOSED;
}

function cardOf(s: TypingSlice): Card | undefined {
  // Stryker disable next-line OptionalChaining: typing keys are offered only on a question, and a question is always on a card
  return cardById(s.config.deck, s.current?.id);
}

/** True when the card on screen takes a typed answer (`t` is offered). */
export function canType(s: TypingSlice): boolean {
  return s.phase === 'question' && typeable(cardOf(s));
}

/** Single-line field: a pasted newline or tab becomes a space (one for one, so the cursor stays put). */
const oneLine = (text: string) => text.replace(/[\r\n\t]/g, ' ');

/**
 * A typed answer against the card's key points (with their `match:` alternatives and the deck's
 * aliases), and the grade it suggests after `ms`: what the drill's reveal and the mock's
 * scorecard both show.
 */
export function checkTyped(deck: Pick<Deck, 'aliases'>, card: Card, text: string, ms: number): SubmittedAnswer {
  const points = card.points.map((p, i) => ({ text: p, match: card.matches?.[i] }));
  const cov = coverage(text, points, { aliases: deck.aliases ?? {} });
  return { text, coverage: cov, suggested: suggestGrade(cov, ms, card.seconds) };
}

/** The typing part of the drill reducer. */
export function typingReducer<S extends TypingSlice>(s: S, a: TypingAction): S {
  const card = cardOf(s);
  if (s.phase !== 'question' || !card || !typeable(card)) return s;
  switch (a.type) {
    case 'type-open':
      return s.answer.open ? s : { ...s, answer: { ...opened(card), draft: s.answer.draft } };
    case 'type-change': {
      if (!s.answer.open) return s;
      const cut = a.text.length > MAX_ANSWER_CHARS;
      const draft = oneLine(cut ? a.text.slice(0, MAX_ANSWER_CHARS) : a.text);
      // The rest of a long paste arrives chunk by chunk: once the field is full, nothing changes.
      // Stryker disable next-line BooleanLiteral: an uncut, unchanged draft gives an equal state; this only spares a redraw
      if (draft === s.answer.draft && (!cut || s.answer.cut)) return s;
      return { ...s, answer: { ...s.answer, draft, cut: cut || s.answer.cut === true } };
    }
    case 'type-leave':
      return s.answer.open ? { ...s, answer: { ...s.answer, open: false } } : s;
    case 'type-submit': {
      if (!s.answer.open) return s;
      const text = s.answer.draft.trim();
      const revealed: S = { ...s, phase: 'revealed', revealedAt: a.now, error: null };
      // Nothing typed: a plain reveal, graded by the user.
      if (!text) return { ...revealed, answer: CLOSED };
      return { ...revealed, answer: { ...CLOSED, submitted: checkTyped(s.config.deck, card, text, a.now - s.shownAt) } };
    }
  }
}
