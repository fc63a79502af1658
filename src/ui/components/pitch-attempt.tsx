import { Box } from 'ink';
import { PitchResult } from './pitch-result.js';
import { PitchTimer } from './pitch-timer.js';

/** The pitch clock, and once it is stopped, the result against the target. */
export function PitchAttempt({ startedAt, stoppedAt, targetSeconds, clock }: {
  startedAt: number | null;
  stoppedAt: number | null;
  targetSeconds: number;
  clock?: () => number;
}) {
  return (
    <Box flexDirection="column">
      <PitchTimer startedAt={startedAt} stoppedAt={stoppedAt} targetSeconds={targetSeconds} clock={clock} />
      {startedAt !== null && stoppedAt !== null ? <PitchResult ms={stoppedAt - startedAt} targetSeconds={targetSeconds} /> : null}
    </Box>
  );
}
