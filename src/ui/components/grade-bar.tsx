import { Box, Text } from 'ink';
import type { GradeChoice } from '../../core/session/drill-view.js';
import type { Grade } from '../../core/store/log-records.js';
import { GRADE_ROLE, tone } from '../theme.js';

/** The four grades with the wait each would give: "3 Good · 3d"; a suggested one is pre-selected ("▸"). */
export function GradeBar({ grades, suggested }: { grades: readonly GradeChoice[]; suggested?: Grade | null }) {
  return (
    <Box flexWrap="wrap" columnGap={3} paddingX={1}>
      {grades.map(({ grade: g, name, wait }) => (
        <Text key={g}>
          {g === suggested ? <Text bold>{'▸ '}</Text> : null}
          <Text bold>{g}</Text>{' '}
          <Text color={tone(GRADE_ROLE[g])} inverse={g === suggested}>
            {name}
          </Text>
          <Text dimColor>{` · ${wait}`}</Text>
        </Text>
      ))}
    </Box>
  );
}
