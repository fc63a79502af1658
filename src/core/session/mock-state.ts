import { progressKey } from '../deck/progress-key.js';
import type { Card, Deck } from '../deck/types.js';
import type { Grade, GradeRecord, MockItemRecord, MockRecord } from '../store/log-records.js';
import { pitchTargetSeconds } from '../pitch/timing.js';
import { scheduler } from '../schedule/fsrs.js';
import { applyGrade, type CardProgress } from '../schedule/progress.js';
import { checkTyped, type SubmittedAnswer } from './drill-typing.js';

/**
 * speaking: the question is being read aloud (the clock waits); answering: the clock runs;
 * grading: the scorecard, one answer graded at a time; finished: the scorecard's totals.
 */
export type MockPhase = 'speaking' | 'answering' | 'grading' | 'finished';

/** One card of the rehearsal and how it went. */
export interface MockItem {
  card: Card;
  /** The card's target in seconds (the pitch's target for the pitch); null without one. */
  target: number | null;
  /** How long the answer took; null until answered, and for a skipped one. */
  ms: number | null;
  skipped: boolean;
  /** A typed answer (--type), checked against the key points once done. */
  answer: SubmittedAnswer | null;
  grade: Grade | null;
}

/** What a mock is set up with. */
export interface MockConfig {
  id: string;
  /** The deck (its name, its title, and the aliases a typed answer is checked with). */
  deck: Pick<Deck, 'name' | 'key' | 'title' | 'aliases'>;
  /** The pitch (if any), the drawn questions, the ask card (if any), in interview order. */
  cards: readonly Card[];
  /** Each question is read aloud first (--speak with a speech command found). */
  speak: boolean;
  /** --type: question cards open with an answer field. */
  type: boolean;
  /** False with --no-grade: grades go into the rehearsal's history only. */
  scheduled: boolean;
  /** The progress of these cards, for the scorecard's recall at the interview. */
  progress: ReadonlyMap<string, CardProgress>;
  retention: number;
  interview: Date | null;
}

/** The mock interview as a state machine: everything the screen needs, nothing it must compute. */
export interface MockState {
  config: MockConfig;
  items: MockItem[];
  /** The card on screen during the rehearsal; the answer being graded in the scorecard. */
  index: number;
  phase: MockPhase;
  startedAt: number;
  /** When the current answer's clock started; null while the question is read. */
  answerStartedAt: number | null;
  /** When the last answer ended and the scorecard opened. */
  endedAt: number | null;
  /** The answer being typed (--type); `typing` false once esc leaves the field. */
  draft: string;
  typing: boolean;
  /** Progress with the grades given here applied (unchanged with --no-grade). */
  progress: ReadonlyMap<string, CardProgress>;
  /** The rehearsal's record is in the log. */
  saved: boolean;
  quitting: boolean;
  help: boolean;
  /** A line about the speech command, e.g. that it failed; the rehearsal goes on. */
  notice: string | null;
  error: string | null;
}

export type MockAction =
  | { type: 'spoken'; now: number; notice?: string | null }
  | { type: 'done'; now: number }
  | { type: 'skip'; now: number }
  | { type: 'type-change'; text: string }
  | { type: 'type-open' }
  | { type: 'type-leave' }
  | { type: 'graded'; grade: Grade; record: GradeRecord | null }
  | { type: 'not-graded' }
  | { type: 'saved' }
  | { type: 'toggle-help' }
  | { type: 'quit'; now: number }
  | { type: 'error'; message: string };

function targetOf(card: Card): number | null {
  if (card.kind === 'pitch') return pitchTargetSeconds(card);
  return card.seconds ?? null;
}

/** True when the card takes a typed answer in a --type mock (a question with key points). */
export function typesAnswer(config: MockConfig, card: Card | undefined): boolean {
  // Stryker disable next-line OptionalChaining: every caller passes the card of an item that exists
  return config.type && card?.kind === 'question' && card.points.length > 0;
}

/** The card's screen opens: read aloud first, or straight to the clock. */
function open(s: MockState, index: number, now: number): MockState {
  // Stryker disable next-line BooleanLiteral,StringLiteral: the field and its draft are read only while answering
  if (index >= s.items.length) return { ...s, index: 0, phase: 'grading', endedAt: now, answerStartedAt: null, typing: false, draft: '' };
  const card = s.items[index]!.card;
  const speaking = s.config.speak;
  return { ...s, index, phase: speaking ? 'speaking' : 'answering', answerStartedAt: speaking ? null : now, draft: '', typing: typesAnswer(s.config, card) };
}

