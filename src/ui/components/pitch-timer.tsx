import { Box, Text } from 'ink';
import { formatClock, timerZone, zoneWords } from '../../core/pitch/timing.js';
import { colorsOff, tone, ZONE_ROLE } from '../theme.js';
import { useColumns } from '../use-columns.js';
import { useNow } from '../use-now.js';
import { bigRows, bigWidth } from './big-digits.js';

/** The zone in words, for NO_COLOR: "[on pace]", "[4 s left]", "[over]". */
export function zoneLabel(ms: number, targetSeconds: number): string {
  return zoneWords(ms, targetSeconds);
}

/**
 * The pitch clock: a large mm:ss.t counting up from `startedAt` (frozen at `stoppedAt`),
 * coloured on pace / last 5 s / over, above a thin bar filling up to the target. With
 * NO_COLOR the zone is a label instead, while the clock runs. Shows 00:00.0 before the start.
 */
export function PitchTimer({ startedAt, stoppedAt, targetSeconds, clock = Date.now }: {
  startedAt: number | null;
  stoppedAt: number | null;
  targetSeconds: number;
  clock?: () => number;
}) {
  const running = startedAt !== null && stoppedAt === null;
  const now = useNow(clock, running);
  const columns = useColumns();
  const ms = startedAt === null ? 0 : Math.max(0, (stoppedAt ?? now) - startedAt);
  const zone = timerZone(ms, targetSeconds);
  const plainText = colorsOff();
  const color = startedAt === null ? undefined : tone(ZONE_ROLE[zone]);
  // Once stopped, the result line says how it went; a frozen "[4 s left]" would only mislead.
  const label = running && plainText ? zoneLabel(ms, targetSeconds) : null;
  const clockText = formatClock(ms);
  const targetText = `${targetSeconds} s`;

  const barWidth = Math.max(10, Math.min(40, columns - targetText.length - 4));
  const filled = Math.round(Math.min(1, ms / (targetSeconds * 1000)) * barWidth);
  const big = columns >= bigWidth(clockText) + (label ? label.length + 4 : 2);
  // A screen reader gets the time in words, once a second, not the drawn digits and bar.
  const spoken = `${Math.floor(ms / 1000)} s of ${targetText}${label ? ` ${label}` : ''}`;
  return (
    <Box flexDirection="column" aria-role="timer" aria-label={spoken}>
      <Box alignItems="center">
        {big ? (
          <Box flexDirection="column">
            {bigRows(clockText).map((row, i) => (
              <Text key={i} color={color} bold>
                {row}
              </Text>
            ))}
          </Box>
        ) : (
          <Text color={color} bold>
            {clockText}
          </Text>
        )}
        {label ? <Text bold>{`  ${label}`}</Text> : null}
      </Box>
      <Text>
        <Text color={color}>{'━'.repeat(filled)}</Text>
        <Text dimColor>{'─'.repeat(barWidth - filled)}</Text>
        <Text dimColor>{` ${targetText}`}</Text>
      </Text>
    </Box>
  );
}
