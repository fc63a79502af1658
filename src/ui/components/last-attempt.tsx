import { Box, Text } from 'ink';
import type { TypedAttempt } from '../../core/answer/last-attempt.js';
import { useColumns } from '../use-columns.js';
import { wrapProse } from '../wrap-prose.js';

/** The answer typed the last time this card was graded, dimmed under the model answer (inside the card's padding). */
export function LastAttempt({ attempt }: { attempt: TypedAttempt }) {
  const width = useColumns() - 2;
  return (
    <Box marginTop={1}>
      <Text dimColor>{wrapProse(`Last time you wrote: ${attempt.text}`, width)}</Text>
    </Box>
  );
}
