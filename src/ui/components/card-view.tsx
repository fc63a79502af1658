import type { ReactNode } from 'react';
import { Box, Text } from 'ink';
import type { Card } from '../../core/deck/types.js';
import { useColumns } from '../use-columns.js';
import { wrapProse } from '../wrap-prose.js';

/** The prompt, and after the reveal the model answer with its key points. */
export function CardView({ card, revealed, underAnswer, points }: {
  card: Card;
  revealed: boolean;
  /** Shown right under the model answer, e.g. the last typed attempt. */
  underAnswer?: ReactNode;
  /** Replaces the plain list of key points, e.g. with their coverage by a typed answer. */
  points?: ReactNode;
}) {
  // Inside paddingX={1}: two columns fewer than the terminal.
  const width = useColumns() - 2;
  const wrap = (text: string) => wrapProse(text, width);
  return (
    <Box flexDirection="column" paddingX={1}>
      <Text bold>{wrap(card.prompt)}</Text>
      {card.kind === 'pitch' && card.seconds ? <Text dimColor>{`Say it aloud. Target: ${card.seconds} s`}</Text> : null}
      {revealed ? (
        <Box flexDirection="column" marginTop={1}>
          <Text>{wrap(card.answer)}</Text>
          {underAnswer}
          {card.why ? <Text dimColor>{wrap(`Why ask: ${card.why}`)}</Text> : null}
          {points ?? (card.points.length > 0 ? (
            <Box flexDirection="column" marginTop={1}>
              <Text color="yellow">{card.kind === 'pitch' ? 'Beats' : 'Key points'}</Text>
              {card.points.map((p, i) => (
                <Text key={i}>{wrap(`  • ${p}`)}</Text>
              ))}
            </Box>
          ) : null)}
        </Box>
      ) : null}
    </Box>
  );
}
