/** A manual attempt shorter than this (ms) is asked about before it is saved... */
export const SHORT_ATTEMPT_MS = 3000;
/** ...and so is one shorter than this share of the target. */
export const SHORT_ATTEMPT_SHARE = 0.1;

/**
 * True for an attempt too short to be a real try (a double tap of space, a false start): saving
 * it would drag the median down, so the screen asks first.
 */
export function isShortAttempt(ms: number, targetSeconds: number): boolean {
  return ms < SHORT_ATTEMPT_MS || ms < targetSeconds * 1000 * SHORT_ATTEMPT_SHARE;
}
