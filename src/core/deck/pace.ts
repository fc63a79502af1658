/** A natural speaking pace for a pitch, in words a minute. */
export const PACE_WPM = 150;

/** What the pace check found about a script. */
export interface PaceEstimate {
  words: number;
  /** How long the script takes at {@link PACE_WPM}, in seconds (unrounded). */
  seconds: number;
  targetSeconds: number;
  /** Words beyond what the target allows at that pace; 0 when the script fits. */
  overWords: number;
}

// A lone dash or bullet is punctuation, not a spoken word.
const SPOKEN = /[\p{L}\p{N}]/u;

/** The words a speaker says aloud: whitespace-separated tokens with a letter or digit in them. */
export function countWords(script: string): number {
  return script.split(/\s+/).filter((w) => SPOKEN.test(w)).length;
}

/** Estimates how long `script` takes to say at a natural pace, against `targetSeconds`. */
export function estimatePace(script: string, targetSeconds: number): PaceEstimate {
  const words = countWords(script);
  const seconds = (words * 60) / PACE_WPM;
  const allowed = (targetSeconds * PACE_WPM) / 60;
  return { words, seconds, targetSeconds, overWords: Math.max(0, Math.ceil(words - allowed)) };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * The pace check as one line: "103 words · reads in about 41 s at 150 wpm: about 28 words
 * over", or "... fits the 30 s target" when it does.
 */
export function describePace(p: PaceEstimate): string {
  // A tenth is shown only when whole seconds would hide the overrun ("about 30 s" for 30.4 s).
  const whole = Math.max(1, Math.round(p.seconds));
  const secs = p.overWords > 0 && whole <= p.targetSeconds ? p.seconds.toFixed(1) : String(whole);
  const reads = `reads in about ${secs} s at ${PACE_WPM} wpm`;
  const verdict = p.overWords > 0 ? `about ${plural(p.overWords, 'word')} over` : `fits the ${p.targetSeconds} s target`;
  return `${plural(p.words, 'word')} · ${reads}: ${verdict}`;
}