/** The state a mock opens in, on its first card (read aloud first with --speak). */
export function initMock(config: MockConfig, now: number): MockState {
  const items = config.cards.map((card) => ({ card, target: targetOf(card), ms: null, skipped: false, answer: null, grade: null }));
  const base: MockState = {
    config,
    items,
    index: 0,
    // Stryker disable next-line StringLiteral: open() below sets the phase
    phase: 'answering',
    startedAt: now,
    answerStartedAt: null,
    endedAt: null,
    // Stryker disable next-line StringLiteral: open() below empties the draft
    draft: '',
    // Stryker disable next-line BooleanLiteral: open() below sets whether the field is open
    typing: false,
    progress: config.progress,
    saved: false,
    quitting: false,
    help: false,
    notice: null,
    error: null,
  };
  return open(base, 0, now);
}

const replaceItem = (s: MockState, i: number, item: Partial<MockItem>): MockItem[] => s.items.map((x, j) => (j === i ? { ...x, ...item } : x));

/** The next answer in the scorecard that has no grade yet, after `from`; items.length when none. */
export function nextUngraded(s: MockState, from: number): number {
  let i = from + 1;
  // Stryker disable next-line ConditionalExpression,UpdateOperator: grades are given in order, so no answer after the current one has a grade yet
  while (i < s.items.length && s.items[i]!.grade !== null) i++;
  return i;
}

/** The answer on screen, ended at `now`: its time, and what a typed answer covered. */
function finishAnswer(s: MockState, now: number): MockItem {
  const item = s.items[s.index]!;
  const ms = Math.max(0, now - (s.answerStartedAt ?? now));
  const text = s.draft.trim();
  if (!typesAnswer(s.config, item.card) || !text) return { ...item, ms };
  return { ...item, ms, answer: checkTyped(s.config.deck, item.card, text, ms) };
}

/** The mock reducer: pure, with "now" carried by the actions that need it. */
export function mockReducer(s: MockState, a: MockAction): MockState {
  if (s.quitting) return s;
  const rehearsing = s.phase === 'speaking' || s.phase === 'answering';
  switch (a.type) {
    case 'spoken':
      return s.phase === 'speaking' ? { ...s, phase: 'answering', answerStartedAt: a.now, notice: a.notice ?? s.notice } : s;
    case 'done':
      if (s.phase !== 'answering') return s;
      return open({ ...s, items: replaceItem(s, s.index, finishAnswer(s, a.now)), error: null }, s.index + 1, a.now);
    case 'skip':
      if (!rehearsing) return s;
      return open({ ...s, items: replaceItem(s, s.index, { skipped: true, ms: null }), error: null }, s.index + 1, a.now);
    case 'type-change':
      return s.phase === 'answering' && s.typing ? { ...s, draft: a.text.replace(/[\r\n\t]/g, ' ') } : s;
    case 'type-open':
      // Stryker disable next-line OptionalChaining: while rehearsing the index is always an item's
      return rehearsing && typesAnswer(s.config, s.items[s.index]?.card) ? { ...s, typing: true } : s;
    case 'type-leave':
      return { ...s, typing: false };
    case 'graded': {
      if (s.phase !== 'grading') return s;
      const item = s.items[s.index]!;
      const old = s.progress.get(item.card.id);
      const progress =
        a.record && old ? new Map(s.progress).set(item.card.id, applyGrade(scheduler(s.config.retention), old, a.record)) : s.progress;
      const graded = { ...s, items: replaceItem(s, s.index, { grade: a.grade }), progress, error: null };
      return toNext(graded);
    }
    case 'not-graded':
      return s.phase === 'grading' ? toNext(s) : s;
    case 'saved':
      return { ...s, saved: true };
    case 'toggle-help':
      return { ...s, help: !s.help };
    case 'quit':
      return { ...s, quitting: true, help: false, endedAt: s.endedAt ?? a.now };
    case 'error':
      return { ...s, error: a.message };
  }
}

/** To the next answer without a grade; the totals once every answer has had its turn. */
function toNext(s: MockState): MockState {
  const next = nextUngraded(s, s.index);
  return next < s.items.length ? { ...s, index: next } : { ...s, phase: 'finished' };
}

/** How many grades were given in the scorecard. */
export function gradesGiven(s: Pick<MockState, 'items'>): number {
  return s.items.filter((i) => i.grade !== null).length;
}

/** The rehearsal as it goes in the deck's log, with the grades given so far. */
export function mockRecord(s: MockState): MockRecord {
  const items: MockItemRecord[] = s.items.map((i) => ({
    card: i.card.id,
    kind: i.card.kind,
    ms: i.skipped ? null : i.ms,
    target: i.target,
    skipped: i.skipped,
    grade: i.grade,
  }));
  return {
    v: 1,
    type: 'mock',
    id: s.config.id,
    deck: progressKey(s.config.deck),
    at: new Date(s.startedAt).toISOString(),
    ms: Math.max(0, (s.endedAt ?? s.startedAt) - s.startedAt),
    items,
    scheduled: s.config.scheduled,
  };
}
