import type { FSRS } from 'ts-fsrs';
import { cardById, type Card, type Deck } from '../deck/types.js';
import type { Grade, GradeRecord } from '../store/review-log.js';
import { GRADE_NAMES } from '../schedule/preview.js';
import { scheduler } from '../schedule/fsrs.js';
import { applyGrade, type CardProgress } from '../schedule/progress.js';
import { ProgressMap } from '../schedule/progress-map.js';
import { queueLength, queueOf, sendBack, takeNext, type CardQueue } from './card-queue.js';
import { waitingCards, newIntroducedToday, pickable, pickNext, type PickReason } from '../schedule/queue.js';
import { dayStart } from '../schedule/day.js';
import { deadlineView } from '../schedule/deadline.js';
import { weakestFirst as rankForPractice } from '../schedule/weakness.js';
import type { AnswerMode } from '../store/settings.js';
import { freshAnswer, typingReducer, type AnswerState, type TypingAction } from './drill-typing.js';

/**
 * `due`: what the schedule asks for today (interview-aware); `all`: every card, weakest first;
 * `review`: a fixed list of cards given at the start (the weak ones).
 */
export type DrillMode = 'due' | 'all' | 'review';
export type Phase = 'question' | 'revealed' | 'done' | 'empty';

export interface DrillConfig {
  deck: Deck;
  retention: number;
  newPerDay: number;
  /** The interview, if one is set: due dates bend to it until it starts. */
  interview?: Date;
  /** `type`: each question card opens with the answer field (settings `answerMode`, or --type). */
  answerMode?: AnswerMode;
}

interface Snapshot {
  progress: ProgressMap;
  current: DrillState['current'];
  queue: CardQueue;
  pool: DrillState['pool'];
  reviewed: number;
  again: number;
  newToday: number;
  newTodayDay: number;
}

/** The drill as a state machine: everything a screen needs, nothing it must compute. */
export interface DrillState {
  config: DrillConfig;
  mode: DrillMode;
  /** Every card's progress; a grade replaces one card's without copying the others. */
  progress: ProgressMap;
  phase: Phase;
  current: { id: string; reason: PickReason | 'practice' } | null;
  /** Cards left in `all` and `review` modes, in order. */
  queue: CardQueue;
  /** In `due` mode, the cards the schedule can pick from this study day; null until worked out. */
  pool: Pool | null;
  shownAt: number;
  revealedAt: number | null;
  /** When the pitch card's timer was started (the reveal stops it); null until then, and on other cards. */
  pitchStartedAt: number | null;
  /** The user asked to keep a very short pitch attempt in the pitch history (see drillPitchRecord). */
  keepShortPitch: boolean;
  /** The answer typed before the reveal, on question cards. */
  answer: AnswerState;
  /** New cards introduced in the study day starting at `newTodayDay` (ms), this session's included. */
  newToday: number;
  newTodayDay: number;
  reviewed: number;
  again: number;
  startedAt: number;
  /** Grades that `undo` can take back, newest last. */
  undo: ReadonlyArray<{ recordId: string; grade: Grade; before: Snapshot }>;
  help: boolean;
  /** A message for the user, e.g. a grade that could not be saved. */
  error: string | null;
  /** What the last key did when the screen would not show it otherwise ("Undid Good on …"); cleared by the next action. */
  notice: string | null;
}

export type DrillAction =
  | { type: 'reveal'; now: number }
  | { type: 'pitch-start'; now: number }
  | { type: 'keep-short-pitch' }
  | TypingAction
  | { type: 'graded'; record: GradeRecord; now: number }
  | { type: 'undone'; now: number }
  | { type: 'practise-all'; now: number }
  | { type: 'toggle-help' }
  | { type: 'error'; message: string }
  | { type: 'notice'; message: string };

const fsrsOf = (s: DrillState): FSRS => scheduler(s.config.retention);

/** Cards ordered weakest first by the weakness score; never-seen cards last, in deck order. */
export function weakestFirst(f: FSRS, deck: Deck, progress: ReadonlyMap<string, CardProgress>, now: Date): string[] {
  return rankForPractice(f, deck.cards, progress, now);
}

/** The cards the schedule can pick from in one study day (see `pickable`), in deck order. */
interface Pool {
  /** Start of the study day it holds for (ms). */
  day: number;
  cards: readonly Card[];
}

/**
 * The progress as the queue sees it: due dates bent by the interview, if any. With `cards`,
 * only those need to be right (the interview's view is then worked out for them alone).
 */
