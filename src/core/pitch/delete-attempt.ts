import { newRecordId, type PitchRecord, type UndoRecord } from '../store/log-records.js';

/** Ids of attempts must be typed back: a prefix this long or longer is enough when it is unique. */
export const MIN_ID_PREFIX = 4;

/**
 * The attempt `id` names among `attempts`: the exact id, else the one attempt whose id starts
 * with it (at least {@link MIN_ID_PREFIX} characters). A string for why not, otherwise.
 */
export function findAttempt(attempts: readonly PitchRecord[], id: string): PitchRecord | string {
  const wanted = id.trim().toLowerCase();
  const exact = attempts.find((a) => a.id === wanted);
  if (exact) return exact;
  const matches = wanted.length >= MIN_ID_PREFIX ? attempts.filter((a) => a.id.startsWith(wanted)) : [];
  if (matches.length === 1) return matches[0]!;
  // Stryker disable next-line EqualityOperator: one match returned above, so >= 1 here means > 1
  return matches.length > 1 ? `"${id}" starts ${matches.length} attempt ids; give more of it` : `no pitch attempt has the id "${id}"`;
}

/** The record that deletes an attempt: an undo pointing at it, appended (the log is never rewritten). */
export function deletionRecord(attempt: PitchRecord, now: number): UndoRecord {
  return { v: 1, type: 'undo', id: newRecordId(), deck: attempt.deck, target: attempt.id, at: new Date(now).toISOString() };
}
