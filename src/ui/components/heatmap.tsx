import { Box, Text } from 'ink';
import type { HeatDay, Heatmap as HeatmapData } from '../../core/stats/heatmap.js';
import { Tint, useColour } from './tint.js';

/** Without colour the level is in the glyph: a dot for none, then lighter to darker shades. */
const SHADES = ['·', '░', '▒', '▓', '█'] as const;
/** GitHub's greens, from none to the busiest days. */
const GREENS = ['gray', '#0e4429', '#006d32', '#26a641', '#39d353'] as const;
/** GitHub labels every other weekday. */
const WEEKDAYS = ['Mon', '', 'Wed', '', 'Fri', '', 'Sun'];
const LABEL_WIDTH = 4;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function Cell({ level, width }: { level: HeatDay['level']; width: number }) {
  const colour = useColour();
  const glyph = colour ? (level === 0 ? '·' : '■') : SHADES[level];
  return <Tint color={GREENS[level]}>{glyph.padEnd(width)}</Tint>;
}

/** Month names placed over the first week of each month, where they fit. */
function monthRow(weeks: HeatmapData['weeks'], width: number): string {
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
          <Tint dim>{data.max > 0 ? `More (busiest day: ${data.max})` : 'More'}</Tint>
        </Text>
      </Box>
    </Box>
  );
}
