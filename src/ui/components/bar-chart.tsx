import { Box, Text } from 'ink';
import { Tint } from './tint.js';

/** Block characters for a bar's top cell, from empty to full, in eighths. */
const EIGHTHS = [' ', '▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'] as const;

/** One bar: its value, and up to two short labels drawn under it. */
export interface Bar {
  value: number;
  label: string;
  sub?: string;
}

/** Eighths of a cell filled in row `row` (0 at the top) for a bar `units` eighths tall. */
function cellFill(units: number, row: number, height: number): number {
  return Math.max(0, Math.min(8, units - (height - 1 - row) * 8));
}

/** A bar's height in eighths of a cell; any value above zero shows at least a sliver. */
function barUnits(value: number, max: number, height: number): number {
  if (value <= 0 || max <= 0) return 0;
  return Math.max(1, Math.round((value / max) * height * 8));
}

const fit = (s: string, width: number) => (s.length >= width ? s.slice(0, width) : s.padStart(width));

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
  const max = Math.max(0, ...bars.map((b) => b.value));
  const units = bars.map((b) => barUnits(b.value, max, height));
  const bar = (w: number) => w - 1;
  const rows = Array.from({ length: height }, (_, r) =>
    units.map((u) => ` ${EIGHTHS[cellFill(u, r, height)]!.repeat(bar(colWidth))}`).join(''),
  );
  const line = (pick: (b: Bar) => string) => bars.map((b) => ` ${fit(pick(b), bar(colWidth))}`).join('');
  return (
    <Box flexDirection="column">
      {rows.map((row, i) => (
        <Tint key={i} color={color}>
          {row}
        </Tint>
      ))}
      <Text>{line((b) => String(b.value))}</Text>
      <Tint dim>{line((b) => b.label)}</Tint>
      {bars.some((b) => b.sub) ? <Tint dim>{line((b) => b.sub ?? '')}</Tint> : null}
    </Box>
  );
}
