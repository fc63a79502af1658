import type { ReactNode } from 'react';
import { Box, Text } from 'ink';
import type { CardStat } from '../../core/stats/recall.js';
import type { AnswerTime } from '../../core/stats/answer-times.js';
import type { WeakCard } from '../../core/stats/deck-stats.js';
import { percent, recallTone } from '../format.js';
import { METER, RECALL_LABEL_WIDTH, slowLabels } from './card-list-rows.js';
import { Tint } from './tint.js';

/** A label column of fixed width, then the card's text cut to the room left. */
function Row({ width, left, text }: { width: number; left: ReactNode; text: string }) {
  return (
    <Box>
      <Box width={width} flexShrink={0}>
        {left}
      </Box>
      <Text wrap="truncate-end">{text}</Text>
    </Box>
  );
}

/** Predicted recall per card as a percentage and a meter, in the order given. */
export function RecallList({ cards, pick, retention }: {
  cards: readonly CardStat[];
  pick: (c: CardStat) => number;
  retention: number;
}) {
  return (
    <Box flexDirection="column">
      {cards.map((c) => {
        const r = pick(c);
        const filled = Math.round(r * METER);
        const tone = recallTone(r, retention);
        const left = (
          <Text>
            <Tint color={tone}>{percent(r).padStart(4)}</Tint>{' '}
            <Tint color={tone}>{'█'.repeat(filled)}</Tint>
            <Tint dim>{'░'.repeat(METER - filled)}</Tint>
          </Text>
        );
        return <Row key={c.id} width={RECALL_LABEL_WIDTH} left={left} text={c.prompt} />;
      })}
    </Box>
  );
}

/** The weakest cards with the reasons for each, as `prep review` words them. */
export function WeakList({ cards }: { cards: readonly WeakCard[] }) {
  return (
    <Box flexDirection="column">
      {cards.map((c) => (
        <Box key={c.id} flexDirection="column">
          <Text wrap="truncate-end">{c.prompt}</Text>
          <Box paddingLeft={2}>
            <Tint color={c.lapses > 0 || (c.lastGrade ?? 3) <= 2 ? 'red' : 'yellow'} wrap="truncate-end">
              {c.reasons}
            </Tint>
          </Box>
        </Box>
      ))}
    </Box>
  );
}

/** The slowest cards to answer, with their median time to reveal. */
export function SlowList({ times, prompts }: { times: readonly AnswerTime[]; prompts: ReadonlyMap<string, string> }) {
  const { labels, width } = slowLabels(times);
  return (
    <Box flexDirection="column">
      {times.map((t, i) => (
        <Row key={t.card} width={width} left={<Tint color="yellow">{labels[i]}</Tint>} text={prompts.get(t.card) ?? t.card} />
      ))}
    </Box>
  );
}
