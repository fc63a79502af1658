import { Box, Text } from 'ink';
import type { HeatDay, Heatmap as HeatmapData } from '../../core/stats/heatmap.js';
import { Tint, useColour } from './tint.js';
import { cellGlyph, GREENS, LABEL_WIDTH, legendMore, monthRow, WEEKDAYS } from './heatmap-rows.js';

function Cell({ level, width }: { level: HeatDay['level']; width: number }) {
  return <Tint color={GREENS[level]}>{cellGlyph(level, useColour()).padEnd(width)}</Tint>;
}

/** A GitHub-style review calendar: one column per week, Monday at the top, with a legend. */
export function Heatmap({ data, cellWidth = 2 }: { data: HeatmapData; cellWidth?: number }) {
  return (
    <Box flexDirection="column">
      <Tint dim>{' '.repeat(LABEL_WIDTH) + monthRow(data.weeks, cellWidth)}</Tint>
      {/* One text per row, its cells nested in it: a row is laid out once, not cell by cell. */}
      {WEEKDAYS.map((label, row) => (
        <Text key={row} wrap="truncate-end">
          <Tint dim>{label.padEnd(LABEL_WIDTH)}</Tint>
          {data.weeks.map((week, i) => {
            const day = week[row];
            return day ? <Cell key={i} level={day.level} width={cellWidth} /> : <Text key={i}>{' '.repeat(cellWidth)}</Text>;
          })}
        </Text>
      ))}
      <Box marginTop={1}>
        <Text wrap="truncate-end">
          <Tint dim>{'Less '}</Tint>
          {([0, 1, 2, 3, 4] as const).map((level) => (
            <Cell key={level} level={level} width={2} />
          ))}
          <Tint dim>{legendMore(data.max)}</Tint>
        </Text>
      </Box>
    </Box>
  );
}
