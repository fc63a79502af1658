import { Box, Text } from 'ink';
import { tone } from '../theme.js';

/** The end-of-session lines: what was done and when to come back. */
export function Summary({ reviewed, again, spentMs, nextDue, lines = [] }: {
  reviewed: number;
  again: number;
  spentMs: string;
  nextDue: string | null;
  lines?: string[];
}) {
  return (
    <Box flexDirection="column" paddingX={1}>
      <Text bold color={tone('good')}>{reviewed === 1 ? 'Reviewed 1 card' : `Reviewed ${reviewed} cards`}</Text>
      <Text>{`Again: ${again} · time: ${spentMs}`}</Text>
      {lines.map((l, i) => (
        <Text key={i}>{l}</Text>
      ))}
      <Text dimColor>{nextDue ? `Next card due ${nextDue}.` : 'No card is scheduled yet.'}</Text>
    </Box>
  );
}
