import type { ReactNode } from 'react';
import { Box, Text } from 'ink';
import type { Card } from '../../core/deck/types.js';

/** The prompt, and after the reveal the model answer with its key points. */
export function CardView({ card, revealed, underAnswer, points }: {
  card: Card;
  revealed: boolean;
  /** Shown right under the model answer, e.g. the last typed attempt. */
  underAnswer?: ReactNode;
  /** Replaces the plain list of key points, e.g. with their coverage by a typed answer. */
  points?: ReactNode;
}) {
  return (
    <Box flexDirection="column" paddingX={1}>
      <Text bold>{card.prompt}</Text>
      {card.kind === 'pitch' && card.seconds ? <Text dimColor>{`Say it aloud. Target: ${card.seconds} s`}</Text> : null}
      {revealed ? (
        <Box flexDirection="column" marginTop={1}>
          <Text>{card.answer}</Text>
          {underAnswer}
          {card.why ? <Text dimColor>{`Why ask: ${card.why}`}</Text> : null}
          {points ?? (card.points.length > 0 ? (
            <Box flexDirection="column" marginTop={1}>
              <Text color="yellow">{card.kind === 'pitch' ? 'Beats' : 'Key points'}</Text>
              {card.points.map((p, i) => (
                <Text key={i}>{`  • ${p}`}</Text>
              ))}
            </Box>
          ) : null)}
        </Box>
      ) : null}
    </Box>
  );
}
