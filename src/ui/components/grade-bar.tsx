import { Box, Text } from 'ink';
import { formatInterval, GRADE_NAMES, GRADES } from '../../core/schedule/preview.js';
import type { Grade } from '../../core/store/review-log.js';

const COLOR: Record<Grade, string> = { 1: 'red', 2: 'yellow', 3: 'green', 4: 'blue' };

/** The four grades with the wait each would give: "3 Good · 3d"; a suggested one is pre-selected ("▸"). */
export function GradeBar({ intervals, suggested }: { intervals: Record<Grade, number>; suggested?: Grade | null }) {
  return (
    <Box flexWrap="wrap" columnGap={3} paddingX={1}>
      {GRADES.map((g) => (
        <Text key={g}>
          {g === suggested ? <Text bold>{'▸ '}</Text> : null}
          <Text bold>{g}</Text>{' '}
          <Text color={COLOR[g]} inverse={g === suggested}>
            {GRADE_NAMES[g]}
          </Text>
          <Text dimColor>{` · ${formatInterval(intervals[g])}`}</Text>
        </Text>
      ))}
    </Box>
  );
}
