import type { Grade } from '../store/log-records.js';

/** An answer is quick when typed in under this share of the card's target (`seconds`). */
export const QUICK_SHARE = 0.5;

/** On a card with no target: quick means typed in under this many milliseconds. */
export const QUICK_MS_WITHOUT_TARGET = 30_000;

/** True when `ms` is quick for a card whose target is `targetSeconds` (if it has one). */
export function isQuick(ms: number, targetSeconds?: number): boolean {
  const limit = targetSeconds && targetSeconds > 0 ? targetSeconds * 1000 * QUICK_SHARE : QUICK_MS_WITHOUT_TARGET;
  return ms < limit;
}

/**
 * The grade a typed answer suggests: every key point covered is Good, and Easy only when it
 * was also quick; at least half is Hard; less is Again. "Half" counts partial coverage: a
 * point not covered adds its share of words said (`score`, see `coverage`), so two points with
 * half their words each weigh as one covered point. Null when the card has no key points,
 * since there is nothing to go by.
 */
export function suggestGrade(
  points: { covered: number; total: number; score?: number },
  ms: number,
  targetSeconds?: number,
): Grade | null {
  const { covered, total } = points;
  if (total === 0) return null;
  if (covered >= total) return isQuick(ms, targetSeconds) ? 4 : 3;
  return Math.max(covered, points.score ?? 0) * 2 >= total ? 2 : 1;
}
