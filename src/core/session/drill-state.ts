import type { FSRS } from 'ts-fsrs';
import type { Card, Deck } from '../deck/types.js';
import type { GradeRecord } from '../store/review-log.js';
import { scheduler } from '../schedule/fsrs.js';
import { applyGrade, type CardProgress } from '../schedule/progress.js';
import { ProgressMap } from '../schedule/progress-map.js';
import { queueLength, queueOf, sendBack, takeNext, type CardQueue } from './card-queue.js';
import { countWaiting, newIntroducedToday, pickable, pickNext, type PickReason } from '../schedule/queue.js';
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
  /** The answer typed before the reveal, on question cards. */
  answer: AnswerState;
  /** New cards introduced in the study day starting at `newTodayDay` (ms), this session's included. */
  newToday: number;
  newTodayDay: number;
  reviewed: number;
  again: number;
  startedAt: number;
  /** Grades that `undo` can take back, newest last. */
  undo: ReadonlyArray<{ recordId: string; before: Snapshot }>;
  help: boolean;
  /** A message for the user, e.g. a grade that could not be saved. */
  error: string | null;
}

export type DrillAction =
  | { type: 'reveal'; now: number }
  | { type: 'pitch-start'; now: number }
  | TypingAction
  | { type: 'graded'; record: GradeRecord; now: number }
  | { type: 'undone'; now: number }
  | { type: 'practise-all'; now: number }
  | { type: 'toggle-help' }
  | { type: 'error'; message: string };

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
  if (!interview || now >= interview.getTime()) return s.progress;
  const progress = cards ? new Map(cards.map((c) => [c.id, s.progress.get(c.id)!])) : s.progress;
  return deadlineView(fsrsOf(s), progress, interview, new Date(now));
}

/** New cards introduced in the study day of `now`: a session that runs past 04:00 starts a new day, with its own allowance. */
function newTodayAt(s: DrillState, now: number): { newToday: number; newTodayDay: number } {
  const today = dayStart(new Date(now)).getTime();
  if (today === s.newTodayDay) return { newToday: s.newToday, newTodayDay: today };
  return { newToday: newIntroducedToday(s.progress, new Date(now)), newTodayDay: today };
}

/** The pool for the study day of `now`: the state's own, or worked out once when a day starts. */
function poolAt(s: DrillState, now: number): Pool {
  const day = dayStart(new Date(now)).getTime();
  if (s.pool?.day === day) return s.pool;
  return { day, cards: pickable(s.config.deck.cards, scheduled(s, now), new Date(now), s.config.newPerDay) };
}

function advance(s: DrillState, now: number): DrillState {
  if (s.mode !== 'due') {
    const next = takeNext(s.queue);
    if (!next) return { ...s, current: null, phase: 'done' };
    const [id, queue] = next;
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
    phase: 'question',
    current: null,
    queue: queueOf(
      mode === 'all'
        ? weakestFirst(scheduler(config.retention), config.deck, progress, new Date(now))
        : mode === 'review'
          ? cards
          : [],
    ),
    pool: null,
    shownAt: now,
    revealedAt: null,
    pitchStartedAt: null,
    answer: freshAnswer(config, undefined),
    newToday: newIntroducedToday(progress, new Date(now)),
    newTodayDay: dayStart(new Date(now)).getTime(),
    reviewed: 0,
    again: 0,
    startedAt: now,
    undo: [],
    help: false,
    error: null,
  };
  return advance(base, now);
}

/** The drill reducer: pure, with "now" carried by each action. */
export function drillReducer(s: DrillState, a: DrillAction): DrillState {
  switch (a.type) {
    case 'reveal':
      return s.phase === 'question' ? { ...s, phase: 'revealed', revealedAt: a.now, error: null } : s;
    case 'pitch-start':
      return s.phase === 'question' && s.pitchStartedAt === null ? { ...s, pitchStartedAt: a.now, error: null } : s;
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
      if (!old) return s;
      const progress = s.progress.with(a.record.card, applyGrade(fsrsOf(s), old, a.record));
      const wasNew = old.history.count === 0;
      // In `all` and `review` modes a forgotten card goes to the back of the line once more.
      const queue = s.mode !== 'due' && a.record.grade === 1 ? sendBack(s.queue, a.record.card) : s.queue;
      return advance(
        {
          ...s,
          progress,
          queue,
          reviewed: s.reviewed + 1,
          again: s.again + (a.record.grade === 1 ? 1 : 0),
          newToday: s.newToday + (wasNew ? 1 : 0),
          undo: [...s.undo, { recordId: a.record.id, before }],
          pitchStartedAt: null,
          error: null,
        },
        a.now,
      );
    }
    case 'undone': {
      const last = s.undo[s.undo.length - 1];
      if (!last) return s;
      return {
        ...s,
        ...last.before,
        undo: s.undo.slice(0, -1),
        phase: 'question',
        shownAt: a.now,
        revealedAt: null,
        pitchStartedAt: null,
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
  }
}

function waitingInPool(s: DrillState): number {
  const { cards } = poolAt(s, s.shownAt);
  return countWaiting(cards, scheduled(s, s.shownAt, cards), {
    now: new Date(s.shownAt),
    newPerDay: s.config.newPerDay,
    newToday: newTodayAt(s, s.shownAt).newToday,
  });
}

/** Position in the session for the header: "3/9". */
export function position(s: DrillState): { index: number; total: number } {
  const waiting = s.mode !== 'due' ? queueLength(s.queue) : waitingInPool(s) - (s.current ? 1 : 0);
  const index = s.reviewed + (s.current ? 1 : 0);
  return { index, total: index + Math.max(0, waiting) };
}
