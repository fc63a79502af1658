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
  return currentCard(s)?.kind === 'pitch';
}

/** True while the pitch card waits for its attempt: a voice (or space) may start its timer. */
export function pitchReady(s: DrillState): boolean {
  return s.phase === 'question' && s.pitchStartedAt === null && onPitchCard(s);
}

/** True while the pitch card's timer runs: a silence (or space) stops it and reveals. */
export function pitchTiming(s: DrillState): boolean {
  return s.phase === 'question' && s.pitchStartedAt !== null && onPitchCard(s);
}

/**
 * The length (ms) of the revealed pitch attempt when it is too short to be a real try (see
 * isShortAttempt), whether or not the user chose to keep it; null otherwise.
 */
export function shortPitchMs(s: DrillState): number | null {
  const card = currentCard(s);
  if (card?.kind !== 'pitch' || s.phase !== 'revealed' || s.pitchStartedAt === null || s.revealedAt === null) return null;
  const ms = s.revealedAt - s.pitchStartedAt;
  return isShortAttempt(ms, pitchTargetSeconds(card)) ? ms : null;
}

/**
 * The timed attempt of the pitch card on screen, as a review-log record, once its timer was
 * started and stopped; null otherwise, and for a very short attempt the user did not ask to keep
 * (as on the pitch screen, a double tap of space is not history). The drill does not ask which
 * beats were hit: none are recorded, out of `beatsTotal`.
 */
export function drillPitchRecord(s: DrillState): PitchRecord | null {
  const card = currentCard(s);
  if (card?.kind !== 'pitch' || s.pitchStartedAt === null || s.revealedAt === null) return null;
  if (shortPitchMs(s) !== null && !s.keepShortPitch) return null;
  return pitchRecord({
    deck: progressKey(s.config.deck),
    startedAt: s.pitchStartedAt,
    ms: s.revealedAt - s.pitchStartedAt,
    hit: [],
    beatsTotal: card.points.length,
  });
}
