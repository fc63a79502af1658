import { cancelledIds, type LogRecord, type PitchRecord } from '../store/log-records.js';
import { diffTenths, tenths } from './timing.js';

/** How many attempts the history chart shows. */
export const HISTORY_SHOWN = 10;
/** How many recent attempts the median is taken over. */
export const MEDIAN_OF = 5;

/** The pitch attempts of `deck` in a review log, oldest first (log order), deleted ones left out. */
export function pitchAttempts(records: readonly LogRecord[], deck: string): PitchRecord[] {
  const deleted = cancelledIds(records);
  return records.filter((r): r is PitchRecord => r.type === 'pitch' && r.deck === deck && !deleted.has(r.id));
}

/** What the history panel shows. */
export interface PitchStats {
  /** Every attempt counted. */
  count: number;
  /** The last {@link HISTORY_SHOWN} attempts, oldest first. */
  recent: PitchRecord[];
  /**
   * The attempt closest to the target, over all attempts: a pitch that is too short is no
   * better than one too long. Ties go to more beats hit, then to the later attempt.
   */
  best: PitchRecord | null;
  /** Median duration (ms) of the last {@link MEDIAN_OF} attempts; null with no attempts. */
  medianRecentMs: number | null;
}

/** The median of `values` (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** History statistics of `attempts` (oldest first) against a target of `targetSeconds`. */
export function pitchStats(attempts: readonly PitchRecord[], targetSeconds: number): PitchStats {
  let best: PitchRecord | null = null;
  for (const a of attempts) {
    if (!best) {
      best = a;
      continue;
    }
    const off = Math.abs(diffTenths(a.ms, targetSeconds));
    const bestOff = Math.abs(diffTenths(best.ms, targetSeconds));
    if (off < bestOff || (off === bestOff && a.beats.length >= best.beats.length)) best = a;
  }
  // Tenths, like every time shown, so the median never disagrees with the bars by a rounding.
  const m = median(attempts.slice(-MEDIAN_OF).map((a) => tenths(a.ms)));
  return {
    count: attempts.length,
    recent: attempts.slice(-HISTORY_SHOWN),
    best,
    medianRecentMs: m === null ? null : m * 100,
  };
}
