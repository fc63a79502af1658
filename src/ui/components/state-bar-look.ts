// How the cards' states look, shared by <StateBar> and the plain-text stats report.
import type { CardState } from '../../core/stats/counts.js';

/** Each state's glyph tells it apart without colour; colour only adds to it. */
export const LOOK: Record<CardState, { glyph: string; color: string; label: string }> = {
  review: { glyph: '█', color: 'green', label: 'review' },
  learning: { glyph: '▒', color: 'yellow', label: 'learning' },
  relearning: { glyph: '▓', color: 'red', label: 'relearning' },
  new: { glyph: '░', color: 'gray', label: 'new' },
};
export const ORDER: readonly CardState[] = ['review', 'learning', 'relearning', 'new'];

/** Splits `width` cells among the counts (largest remainders), so the segments add up exactly. */
export function segmentWidths(counts: readonly number[], width: number): number[] {
  const total = counts.reduce((a, b) => a + b, 0);
  if (total === 0) return counts.map(() => 0);
  const exact = counts.map((c) => (c / total) * width);
  const out = exact.map(Math.floor);
  let left = width - out.reduce((a, b) => a + b, 0);
  const byRemainder = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r);
  for (const { i } of byRemainder) {
    if (left-- <= 0) break;
    out[i]!++;
  }
  return out;
}
