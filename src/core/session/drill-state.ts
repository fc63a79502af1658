import type { FSRS } from 'ts-fsrs';
import type { Deck } from '../deck/types.js';
import type { GradeRecord } from '../store/review-log.js';
import { scheduler } from '../schedule/fsrs.js';
import { applyGrade, type CardProgress } from '../schedule/progress.js';
import { ProgressMap } from '../schedule/progress-map.js';
import { queueLength, queueOf, sendBack, takeNext, type CardQueue } from './card-queue.js';
import { countWaiting, newIntroducedToday, pickNext, type PickReason } from '../schedule/queue.js';
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
  reviewed: number;
  again: number;
  newToday: number;
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
  shownAt: number;
  revealedAt: number | null;
  /** When the pitch card's timer was started (the reveal stops it); null until then, and on other cards. */
  pitchStartedAt: number | null;
  /** The answer typed before the reveal, on question cards. */
  answer: AnswerState;
  newToday: number;
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

/** The progress as the queue sees it: due dates bent by the interview, if any. */
function scheduled(s: DrillState, now: number): ReadonlyMap<string, CardProgress> {
  return deadlineView(fsrsOf(s), s.progress, s.config.interview, new Date(now));
}

function advance(s: DrillState, now: number): DrillState {
  if (s.mode !== 'due') {
    const next = takeNext(s.queue);
    if (!next) return { ...s, current: null, phase: 'done' };
    const [id, queue] = next;
    return { ...s, current: { id, reason: 'practice' }, queue, phase: 'question', shownAt: now, revealedAt: null, answer: freshAnswer(s.config, id) };
  }
  const next = pickNext(s.config.deck.cards, scheduled(s, now), {
    now: new Date(now),
    newPerDay: s.config.newPerDay,
    newToday: s.newToday,
  });
  if (!next) return { ...s, current: null, phase: s.reviewed === 0 ? 'empty' : 'done' };
  return { ...s, current: next, phase: 'question', shownAt: now, revealedAt: null, answer: freshAnswer(s.config, next.id) };
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
    shownAt: now,
    revealedAt: null,
    pitchStartedAt: null,
    answer: freshAnswer(config, undefined),
    newToday: newIntroducedToday(progress, new Date(now)),
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
        reviewed: s.reviewed,
        again: s.again,
        newToday: s.newToday,
      };
      const old = s.progress.get(a.record.card);
      if (!old) return s;
      const progress = s.progress.with(a.record.card, applyGrade(fsrsOf(s), old, a.record));
      const wasNew = old.grades.length === 0;
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

/** Position in the session for the header: "3/9". */
export function position(s: DrillState): { index: number; total: number } {
  const waiting =
    s.mode !== 'due'
      ? queueLength(s.queue)
      : countWaiting(s.config.deck.cards, scheduled(s, s.shownAt), {
          now: new Date(s.shownAt),
          newPerDay: s.config.newPerDay,
          newToday: s.newToday,
        }) - (s.current ? 1 : 0);
  const index = s.reviewed + (s.current ? 1 : 0);
  return { index, total: index + Math.max(0, waiting) };
}
