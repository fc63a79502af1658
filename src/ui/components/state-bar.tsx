import { Box } from 'ink';
import type { CardState, StateCounts } from '../../core/stats/counts.js';
import { Tint } from './tint.js';

/** Each state's glyph tells it apart without colour; colour only adds to it. */
const LOOK: Record<CardState, { glyph: string; color: string; label: string }> = {
  review: { glyph: '█', color: 'green', label: 'review' },
  learning: { glyph: '▒', color: 'yellow', label: 'learning' },
  relearning: { glyph: '▓', color: 'red', label: 'relearning' },
  new: { glyph: '░', color: 'gray', label: 'new' },
};
const ORDER: readonly CardState[] = ['review', 'learning', 'relearning', 'new'];

/** Splits `width` cells among the counts (largest remainders), so the segments add up exactly. */
function segmentWidths(counts: readonly number[], width: number): number[] {
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

/** The deck's cards by state as one stacked bar, with a legend that carries the counts. */
export function StateBar({ counts, width }: { counts: StateCounts; width: number }) {
  const widths = segmentWidths(ORDER.map((s) => counts[s]), width);
  return (
    <Box flexDirection="column">
      <Box>
        {ORDER.map((s, i) => (
          <Tint key={s} color={LOOK[s].color}>
            {LOOK[s].glyph.repeat(widths[i]!)}
          </Tint>
        ))}
      </Box>
      <Box flexWrap="wrap" columnGap={2}>
        {ORDER.map((s) => (
          <Box key={s}>
            <Tint color={LOOK[s].color}>{LOOK[s].glyph}</Tint>
            <Tint>{` ${LOOK[s].label} ${counts[s]}`}</Tint>
          </Box>
        ))}
      </Box>
    </Box>
  );
}
