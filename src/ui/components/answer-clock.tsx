import { Box, Text } from 'ink';
import type { ClockView } from '../../core/session/mock-view.js';
import { colorsOff, tone, ZONE_ROLE } from '../theme.js';

/**
 * The answer clock of a mock, on one line so it fits a small terminal: time so far, a bar
 * filling up to the card's target, green then yellow in the last seconds then red past it.
 * With NO_COLOR the zone is said in words ("[4 s left]", "[over]").
 */
export function AnswerClock({ clock, width, waiting }: { clock: ClockView; width: number; waiting?: boolean }) {
  const plainText = colorsOff();
  const color = clock.zone && !waiting ? tone(ZONE_ROLE[clock.zone]) : undefined;
  const target = clock.target ? ` / ${clock.target}` : ' (no target)';
  const words = plainText && clock.words && !waiting ? ` ${clock.words}` : '';
  const barWidth = Math.max(0, Math.min(30, width - clock.text.length - target.length - words.length - 2));
  const filled = Math.round(clock.fill * barWidth);
  return (
    <Box>
      <Text color={color} bold>
        {clock.text}
      </Text>
      {clock.target && barWidth >= 5 ? (
        <Text>
          {' '}
          <Text color={color}>{'━'.repeat(filled)}</Text>
          <Text dimColor>{'─'.repeat(barWidth - filled)}</Text>
        </Text>
      ) : null}
      <Text dimColor>{target}</Text>
      {words ? <Text bold>{words}</Text> : null}
    </Box>
  );
}
