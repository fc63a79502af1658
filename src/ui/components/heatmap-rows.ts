// The text of the review calendar, shared by <Heatmap> and the plain-text stats report.
import type { HeatDay, Heatmap } from '../../core/stats/heatmap.js';

/** Without colour the level is in the glyph: a dot for none, then lighter to darker shades. */
const SHADES = ['·', '░', '▒', '▓', '█'] as const;
/** GitHub's greens, from none to the busiest days. */
export const GREENS = ['gray', '#0e4429', '#006d32', '#26a641', '#39d353'] as const;
/** GitHub labels every other weekday. */
export const WEEKDAYS = ['Mon', '', 'Wed', '', 'Fri', '', 'Sun'];
export const LABEL_WIDTH = 4;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A day's glyph: in colour a square (a dot for none), without colour a shade per level. */
export const cellGlyph = (level: HeatDay['level'], colour: boolean) => (colour ? (level === 0 ? '·' : '■') : SHADES[level]);

/** The legend's end: the busiest day's count, when there was one. */
export const legendMore = (max: number) => (max > 0 ? `More (busiest day: ${max})` : 'More');

/** Month names placed over the first week of each month, where they fit. */
export function monthRow(weeks: Heatmap['weeks'], width: number): string {
  const chars = Array.from({ length: weeks.length * width }, () => ' ');
  let last = -1;
  let freeFrom = 0;
  weeks.forEach((week, i) => {
    const first = week.find((d) => d !== null);
    if (!first) return;
    const month = first.day.getMonth();
    if (month === last) return;
    last = month;
    const name = MONTHS[month]!;
    const at = i * width;
    if (at < freeFrom || at + name.length > chars.length) return;
    [...name].forEach((ch, k) => (chars[at + k] = ch));
    freeFrom = at + name.length + 1;
  });
  return chars.join('').trimEnd();
}
