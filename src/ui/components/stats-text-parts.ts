// The stats screen's pieces as plain text (see text-blocks.ts): each one the counterpart of the
// component named in its comment, drawing the same characters with the same styles.
import { HISTORY_SHOWN, MEDIAN_OF, type PitchStats } from '../../core/pitch/history.js';
import { barChart } from '../../core/pitch/chart.js';
import { formatDiff, formatSeconds, tenths } from '../../core/pitch/timing.js';
import type { AnswerTime } from '../../core/stats/answer-times.js';
import type { StateCounts } from '../../core/stats/counts.js';
import type { WeakCard } from '../../core/stats/deck-stats.js';
import type { Heatmap } from '../../core/stats/heatmap.js';
import type { CardStat } from '../../core/stats/recall.js';
import { colorsOff } from '../theme.js';
import { percent, recallTone } from '../format.js';
import { column, labelRow, measure, need, row, text, textRow, type Block, type TextSpec } from '../text-blocks.js';
import { styled, tinted, widest } from '../text-frame.js';
import { barChartLines, type Bar } from './bar-chart-lines.js';
import { METER, RECALL_LABEL_WIDTH, slowLabels } from './card-list-rows.js';
import { cellGlyph, GREENS, LABEL_WIDTH, legendMore, monthRow, WEEKDAYS } from './heatmap-rows.js';
import { LOOK, ORDER, segmentWidths } from './state-bar-look.js';

/** A <Tint> standing alone: its look applies only while colour is on. */
export const tint = (colour: boolean, content: string, look: TextSpec['look'], wrap?: TextSpec['wrap']): TextSpec => ({
  content,
  look: colour ? look : undefined,
  wrap,
});

/** A box holding one text, `pad` columns in: the text as wide as it needs, up to the room there is. */
export function padded(t: TextSpec, width: number, pad = 0): Block {
  const room = width - pad;
  need(room >= 1, 'no room for a text');
  const w = Math.min(measure(t, room).width, room);
  return row([
    [column([]), pad],
    [text(t, w), w],
  ]);
}

/** <Panel>: its title and note on one line, then its content. */
export function panel(colour: boolean, title: string, note: string | undefined, width: number, content: (width: number) => Block[]): Block {
  const head = [tint(colour, title, { bold: true, color: 'cyan' })];
  if (note) head.push(tint(colour, `  ${note}`, { dim: true }, 'truncate-end'));
  return column([textRow(head, width), ...content(width)]);
}

/** <BarChart>, in the chart's colour. */
export function barChartText(colour: boolean, bars: readonly Bar[], height: number, colWidth: number, width: number): Block {
  const { rows, values, labels, subs } = barChartLines(bars, height, colWidth);
  return column([
    ...rows.map((r) => text(tint(colour, r, { color: 'cyan' }), width)),
    text({ content: values }, width),
    text(tint(colour, labels, { dim: true }), width),
    subs !== null ? text(tint(colour, subs, { dim: true }), width) : null,
  ]);
}

/** <Heatmap> with cells two columns wide. */
export function heatmapText(colour: boolean, data: Heatmap, width: number): Block {
  // Five looks, styled once each rather than once a day.
  const looks = ([0, 1, 2, 3, 4] as const).map((level) => tinted(colour, cellGlyph(level, colour).padEnd(2), { color: GREENS[level] }));
  const cell = (level: 0 | 1 | 2 | 3 | 4) => looks[level]!;
  const lines = WEEKDAYS.map((label, r) => {
    const cells = data.weeks.map((week) => (week[r] ? cell(week[r].level) : '  ')).join('');
    return text({ content: tinted(colour, label.padEnd(LABEL_WIDTH), { dim: true }) + cells, wrap: 'truncate-end' }, width);
  });
  const legend = tinted(colour, 'Less ', { dim: true }) + looks.join('') + tinted(colour, legendMore(data.max), { dim: true });
  return column([text(tint(colour, ' '.repeat(LABEL_WIDTH) + monthRow(data.weeks, 2), { dim: true }), width), ...lines, [padded({ content: legend, wrap: 'truncate-end' }, width), 1]]);
}

