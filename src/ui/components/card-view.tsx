import type { ReactNode, Ref } from 'react';
import { Box, Text, type DOMElement } from 'ink';
import type { Card } from '../../core/deck/types.js';
import { tone } from '../theme.js';
import { useColumns } from '../use-columns.js';
import { wrapProse } from '../wrap-prose.js';

/** Text wrapped at spaces to the width inside paddingX={1}. */
function useWrap(): (text: string) => string {
  const width = useColumns() - 2;
  return (text: string) => wrapProse(text, width);
}

/** The prompt, with what to recall: the pitch's target, an ask card's cue. */
export function CardPrompt({ card }: { card: Card }) {
  const wrap = useWrap();
  return (
    <Box flexDirection="column" paddingX={1}>
      <Text bold>{wrap(card.prompt)}</Text>
      {card.kind === 'pitch' && card.seconds ? <Text dimColor>{`Say it aloud. Target: ${card.seconds} s`}</Text> : null}
      {card.kind === 'ask' && card.cue ? <Text>{wrap(`About: ${card.cue}`)}</Text> : null}
    </Box>
  );
}

/** After the reveal: the model answer with its key points. */
export function CardAnswer({ card, anchor, underAnswer, points }: {
  card: Card;
  /** Set on the answer's first line: where a revealed card's scrolling starts. */
  anchor?: Ref<DOMElement>;
  /** Shown right under the model answer, e.g. the last typed attempt. */
  underAnswer?: ReactNode;
  /** Replaces the plain list of key points, e.g. with their coverage by a typed answer. */
  points?: ReactNode;
}) {
  const wrap = useWrap();
  // An ask card's cue is often its why: said once, before the reveal.
  const why = card.why && card.why !== card.cue ? card.why : null;
  return (
    <Box ref={anchor} flexDirection="column" paddingX={1}>
      <Text>{wrap(card.answer)}</Text>
      {underAnswer}
      {why ? <Text dimColor>{wrap(`Why ask: ${why}`)}</Text> : null}
      {points ?? (card.points.length > 0 ? (
        <Box flexDirection="column" marginTop={1}>
          <Text color={tone('heading')}>{card.kind === 'pitch' ? 'Beats' : 'Key points'}</Text>
          {card.points.map((p, i) => (
            <Text key={i}>{wrap(`  • ${p}`)}</Text>
          ))}
        </Box>
      ) : null)}
    </Box>
  );
}
