import { Box, Text } from 'ink';
import { formatSeconds } from '../../core/pitch/timing.js';
import { useColumns } from '../use-columns.js';
import { wrapProse } from '../wrap-prose.js';

/**
 * Above the grades of a drill's revealed pitch card whose attempt was too short to be a real try: it stays
 * out of the pitch history unless enter asks to save it; the grade is given as usual either way.
 */
export function ShortPitchNote({ ms, kept }: { ms: number; kept: boolean }) {
  // Inside paddingX={1}.
  const width = useColumns() - 2;
  const text = kept
    ? `This ${formatSeconds(ms)} attempt goes into your pitch history with the grade.`
    : `Only ${formatSeconds(ms)}: left out of your pitch history unless you press enter.`;
  return (
    <Box paddingX={1}>
      <Text bold={!kept}>{wrapProse(text, width)}</Text>
    </Box>
  );
}
