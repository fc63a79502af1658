// The text of a vertical bar chart, shared by <BarChart> and the plain-text stats report.

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
 * The chart's lines, one column of `colWidth` characters per bar: the bars' rows top first, then
 * each bar's value (so it reads without colour), its label and, when any bar has one, its sub-label.
 */
export function barChartLines(bars: readonly Bar[], height: number, colWidth: number): { rows: string[]; values: string; labels: string; subs: string | null } {
  const max = Math.max(0, ...bars.map((b) => b.value));
  const units = bars.map((b) => barUnits(b.value, max, height));
  const bar = colWidth - 1;
  const rows = Array.from({ length: height }, (_, r) => units.map((u) => ` ${EIGHTHS[cellFill(u, r, height)]!.repeat(bar)}`).join(''));
  const line = (pick: (b: Bar) => string) => bars.map((b) => ` ${fit(pick(b), bar)}`).join('');
  return {
    rows,
    values: line((b) => String(b.value)),
    labels: line((b) => b.label),
    subs: bars.some((b) => b.sub) ? line((b) => b.sub ?? '') : null,
  };
}
