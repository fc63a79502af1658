import { newRecordId, type PitchRecord } from '../store/log-records.js';

/** One finished attempt, before it is stored. */
export interface PitchAttempt {
  deck: string;
  /** When the attempt started (ms since the epoch). */
  startedAt: number;
  ms: number;
  /** 0-based indices of the beats the user marked as hit. */
  hit: readonly number[];
  beatsTotal: number;
}

/** The review-log record of an attempt: beats sorted, without duplicates or out-of-range ones. */
export function pitchRecord(a: PitchAttempt): PitchRecord {
  const beats = [...new Set(a.hit)].filter((i) => Number.isInteger(i) && i >= 0 && i < a.beatsTotal).sort((x, y) => x - y);
  return {
    v: 1,
    type: 'pitch',
    id: newRecordId(),
    deck: a.deck,
    ms: Math.max(0, Math.round(a.ms)),
    beats,
    beatsTotal: a.beatsTotal,
    at: new Date(a.startedAt).toISOString(),
  };
}
