import { Box } from 'ink';
import type { StateCounts } from '../../core/stats/counts.js';
import { Tint } from './tint.js';
import { LOOK, ORDER, segmentWidths } from './state-bar-look.js';

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