function scheduled(s: DrillState, now: number, cards?: readonly Card[]): ReadonlyMap<string, CardProgress> {
  const interview = s.config.interview;
  // Stryker disable next-line ConditionalExpression,EqualityOperator: a fast path; deadlineView gives the progress back as it is without an interview or once it has started
  if (!interview || now >= interview.getTime()) return s.progress;
  const progress = cards ? new Map(cards.map((c) => [c.id, s.progress.get(c.id)!])) : s.progress;
  return deadlineView(fsrsOf(s), progress, interview, new Date(now));
}

/** New cards introduced in the study day of `now`: a session that runs past 04:00 starts a new day, with its own allowance. */
function newTodayAt(s: DrillState, now: number): { newToday: number; newTodayDay: number } {
  const today = dayStart(new Date(now)).getTime();
  // Stryker disable next-line ConditionalExpression: a cache; newIntroducedToday counts the same within one study day
  if (today === s.newTodayDay) return { newToday: s.newToday, newTodayDay: today };
  return { newToday: newIntroducedToday(s.progress, new Date(now)), newTodayDay: today };
}

/** The pool for the study day of `now`: the state's own, or worked out once when a day starts. */
function poolAt(s: DrillState, now: number): Pool {
  const day = dayStart(new Date(now)).getTime();
  // Stryker disable next-line ConditionalExpression: a cache; pickable gives the same pool for the rest of the study day (see its comment)
  if (s.pool?.day === day) return s.pool;
  return { day, cards: pickable(s.config.deck.cards, scheduled(s, now), new Date(now), s.config.newPerDay) };
}

function advance(s: DrillState, now: number): DrillState {
  if (s.mode !== 'due') {
    const next = takeNext(s.queue);
    if (!next) return { ...s, current: null, phase: 'done' };
    const [id, queue] = next;
    // Stryker disable next-line StringLiteral: the reason of a practice card is shown nowhere
    return { ...s, current: { id, reason: 'practice' }, queue, phase: 'question', shownAt: now, revealedAt: null, answer: freshAnswer(s.config, id) };
  }
  s = { ...s, ...newTodayAt(s, now) };
  const pool = poolAt(s, now);
  const next = pickNext(pool.cards, scheduled(s, now, pool.cards), {
    now: new Date(now),
    newPerDay: s.config.newPerDay,
    newToday: s.newToday,
  });
  if (!next) return { ...s, pool, current: null, phase: s.reviewed === 0 ? 'empty' : 'done' };
  return { ...s, pool, current: next, phase: 'question', shownAt: now, revealedAt: null, answer: freshAnswer(s.config, next.id) };
}

/** The state a drill opens in. */
export function initDrill(
  config: DrillConfig,
  progress: ReadonlyMap<string, CardProgress>,
  now: number,
  mode: DrillMode = 'due',
  /** The cards of a `review` session, in order. */
  cards: readonly string[] = [],
): DrillState {
  const base: DrillState = {
    config,
    mode,
    progress: ProgressMap.from(progress),
    // Stryker disable next-line StringLiteral: advance() below always sets the phase
    phase: 'question',
    current: null,
    // In due mode the queue is never read (the pool is), so what it holds then cannot matter.
    // Stryker disable ConditionalExpression,ArrayDeclaration: see above
    queue: queueOf(
      mode === 'all'
        ? weakestFirst(scheduler(config.retention), config.deck, progress, new Date(now))
        : mode === 'review'
          ? cards
          : [],
    ),
    // Stryker restore ConditionalExpression,ArrayDeclaration
    pool: null,
    shownAt: now,
    revealedAt: null,
    pitchStartedAt: null,
    keepShortPitch: false,
    answer: freshAnswer(config, undefined),
    newToday: newIntroducedToday(progress, new Date(now)),
    newTodayDay: dayStart(new Date(now)).getTime(),
    reviewed: 0,
    again: 0,
    startedAt: now,
    undo: [],
    help: false,
    error: null,
    notice: null,
  };
  return advance(base, now);
}

/** A prompt cut to a few words for a one-line notice: "Walk us through how…". */
function shortPrompt(text: string, max = 32): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length <= max ? line : `${line.slice(0, max - 1).trimEnd()}…`;
}

/** The drill reducer: pure, with "now" carried by each action. A notice lasts until the next action. */
export function drillReducer(s: DrillState, a: DrillAction): DrillState {
  const next = reduce(s, a);
  return next.notice !== null && a.type !== 'undone' && a.type !== 'notice' && a.type !== 'type-change' ? { ...next, notice: null } : next;
}

