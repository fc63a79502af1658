import { Text } from 'ink';
import { formatDiff, formatSeconds, verdict, type Verdict } from '../../core/pitch/timing.js';
import { colorsOff } from '../theme.js';

const VERDICT_COLOR: Record<Verdict, string> = { 'on target': 'green', short: 'yellow', long: 'yellow' };

/** A finished attempt against its target: "33.4 s · +3.4 s against 30 s · long". */
export function PitchResult({ ms, targetSeconds }: { ms: number; targetSeconds: number }) {
  const v = verdict(ms, targetSeconds);
  return (
    <Text>
      <Text bold>{formatSeconds(ms)}</Text>
      {` · ${formatDiff(ms, targetSeconds)} against ${targetSeconds} s · `}
      <Text bold color={colorsOff() ? undefined : VERDICT_COLOR[v]}>
        {v}
      </Text>
    </Text>
  );
}
