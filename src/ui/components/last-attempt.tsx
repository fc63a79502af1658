import { Box, Text } from 'ink';
import type { TypedAttempt } from '../../core/answer/last-attempt.js';

/** The answer typed the last time this card was graded, dimmed under the model answer. */
export function LastAttempt({ attempt }: { attempt: TypedAttempt }) {
  return (
    <Box marginTop={1}>
      <Text dimColor>{`Last time you wrote: ${attempt.text}`}</Text>
    </Box>
  );
}
