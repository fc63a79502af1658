import { progressKey } from '../deck/progress-key.js';
import type { Card } from '../deck/types.js';
import { pitchTargetSeconds } from '../pitch/timing.js';
import type { PitchRecord } from '../store/log-records.js';

/** ready: before the start; timing: the clock runs; stopped: an unsaved result; saved: stored. */
export type PitchPhase = 'ready' | 'timing' | 'stopped' | 'saved';

/** The pitch practice as a state machine: everything the screen needs, nothing it must compute. */
export interface PitchState {
  deck: string;
  title: string;
  /** The deck's pitch card: prompt, script (`answer`), beats (`points`), target (`seconds`). */
  card: Card;
  targetSeconds: number;
  phase: PitchPhase;
  startedAt: number | null;
  stoppedAt: number | null;
  /** 0-based indices of the beats marked as hit, ascending. */
  hit: readonly number[];
  showScript: boolean;
  help: boolean;
  /** Saved attempts of this deck, oldest first; a save adds to it. */
  history: readonly PitchRecord[];
  /** How long the last attempt left unsaved by a retry took, to say it was not stored. */
  discardedMs: number | null;
  /** Set once the user quits; the screen then shows its last frame. */
  quitting: boolean;
  /** A message for the user, e.g. an attempt that could not be saved. */
  error: string | null;
  /** A very short attempt waits for a second save before it is stored. */
  confirmShort: boolean;
}

export type PitchAction =
  | { type: 'start'; now: number }
  | { type: 'stop'; now: number }
  | { type: 'toggle-beat'; index: number }
  | { type: 'toggle-script' }
  | { type: 'toggle-help' }
  | { type: 'saved'; record: PitchRecord }
  | { type: 'retry' }
  | { type: 'quit'; now: number }
  | { type: 'error'; message: string }
  | { type: 'ask-confirm' };

/** The state the pitch screen opens in, with the attempts already in the log. */
export function initPitch(deck: { name: string; title: string }, card: Card, history: readonly PitchRecord[]): PitchState {
  return {
    deck: progressKey(deck),
    title: deck.title,
    card,
    targetSeconds: pitchTargetSeconds(card),
    phase: 'ready',
    startedAt: null,
    stoppedAt: null,
    // Stryker disable next-line ArrayDeclaration: the start clears it again; it is read only once an attempt is stopped
    hit: [],
    showScript: false,
    help: false,
    history,
    discardedMs: null,
    quitting: false,
    error: null,
    // Stryker disable next-line BooleanLiteral: the start clears it again; it is read only once an attempt is stopped
    confirmShort: false,
  };
}

/** Milliseconds of the attempt, frozen at its stop (quitting stops a running clock too); 0 without one. */
export function attemptMs(s: PitchState): number {
  // Stryker disable next-line ConditionalExpression,LogicalOperator: asked only of an attempt left unsaved (stopped, or stopped by quitting), which has both times
  if (s.startedAt === null || s.stoppedAt === null) return 0;
  return Math.max(0, s.stoppedAt - s.startedAt);
}

/** True while there is an attempt that would be lost on quitting. */
export function hasUnsaved(s: PitchState): boolean {
  return s.phase === 'timing' || s.phase === 'stopped';
}

/** The pitch reducer: pure, with "now" carried by the actions that need it. */
export function pitchReducer(s: PitchState, a: PitchAction): PitchState {
  if (s.quitting) return s;
  switch (a.type) {
    case 'start':
      if (s.phase !== 'ready') return s;
      // The script is for rehearsing, not for reading out: hide it when the clock starts.
      return { ...s, phase: 'timing', startedAt: a.now, stoppedAt: null, hit: [], showScript: false, help: false, discardedMs: null, error: null, confirmShort: false };
    case 'stop':
      return s.phase === 'timing' ? { ...s, phase: 'stopped', stoppedAt: a.now } : s;
    case 'toggle-beat': {
      if (s.phase !== 'stopped' || !Number.isInteger(a.index) || a.index < 0 || a.index >= s.card.points.length) return s;
      const hit = s.hit.includes(a.index) ? s.hit.filter((i) => i !== a.index) : [...s.hit, a.index].sort((x, y) => x - y);
      return { ...s, hit };
    }
    case 'toggle-script':
      return { ...s, showScript: !s.showScript };
    case 'toggle-help':
      // The help would hide the running clock.
      return s.phase === 'timing' ? s : { ...s, help: !s.help };
    case 'saved':
      // Stryker disable next-line ConditionalExpression: the session saves only a stopped attempt
      if (s.phase !== 'stopped') return s;
      return { ...s, phase: 'saved', history: [...s.history, a.record], error: null };
    case 'retry':
      if (s.phase !== 'stopped' && s.phase !== 'saved') return s;
      return {
        ...s,
        phase: 'ready',
        discardedMs: s.phase === 'stopped' ? attemptMs(s) : null,
        startedAt: null,
        stoppedAt: null,
        hit: [],
        help: false,
        error: null,
        // Stryker disable next-line BooleanLiteral: the start clears it again, and the question is shown only for a stopped attempt
        confirmShort: false,
      };
    case 'quit':
      return { ...s, quitting: true, help: false, stoppedAt: s.phase === 'timing' ? a.now : s.stoppedAt };
    case 'error':
      return { ...s, error: a.message };
    case 'ask-confirm':
      // Stryker disable next-line ConditionalExpression: the session asks only about a stopped attempt
      return s.phase === 'stopped' ? { ...s, confirmShort: true } : s;
  }
}
