import { Box, Text } from 'ink';
import { Tint } from './tint.js';
import { barChartLines, type Bar } from './bar-chart-lines.js';

export type { Bar } from './bar-chart-lines.js';

/**
 * A vertical bar chart, one column of `colWidth` characters per bar, with each bar's value
 * written under it (so it reads without colour) and its labels below that.
 */
export function BarChart({ bars, height = 5, colWidth = 3, color = 'cyan' }: {
  bars: readonly Bar[];
  height?: number;
  colWidth?: number;
  color?: string;
}) {
  const { rows, values, labels, subs } = barChartLines(bars, height, colWidth);
  return (
    <Box flexDirection="column">
      {rows.map((row, i) => (
        <Tint key={i} color={color}>
          {row}
        </Tint>
      ))}
      <Text>{values}</Text>
      <Tint dim>{labels}</Tint>
      {subs !== null ? <Tint dim>{subs}</Tint> : null}
    </Box>
  );
}
