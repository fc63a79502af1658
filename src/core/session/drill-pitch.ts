import { progressKey } from '../deck/progress-key.js';
import { cardById, type Card } from '../deck/types.js';
import { pitchRecord } from '../pitch/attempt-record.js';
import { isShortAttempt } from '../pitch/short-attempt.js';
import { pitchTargetSeconds } from '../pitch/timing.js';
import type { PitchRecord } from '../store/log-records.js';
import type { DrillState } from './drill-state.js';

/** The card on screen, if any. */
export function currentCard(s: DrillState): Card | undefined {
  return cardById(s.config.deck, s.current?.id);
}

/** True when the card on screen is the pitch: space then runs its timer instead of revealing. */
export function onPitchCard(s: DrillState): boolean {
  // Stryker disable next-line OptionalChaining: asked only while a question is on screen (its keys, its microphone)
  return currentCard(s)?.kind === 'pitch';
}

/** True while the pitch card waits for its attempt: a voice (or space) may start its timer. */
export function pitchReady(s: DrillState): boolean {
  // No phase to check: a pitch card is revealed only by stopping its timer, so one with no start
  // time is still a question (and the reducer starts a timer only on a question).
  return s.pitchStartedAt === null && onPitchCard(s);
}

/** True while the pitch card's timer runs: a silence (or space) stops it and reveals. */
export function pitchTiming(s: DrillState): boolean {
  // Stryker disable next-line ConditionalExpression: once revealed, the reducer ignores a silence's reveal anyway
  return s.phase === 'question' && s.pitchStartedAt !== null && onPitchCard(s);
}

/**
 * The length (ms) of the revealed pitch attempt when it is too short to be a real try (see
 * isShortAttempt), whether or not the user chose to keep it; null otherwise.
 */
export function shortPitchMs(s: DrillState): number | null {
  const attempt = timedAttempt(s);
  return attempt && isShortAttempt(attempt.ms, pitchTargetSeconds(attempt.card)) ? attempt.ms : null;
}

/** The pitch card's attempt once its timer was started and stopped (so the card is revealed). */
function timedAttempt(s: DrillState): { card: Card; startedAt: number; ms: number } | null {
  const card = currentCard(s);
  // Stryker disable next-line ConditionalExpression: the timer runs only on the pitch card, so no other card has a start time
  if (card?.kind !== 'pitch') return null;
  if (s.revealedAt === null) return null;
  // Stryker disable next-line ConditionalExpression: a pitch card is revealed only by stopping its timer, so it has a start time
  if (s.pitchStartedAt === null) return null;
  return { card, startedAt: s.pitchStartedAt, ms: s.revealedAt - s.pitchStartedAt };
}

/**
 * The timed attempt of the pitch card on screen, as a review-log record, once its timer was
 * started and stopped; null otherwise, and for a very short attempt the user did not ask to keep
 * (as on the pitch screen, a double tap of space is not history). The drill does not ask which
 * beats were hit: none are recorded, out of `beatsTotal`.
 */
export function drillPitchRecord(s: DrillState): PitchRecord | null {
  const attempt = timedAttempt(s);
  if (!attempt || (shortPitchMs(s) !== null && !s.keepShortPitch)) return null;
  return pitchRecord({
    deck: progressKey(s.config.deck),
    startedAt: attempt.startedAt,
    ms: attempt.ms,
    // Stryker disable next-line ArrayDeclaration: the record keeps only beat numbers, so any other entry is dropped
    hit: [],
    beatsTotal: attempt.card.points.length,
  });
}
