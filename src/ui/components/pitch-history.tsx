import { Box, Text } from 'ink';
import { HISTORY_SHOWN, MEDIAN_OF, type PitchStats } from '../../core/pitch/history.js';
import { formatDiff, formatSeconds, tenths } from '../../core/pitch/timing.js';
import { PitchChart } from './pitch-chart.js';

/** The saved attempts: the last ten as bars against the target, the best and the recent median. */
export function PitchHistory({ stats, targetSeconds }: { stats: PitchStats; targetSeconds: number }) {
  const { best, count, medianRecentMs } = stats;
  if (!best || medianRecentMs === null) return <Text dimColor>History: no attempt saved yet.</Text>;
  const title =
    count > HISTORY_SHOWN ? `History: last ${HISTORY_SHOWN} of ${count} attempts` : `History: ${count} attempt${count === 1 ? '' : 's'}`;
  const medianOf = Math.min(MEDIAN_OF, count);
  const median = medianOf > 1 ? ` · median of last ${medianOf}: ${formatSeconds(medianRecentMs)}` : '';
  return (
    <Box flexDirection="column">
      <Text bold>{title}</Text>
      <PitchChart values={stats.recent.map((a) => tenths(a.ms))} target={targetSeconds * 10} targetLabel={`target ${targetSeconds} s`} />
      <Text>{`best ${formatSeconds(best.ms)} (${formatDiff(best.ms, targetSeconds)})${median}`}</Text>
    </Box>
  );
}