/** <StateBar>: the stacked bar, and its legend wrapping onto more lines where it must. */
export function stateBarText(colour: boolean, counts: StateCounts, barWidth: number, width: number): Block {
  const widths = segmentWidths(ORDER.map((s) => counts[s]), barWidth);
  const bar = textRow(ORDER.map((s, i) => tint(colour, LOOK[s].glyph.repeat(widths[i]!), { color: LOOK[s].color })), width);
  const items = ORDER.map((s) => [tint(colour, LOOK[s].glyph, { color: LOOK[s].color }), tint(colour, ` ${LOOK[s].label} ${counts[s]}`, {})] as const);
  // flexWrap with a gap of 2: an item starts a new line when it would pass the width.
  const lines: (readonly [Block, number])[][] = [];
  let used = 0;
  for (const [glyph, label] of items) {
    const w = widest(glyph.content) + widest(label.content);
    need(w <= width, 'a legend item wider than the panel');
    const line = lines.at(-1);
    if (line && used + 2 + w <= width) used += 2 + w;
    else {
      lines.push([]);
      used = w;
    }
    lines.at(-1)!.push([textRow([glyph, label], w), w]);
  }
  return column([bar, ...lines.map((l) => row(l, 2))]);
}

/** <RecallList>: each card's predicted recall as a percentage and a meter, then its prompt. */
export function recallListText(colour: boolean, cards: readonly CardStat[], pick: (c: CardStat) => number, retention: number, width: number): Block {
  return column(
    cards.map((c) => {
      const r = pick(c);
      const filled = Math.round(r * METER);
      const tone = recallTone(r, retention);
      const label = tinted(colour, percent(r).padStart(4), { color: tone }) + ' ' + tinted(colour, '█'.repeat(filled), { color: tone }) + tinted(colour, '░'.repeat(METER - filled), { dim: true });
      return labelRow(padded({ content: label }, RECALL_LABEL_WIDTH), RECALL_LABEL_WIDTH, { content: c.prompt, wrap: 'truncate-end' }, width);
    }),
  );
}

/** <WeakList>: each weak card's prompt, and under it the reasons. */
export function weakListText(colour: boolean, cards: readonly WeakCard[], width: number): Block {
  return column(
    cards.flatMap((c) => [
      text({ content: c.prompt, wrap: 'truncate-end' }, width),
      padded(tint(colour, c.reasons, { color: c.lapses > 0 || (c.lastGrade ?? 3) <= 2 ? 'red' : 'yellow' }, 'truncate-end'), width, 2),
    ]),
  );
}

/** <SlowList>: the slowest answers' median times, then the cards' prompts. */
export function slowListText(colour: boolean, times: readonly AnswerTime[], prompts: ReadonlyMap<string, string>, width: number): Block {
  const { labels, width: labelWidth } = slowLabels(times);
  return column(
    times.map((t, i) =>
      labelRow(padded(tint(colour, labels[i]!, { color: 'yellow' }), labelWidth), labelWidth, { content: prompts.get(t.card) ?? t.card, wrap: 'truncate-end' }, width),
    ),
  );
}

const KIND_COLOR = { bar: 'green', over: 'yellow', target: 'cyan', empty: undefined } as const;

/** <PitchHistory> (and its <PitchChart>), which style their text whatever the colour mode, as they do. */
export function pitchHistoryText(stats: PitchStats, targetSeconds: number, width: number): Block {
  const { best, count, medianRecentMs } = stats;
  if (!best || medianRecentMs === null) return text({ content: 'History: no attempt saved yet.', look: { dim: true } }, width);
  const title = count > HISTORY_SHOWN ? `History: last ${HISTORY_SHOWN} of ${count} attempts` : `History: ${count} attempt${count === 1 ? '' : 's'}`;
  const medianOf = Math.min(MEDIAN_OF, count);
  const median = medianOf > 1 ? ` · median of last ${medianOf}: ${formatSeconds(medianRecentMs)}` : '';
  const { rows, targetRow } = barChart(
    stats.recent.map((a) => tenths(a.ms)),
    targetSeconds * 10,
    { height: 4 },
  );
  const plainText = colorsOff();
  const chart = rows.map((segments, r) => {
    const cells = segments.map((seg) => styled(seg.text, { color: plainText ? undefined : KIND_COLOR[seg.kind], dim: seg.kind === 'target' })).join('');
    return text({ content: cells + (r === targetRow ? styled(` target ${targetSeconds} s`, { dim: true }) : '') }, width);
  });
  return column([
    text({ content: title, look: { bold: true } }, width),
    column(chart),
    text({ content: `best ${formatSeconds(best.ms)} (${formatDiff(best.ms, targetSeconds)})${median}` }, width),
  ]);
}
