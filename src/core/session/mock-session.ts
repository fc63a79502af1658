import { progressKey } from '../deck/progress-key.js';
import type { Grade, GradeRecord } from '../store/log-records.js';
import { newRecordId } from '../store/log-records.js';
import { RECORD_NAMES, SessionStore, type RecordSink } from './session-store.js';
import { mockReducer, mockRecord, type MockAction, type MockState } from './mock-state.js';

/** User intents on the mock screen; the session turns them into records and reducer actions. */
export type MockIntent =
  | { type: 'done' }
  | { type: 'skip' }
  | { type: 'type-change'; text: string }
  | { type: 'type-open' }
  | { type: 'type-leave' }
  | { type: 'grade'; grade: Grade }
  | { type: 'accept-suggestion' }
  | { type: 'not-graded' }
  | { type: 'toggle-help' }
  | { type: 'quit' };

/**
 * Reads a question aloud; resolves when the reading has ended (or failed: then with a line
 * to show, and the rehearsal goes on in silence). `stop` cuts a reading short.
 */
export interface Speaker {
  say(text: string): Promise<string | null>;
  stop(): void;
}


/**
 * Owns a mock interview's state and commits what must last: each grade of the scorecard is
 * appended (and fsync'd) as an early review before the next answer is shown, and the
 * rehearsal's own record once the scorecard is done or left.
 */
export class MockSession extends SessionStore<MockState, MockAction> {
  private spoken = -1;

  constructor(
    initial: MockState,
    sink: RecordSink,
    private readonly speaker: Speaker | null = null,
    private readonly clock: () => number = Date.now,
  ) {
    super(initial, mockReducer, sink, (record, err) => ({ type: 'error', message: `${RECORD_NAMES[record.type]} not saved: ${err.message}` }));
  }

  /** Starts reading the card on screen aloud, once per card; the screen calls it after each frame. */
  speakCurrent = (): void => {
    const s = this.getState();
    if (s.phase !== 'speaking' || s.quitting || this.spoken === s.index || !this.speaker) return;
    const index = (this.spoken = s.index);
    const item = s.items[index]!;
    void this.speaker.say(item.card.kind === 'ask' ? ASK_PROMPT : item.card.prompt).then((notice) => {
      const now = this.getState();
      // Stryker disable next-line ConditionalExpression: with the same card on screen the phase can only have left 'speaking' by quitting, which the reducer ignores anyway
      if (now.index === index && now.phase === 'speaking') this.apply({ type: 'spoken', now: this.clock(), notice });
    });
  };

  /** Turns a user intent into records and reducer actions. */
  send = (intent: MockIntent): void => {
    const now = this.clock();
    const s = this.getState();
    switch (intent.type) {
      case 'done':
      case 'skip':
        // Stryker disable next-line ConditionalExpression,OptionalChaining: stopping a speaker that is not reading does nothing; --speak always comes with a speaker
        if (s.phase === 'speaking') this.speaker?.stop();
        this.apply({ type: intent.type, now });
        return;
      case 'type-change':
        this.apply({ type: 'type-change', text: intent.text });
        return;
      case 'type-open':
      case 'type-leave':
      case 'toggle-help':
      case 'not-graded':
        this.apply({ type: intent.type });
        this.saveWhenFinished();
        return;
      case 'accept-suggestion': {
        // Stryker disable next-line ConditionalExpression,OptionalChaining: a grade outside the scorecard is refused below; the index is always an item's
        const suggested = s.phase === 'grading' ? s.items[s.index]?.answer?.suggested : null;
        if (suggested) this.send({ type: 'grade', grade: suggested });
        return;
      }
      case 'grade': {
        // Once the user has left, a key still on its way must not reach the log: the rehearsal's
        // record is already written, without this grade.
        if (s.phase !== 'grading' || s.quitting) return;
        const item = s.items[s.index]!;
        const record: GradeRecord | null = s.config.scheduled
          ? {
              v: 1,
              type: 'grade',
              id: newRecordId(),
              deck: progressKey(s.config.deck),
              card: item.card.id,
              grade: intent.grade,
              at: new Date(now).toISOString(),
              ...(item.ms !== null ? { ms: item.ms } : {}),
              // A mock grade is extra practice, as in `prep drill --all`: replay counts it the same way.
              early: true,
              ...(item.answer ? { typed: item.answer.text } : {}),
              mock: s.config.id,
            }
          : null;
        // Stryker disable next-line ConditionalExpression: apply() writes nothing for a missing record, so both calls are the same
        if (record) this.apply({ type: 'graded', grade: intent.grade, record }, record);
        else this.apply({ type: 'graded', grade: intent.grade, record: null });
        this.saveWhenFinished();
        return;
      }
      case 'quit':
        this.speaker?.stop();
        // Left in the scorecard: the rehearsal is kept with the grades given so far.
        if (s.phase === 'grading') this.saveRehearsal();
        this.apply({ type: 'quit', now });
        return;
    }
  };

  private saveWhenFinished(): void {
    const s = this.getState();
    if (s.phase === 'finished' && !s.saved) this.saveRehearsal();
  }

  private saveRehearsal(): void {
    const s = this.getState();
    if (s.saved) return;
    const record = mockRecord(s);
    this.apply({ type: 'saved' }, record);
  }
}

/** What the interviewer says at the ask card. */
export const ASK_PROMPT = 'Do you have any questions for us?';