function reduce(s: DrillState, a: DrillAction): DrillState {
  switch (a.type) {
    case 'reveal':
      return s.phase === 'question' ? { ...s, phase: 'revealed', revealedAt: a.now, error: null } : s;
    case 'pitch-start':
      // A voice may start the clock while the help is open: the clock is what to see then.
      return s.phase === 'question' && s.pitchStartedAt === null ? { ...s, pitchStartedAt: a.now, help: false, error: null } : s;
    case 'keep-short-pitch':
      return s.phase === 'revealed' ? { ...s, keepShortPitch: true } : s;
    case 'type-open':
    case 'type-change':
    case 'type-leave':
    case 'type-submit':
      return typingReducer(s, a);
    case 'graded': {
      if (s.phase !== 'revealed' || !s.current || s.current.id !== a.record.card) return s;
      const before: Snapshot = {
        progress: s.progress,
        current: s.current,
        queue: s.queue,
        pool: s.pool,
        reviewed: s.reviewed,
        again: s.again,
        newToday: s.newToday,
        newTodayDay: s.newTodayDay,
      };
      const old = s.progress.get(a.record.card);
      // Stryker disable next-line ConditionalExpression: the card on screen always has progress (replay gives every card of the deck one)
      if (!old) return s;
      const progress = s.progress.with(a.record.card, applyGrade(fsrsOf(s), old, a.record));
      const wasNew = old.history.count === 0;
      // In `all` and `review` modes a forgotten card goes to the back of the line once more.
      // Stryker disable next-line ConditionalExpression,StringLiteral: in due mode the queue is never read (the pool is)
      const queue = s.mode !== 'due' && a.record.grade === 1 ? sendBack(s.queue, a.record.card) : s.queue;
      return advance(
        {
          ...s,
          progress,
          queue,
          reviewed: s.reviewed + 1,
          again: s.again + (a.record.grade === 1 ? 1 : 0),
          newToday: s.newToday + (wasNew ? 1 : 0),
          undo: [...s.undo, { recordId: a.record.id, grade: a.record.grade, before }],
          pitchStartedAt: null,
          keepShortPitch: false,
          error: null,
        },
        a.now,
      );
    }
    case 'undone': {
      const last = s.undo[s.undo.length - 1];
      if (!last) return s;
      const card = last.before.current ? cardById(s.config.deck, last.before.current.id) : undefined;
      return {
        ...s,
        // Stryker disable next-line StringLiteral: a grade is only given with a card of the deck on screen, so the card is always found
        notice: `Undid ${GRADE_NAMES[last.grade]}${card ? ` on “${shortPrompt(card.kind === 'ask' ? card.answer : card.prompt)}”` : ''}`,
        ...last.before,
        undo: s.undo.slice(0, -1),
        phase: 'question',
        shownAt: a.now,
        revealedAt: null,
        pitchStartedAt: null,
        keepShortPitch: false,
        // Stryker disable next-line OptionalChaining: a grade, hence an undo entry, is only made with a card on screen
        answer: freshAnswer(s.config, last.before.current?.id),
        error: null,
      };
    }
    case 'practise-all': {
      if (s.phase !== 'empty' && s.phase !== 'done') return s;
      const queue = queueOf(weakestFirst(fsrsOf(s), s.config.deck, s.progress, new Date(a.now)));
      return advance({ ...s, mode: 'all', queue }, a.now);
    }
    case 'toggle-help':
      return { ...s, help: !s.help };
    case 'error':
      return { ...s, error: a.message };
    case 'notice':
      return { ...s, notice: a.message };
  }
}

function waitingInPool(s: DrillState): { waiting: number; learning: number } {
  const { cards } = poolAt(s, s.shownAt);
  return waitingCards(cards, scheduled(s, s.shownAt, cards), {
    now: new Date(s.shownAt),
    newPerDay: s.config.newPerDay,
    newToday: newTodayAt(s, s.shownAt).newToday,
  });
}

/** Where the session stands, for the header: "4 left · 2 learning". */
export interface SessionProgress {
  /** Cards graded in this session. */
  done: number;
  /** Cards still to answer in this session, the one on screen included. */
  left: number;
  /** Of those, cards forgotten (or still being learnt) that come back in this session. */
  learning: number;
}

/**
 * What is left of the session. `left` counts what the schedule holds now, so it may grow when a
 * card graded Again comes back; `learning` says how many of those are such cards.
 */
export function position(s: DrillState): SessionProgress {
  const shown = s.current ? 1 : 0;
  if (s.mode !== 'due') return { done: s.reviewed, left: queueLength(s.queue) + shown, learning: s.queue.back.length };
  const { waiting, learning } = waitingInPool(s);
  // The card on screen is in the pool's count already, unless it was picked ahead of time.
  return { done: s.reviewed, left: Math.max(waiting, shown), learning };
}
