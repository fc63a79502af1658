// What the stats screen and the plain-text stats report both decide from the figures: when the
// panels go side by side, and the forecast chart's bars and size.
import type { DeckStats } from '../../core/stats/deck-stats.js';
import type { Bar } from '../components/bar-chart-lines.js';

/** Panels go side by side from this width; below it they stack, readable down to 60 columns. */
export const WIDE = 100;

/** The width of the bar of cards by state. */
export const stateBarWidth = (columns: number) => Math.min(columns, columns >= WIDE ? 60 : 40);

/**
 * The weekday's first two letters, under each forecast bar (local time, as the bars' days): a
 * table, not toLocaleDateString, which sets up a date formatter at each of the 14 calls.
 */
const WEEKDAYS2 = ['Su', 'Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa'] as const;
const weekday2 = (d: Date) => WEEKDAYS2[d.getDay()]!;

/** The forecast as a bar chart: one bar per day, labelled with its date and weekday. */
export function forecastChart(s: DeckStats, wide: boolean): { total: number; bars: Bar[]; height: number; colWidth: number } {
  const total = s.forecast.reduce((a, d) => a + d.count, 0);
  const bars = s.forecast.map((d) => ({ value: d.count, label: String(d.day.getDate()), sub: weekday2(d.day) }));
  const digits = Math.max(2, ...bars.map((b) => String(b.value).length));
  return { total, bars, height: wide ? 6 : 4, colWidth: digits + (wide ? 2 : 1) };
}
