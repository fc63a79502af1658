import { pitchRecord } from '../pitch/attempt-record.js';
import { isShortAttempt } from '../pitch/short-attempt.js';
import { SessionStore, type RecordSink } from './session-store.js';
import { pitchReducer, type PitchAction, type PitchState } from './pitch-state.js';

/** User intents on the pitch screen; the session turns them into records and reducer actions. */
export type PitchIntent =
  | { type: 'start-stop' }
  | { type: 'toggle-beat'; index: number }
  | { type: 'toggle-script' }
  | { type: 'toggle-help' }
  | { type: 'save' }
  | { type: 'retry' }
  | { type: 'quit' }
  /** Listening: the voice started or (after a silence) ended at `at`, ms since the epoch. */
  | { type: 'voice-start'; at: number }
  | { type: 'voice-stop'; at: number };

/**
 * Owns the pitch screen's state and commits what must last. An attempt is appended (and
 * fsync'd) to the review log before the screen may say "saved".
 */
export class PitchSession extends SessionStore<PitchState, PitchAction> {
  constructor(
    initial: PitchState,
    sink: RecordSink,
    private readonly clock: () => number = Date.now,
  ) {
    super(initial, pitchReducer, sink, (_record, err) => ({ type: 'error', message: `Attempt not saved: ${err.message}` }));
  }

  /** Turns a user intent into records and reducer actions; true when something was applied. */
  send = (intent: PitchIntent): boolean | undefined => {
    const now = this.clock();
    const s = this.getState();
    switch (intent.type) {
      case 'start-stop':
        return this.apply(s.phase === 'timing' ? { type: 'stop', now } : { type: 'start', now });
      case 'toggle-beat':
        return this.apply({ type: 'toggle-beat', index: intent.index });
      // The reducer starts only a clock that is ready and stops only one that runs.
      case 'voice-start':
        return this.apply({ type: 'start', now: intent.at });
      case 'voice-stop':
        return this.apply({ type: 'stop', now: intent.at });
      case 'toggle-script':
      case 'toggle-help':
      case 'retry':
        return this.apply({ type: intent.type });
      case 'quit':
        return this.apply({ type: 'quit', now });
      case 'save': {
        if (s.phase !== 'stopped') return;
        // Stryker disable next-line ConditionalExpression,LogicalOperator: a stopped attempt has both times (its start and its stop set them)
        if (s.startedAt === null || s.stoppedAt === null) return;
        if (!s.confirmShort && isShortAttempt(s.stoppedAt - s.startedAt, s.targetSeconds)) return this.apply({ type: 'ask-confirm' });
        const record = pitchRecord({
          deck: s.deck,
          startedAt: s.startedAt,
          ms: s.stoppedAt - s.startedAt,
          hit: s.hit,
          beatsTotal: s.card.points.length,
        });
        return this.apply({ type: 'saved', record }, record);
      }
    }
  };
}
