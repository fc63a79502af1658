import { Box, Text } from 'ink';
import { colorsOff } from '../theme.js';

/** The pitch's beats; with `hit`, a checklist ("[x] 2 Proof: ...") the number keys tick. */
export function BeatChecklist({ points, hit }: { points: readonly string[]; hit?: readonly number[] }) {
  if (points.length === 0) return null;
  const plainText = colorsOff();
  return (
    <Box flexDirection="column">
      <Text color={plainText ? undefined : 'yellow'}>{hit ? 'Beats you hit' : 'Beats'}</Text>
      {points.map((p, i) => {
        const ticked = hit?.includes(i) ?? false;
        // Only 1-9 are keys; a tenth beat and on can be read but not ticked.
        const key = i < 9 ? String(i + 1) : ' ';
        const box = hit ? `${ticked ? '[x]' : '[ ]'} ` : '';
        return (
          <Box key={i}>
            <Box flexShrink={0}>
              <Text color={ticked && !plainText ? 'green' : undefined}>{`  ${box}${key} `}</Text>
            </Box>
            <Text>{p}</Text>
          </Box>
        );
      })}
    </Box>
  );
}
