import { Box } from 'ink';
import type { Scorecard } from '../../core/session/mock-view.js';
import { ScorecardTable, ScorecardTotals } from '../components/scorecard-table.js';
import { ColourMode, Tint } from '../components/tint.js';
import { clockTime, shortDate } from '../format.js';

/** `prep mock --last`: a stored rehearsal's scorecard, drawn once. */
export function LastScorecard({ title, at, scheduled, card, columns, colour }: {
  title: string;
  at: Date;
  scheduled: boolean;
  card: Scorecard;
  columns: number;
  colour: boolean;
}) {
  return (
    <ColourMode value={colour}>
      <Box flexDirection="column" width={columns}>
        <Box>
          <Tint bold wrap="truncate-end">{title}</Tint>
          <Box flexShrink={0}>
            <Tint dim>{`  mock interview of ${shortDate(at)} ${clockTime(at)}${scheduled ? '' : ' · --no-grade'}`}</Tint>
          </Box>
        </Box>
        <Box marginTop={1} flexDirection="column">
          <ScorecardTable card={card} wide={columns >= 60} />
          <ScorecardTotals card={card} />
        </Box>
      </Box>
    </ColourMode>
  );
}
