/** What a chart cell shows: part of a bar (within or over the target), the target line, or nothing. */
export type CellKind = 'bar' | 'over' | 'target' | 'empty';

/** A run of same-kind characters in one chart row. */
export interface ChartSegment {
  text: string;
  kind: CellKind;
}

export interface BarChartOptions {
  /** Rows of the chart; each row holds eight levels (block elements ▁ to █). */
  height?: number;
  /** Characters per bar. */
  barWidth?: number;
}

const BLOCKS = ' ▁▂▃▄▅▆▇█';
const TARGET_LINE = '┄';

/** The rows, top first, and the index of the row the target line runs through. */
export interface BarChart {
  rows: ChartSegment[][];
  targetRow: number;
}

/**
 * Lays out a vertical bar chart of `values` with a dashed line at `target` (same unit). The
 * scale keeps the target at three quarters of the height, or lower when a bar is taller, so
 * the line sits in the same place from day to day. Pure text: colours are the caller's.
 */
export function barChart(values: readonly number[], target: number, opts: BarChartOptions = {}): BarChart {
  const height = opts.height ?? 4;
  const width = opts.barWidth ?? 2;
  const levels = height * 8;
  const top = Math.max(target * (4 / 3), ...values, 1);
  // Every attempt gets at least a sliver, so a very short one is still visible.
  const level = (v: number) => (v > 0 ? Math.max(1, Math.round((v / top) * levels)) : 0);
  const targetRowFromBottom = Math.max(0, Math.ceil(level(target) / 8) - 1);
  const rows: ChartSegment[][] = [];
  for (let r = height - 1; r >= 0; r--) {
    const onTarget = r === targetRowFromBottom;
    const blank = onTarget ? TARGET_LINE : ' ';
    const blankKind: CellKind = onTarget ? 'target' : 'empty';
    const cells: ChartSegment[] = [];
    values.forEach((v, i) => {
      if (i > 0) cells.push({ text: blank, kind: blankKind });
      const fill = Math.min(8, Math.max(0, level(v) - r * 8));
      cells.push(
        fill === 0
          ? { text: blank.repeat(width), kind: blankKind }
          : { text: BLOCKS[fill]!.repeat(width), kind: v > target ? 'over' : 'bar' },
      );
    });
    rows.push(merge(cells));
  }
  return { rows, targetRow: height - 1 - targetRowFromBottom };
}

function merge(cells: ChartSegment[]): ChartSegment[] {
  const out: ChartSegment[] = [];
  for (const c of cells) {
    // Stryker disable next-line ArithmeticOperator,ConditionalExpression: joining same-kind runs only saves Ink spans; the text and colours shown are the same
    const last = out[out.length - 1];
    // Stryker disable next-line ConditionalExpression: as above
    if (last && last.kind === c.kind) last.text += c.text;
    else out.push({ ...c });
  }
  return out;
}
