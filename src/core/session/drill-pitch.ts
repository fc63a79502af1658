import { progressKey } from '../deck/progress-key.js';
import { cardById, type Card } from '../deck/types.js';
import { pitchRecord } from '../pitch/attempt-record.js';
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

/**
 * The timed attempt of the pitch card on screen, as a review-log record, once its timer was
 * started and stopped; null otherwise. The drill does not ask which beats were hit: none are
 * recorded, out of `beatsTotal`.
 */
export function drillPitchRecord(s: DrillState): PitchRecord | null {
  const card = currentCard(s);
  if (card?.kind !== 'pitch' || s.pitchStartedAt === null || s.revealedAt === null) return null;
  return pitchRecord({
    deck: progressKey(s.config.deck),
    startedAt: s.pitchStartedAt,
    ms: s.revealedAt - s.pitchStartedAt,
    hit: [],
    beatsTotal: card.points.length,
  });
}
