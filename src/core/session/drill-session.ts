import { progressKey } from '../deck/progress-key.js';
import type { Grade } from '../store/review-log.js';
import { newRecordId } from '../store/review-log.js';
import { drillReducer, type DrillAction, type DrillState } from './drill-state.js';
import { drillPitchRecord, onPitchCard, pitchReady, pitchTiming, shortPitchMs } from './drill-pitch.js';
import { RECORD_NAMES, SessionStore, type RecordSink } from './session-store.js';

/** User intents; the session turns them into log records and reducer actions. */
export type DrillIntent =
  | { type: 'reveal' }
  | { type: 'start-stop' }
  | { type: 'grade'; grade: Grade }
  | { type: 'undo' }
  | { type: 'practise-all' }
  | { type: 'toggle-help' }
  | { type: 'type-open' }
  | { type: 'type-change'; text: string }
  | { type: 'type-leave' }
  | { type: 'type-submit' }
  | { type: 'accept-suggestion' }
  /** On a very short pitch attempt: keep it in the pitch history when the card is graded. */
  | { type: 'keep-short-pitch' }
  /** Listening: the voice started or (after a silence) ended at `at`, ms since the epoch. */
  | { type: 'voice-start'; at: number }
  | { type: 'voice-stop'; at: number };


/**
 * Owns a drill's state and commits what must last. A grade is appended (and fsync'd) to the log
 * before the reducer moves on, so the next card is never shown over an unsaved grade.
 */
export class DrillSession extends SessionStore<DrillState, DrillAction> {
  constructor(
    initial: DrillState,
    sink: RecordSink,
    private readonly clock: () => number = Date.now,
  ) {
    super(initial, drillReducer, sink, (record, err) => ({ type: 'error', message: `${RECORD_NAMES[record.type]} not saved: ${err.message}` }));
  }

  /** Turns a user intent into records and reducer actions; true when something was applied. */
  send = (intent: DrillIntent): boolean | undefined => {
    const now = this.clock();
    const s = this.getState();
    switch (intent.type) {
      case 'reveal':
        return this.apply({ type: 'reveal', now });
      case 'start-stop':
        // The pitch card's timer: the first press starts it, the second stops it and reveals.
        if (!onPitchCard(s)) return;
        return this.apply(s.pitchStartedAt === null ? { type: 'pitch-start', now } : { type: 'reveal', now });
      case 'voice-start':
        return pitchReady(s) ? this.apply({ type: 'pitch-start', now: intent.at }) : undefined;
      case 'voice-stop':
        return pitchTiming(s) ? this.apply({ type: 'reveal', now: intent.at }) : undefined;
      case 'keep-short-pitch':
        return shortPitchMs(s) !== null ? this.apply({ type: 'keep-short-pitch' }) : undefined;
      case 'toggle-help':
        return this.apply({ type: 'toggle-help' });
      case 'practise-all':
        return this.apply({ type: 'practise-all', now });
      case 'type-open':
      case 'type-leave':
        return this.apply({ type: intent.type });
      case 'type-change':
        return this.apply({ type: 'type-change', text: intent.text });
      case 'type-submit':
        return this.apply({ type: 'type-submit', now });
      case 'accept-suggestion': {
        // Stryker disable next-line ConditionalExpression: a submitted answer exists only once revealed (a grade or undo gives a fresh one)
        const suggested = s.phase === 'revealed' ? s.answer.submitted?.suggested : null;
        return suggested ? this.send({ type: 'grade', grade: suggested }) : undefined;
      }
      case 'grade': {
        if (s.phase !== 'revealed' || !s.current) return;
        const record = {
          v: 1 as const,
          type: 'grade' as const,
          id: newRecordId(),
          deck: progressKey(s.config.deck),
          card: s.current.id,
          grade: intent.grade,
          at: new Date(now).toISOString(),
          ms: Math.max(0, (s.revealedAt ?? now) - s.shownAt),
          ...(s.mode !== 'due' ? { early: true } : {}),
          // Saved with the grade (the log is local), so a later reveal can show the last attempt.
          ...(s.answer.submitted ? { typed: s.answer.submitted.text } : {}),
        };
        // A timed pitch joins the pitch history; it goes after the grade, so a failed save
        // cannot make a retried grade store the same attempt twice.
        const attempt = drillPitchRecord(s);
        if (!this.apply({ type: 'graded', record, now }, record)) return;
        if (attempt) this.save(attempt);
        return;
      }
      case 'undo': {
        const last = s.undo[s.undo.length - 1];
        if (!last) return this.apply({ type: 'notice', message: 'Nothing to undo: no grade in this session to take back' });
        const record = {
          v: 1 as const,
          type: 'undo' as const,
          id: newRecordId(),
          deck: progressKey(s.config.deck),
          target: last.recordId,
          at: new Date(now).toISOString(),
        };
        this.apply({ type: 'undone', now }, record);
        return;
      }
    }
  };
}
