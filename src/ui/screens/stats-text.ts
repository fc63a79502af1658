// `prep stats` as plain text: the same picture as <StatsScreen> (stats-screen.tsx), panel for
// panel, without loading Ink. Each piece below names the part of the screen it draws; the tests
// in test/ui/screens/stats-text.test.tsx draw both over many decks and widths and compare them
// byte for byte. Where the layout would need what text-blocks.ts does not work out, this gives
// up (NotPlain) and the command draws the screen with Ink.
import type { DeckStats } from '../../core/stats/deck-stats.js';
import type { CardStat } from '../../core/stats/recall.js';
import { MOCKS_SHOWN } from '../../core/stats/mocks.js';
import { RECALL_SHOWN } from '../../core/stats/recall.js';
import { interviewWhen, percent, practisedWhen, shortDate, clockTime } from '../format.js';
import { wrapProse } from '../wrap-prose.js';
import { column, measure, need, row, text, type Block, type TextSpec } from '../text-blocks.js';
import { TextFrame, tinted, widest } from '../text-frame.js';
import {
  barChartText,
  heatmapText,
  panel,
  pitchHistoryText,
  recallListText,
  slowListText,
  stateBarText,
  tint,
  weakListText,
} from '../components/stats-text-parts.js';
import { forecastChart, stateBarWidth, WIDE } from './stats-layout.js';

type Panel = ((width: number) => Block) | null;

const withTop = (b: Block | null) => (b ? ([b, 1] as const) : null);

/** The title, cut to the room left by the deck's name and the date beside it. */
function header(s: DeckStats, colour: boolean, width: number): Block {
  const title = tint(colour, s.deck.title, { bold: true }, 'truncate-end');
  const side = tint(colour, `  ${s.deck.name} · ${shortDate(s.now)}`, { dim: true });
  const sideWidth = widest(side.content);
  need(sideWidth < width, 'a deck name wider than the screen');
  const titleWidth = Math.min(measure(title, width).width, width - sideWidth);
  return row([
    [text(title, titleWidth), titleWidth],
    [text(side, sideWidth), sideWidth],
  ]);
}

/** Due now, reviews, retention and the interview: a box as wide as its widest line. */
function overview(s: DeckStats, colour: boolean, columns: number): Block {
  const t = (content: string, look: TextSpec['look']) => tinted(colour, content, look ?? {});
  const r = s.reviews;
  const lines: TextSpec[] = [
    { content: t(`Due now ${s.dueNow}`, { bold: true }) + t(` · last practised ${practisedWhen(s.lastPractised, s.now)}`, { dim: true }) },
    { content: `Reviews ${r.total} in all, ${r.lastWindow} in the last 30 days` },
    r.retention === null
      ? tint(colour, 'True retention: no reviews of seen cards in the last 30 days', { dim: true })
      : { content: `True retention ${t(percent(r.retention), { bold: true })} over 30 days${t(` (${r.retentionOf} reviews of seen cards)`, { dim: true })}` },
  ];
  if (s.interview) {
    const when = t(interviewWhen(s.interview, s.now), { bold: true, color: s.daysLeft !== null && s.daysLeft <= 2 ? 'yellow' : undefined });
    const mean = s.meanAtInterview !== null ? ` · mean recall then ${percent(s.meanAtInterview)}` : '';
    const unseen = s.meanAtInterview !== null && s.unseen > 0 ? t(` (${s.unseen} never seen)`, { dim: true }) : '';
    lines.push({ content: `Interview ${shortDate(s.interview)} ${clockTime(s.interview)} · ${when}${mean}${unseen}` });
  } else {
    lines.push(tint(colour, wrapProse(`No interview date: prep drill ${s.deck.name} --interview 2026-12-03, or interview: in the deck.`, columns), { dim: true }));
  }
  const width = Math.max(...lines.map((l) => measure(l, columns).width));
  return row([[column(lines.map((l) => text(l, width))), width]]);
}

function recallPanel(s: DeckStats, colour: boolean): Panel {
  const ahead = s.atInterview.length > 0;
  const list = ahead ? s.atInterview : s.lowestNow;
  const pick = ahead ? (c: CardStat) => c.recallAtInterview! : (c: CardStat) => c.recallNow!;
  const more = s.counts.total - s.unseen - RECALL_SHOWN;
  const dim = (content: string, w: number) => text(tint(colour, content, { dim: true }), w);
  return (w) =>
    panel(colour, ahead ? 'Recall at the interview' : 'Recall now', 'lowest first', w, () => [
      list.length === 0 ? dim('No card practised yet.', w) : recallListText(colour, list.slice(0, RECALL_SHOWN), pick, s.retention, w),
      more > 0 ? dim(`… ${more} more, all at ${percent(pick(list[RECALL_SHOWN]!))} or above`, w) : column([]),
      s.unseen > 0 && list.length > 0 ? dim(`${s.unseen} never practised: no prediction yet`, w) : column([]),
    ]);
}

function pitchPanel(s: DeckStats, colour: boolean): Panel {
  const p = s.pitch;
  if (p.targetSeconds === null && p.attempts.length === 0) return null;
  const note = p.targetSeconds === null ? 'the deck has no pitch now' : `target ${p.targetSeconds} s`;
  return (w) => panel(colour, 'Pitch', note, w, () => [pitchHistoryText(p.history, p.targetSeconds ?? 30, w)]);
}

function mocksPanel(s: DeckStats, colour: boolean, width: number): Block | null {
  if (s.mocks.length === 0) return null;
  const shown = s.mocks.slice(-MOCKS_SHOWN).reverse();
  return panel(colour, 'Mock interviews', `${s.mocks.length} in all, latest first`, width, () =>
    shown.map((m) => {
      const grade = m.meanGrade === null ? 'not graded' : `mean grade ${m.meanGrade.toFixed(1)}`;
      const content =
        tinted(colour, `${shortDate(m.at)} ${clockTime(m.at)} · `, { dim: true }) +
        tinted(colour, `${m.overTime} of ${m.timed} over time`, { color: m.overTime > 0 ? 'red' : 'green' }) +
        ` · ${grade}` +
        (m.skipped ? tinted(colour, ` · ${m.skipped} skipped`, { dim: true }) : '');
      return text({ content, wrap: 'truncate-end' }, width);
    }),
  );
}

/** <PanelRow>: side by side, sharing the width equally 4 columns apart, or one under the other. */
function panelRow(panels: readonly Panel[], wide: boolean, width: number): Block {
  const shown = panels.filter((p) => p !== null);
  if (!wide) return column(shown.map((p) => [p(width), 1] as const));
  const each = (width - 4 * (shown.length - 1)) / shown.length;
  return column([[row(shown.map((p) => [p(each), each] as const), 4), 1]]);
}

/**
 * The text `prep stats` prints at `columns` (with colour or not): what <StatsScreen> renders,
 * byte for byte. Throws NotPlain for a layout it does not work out.
 */
export function statsText(s: DeckStats, columns: number, colour: boolean): string {
  need(columns >= 20, 'a very narrow screen');
  const wide = columns >= WIDE;
  const forecast = forecastChart(s, wide);
  const prompts = new Map(s.slowest.map((t) => [t.card, t.prompt]));
  const dim = (content: string, w: number) => text(tint(colour, content, { dim: true }), w);
  const screen = column([
    header(s, colour, columns),
    [panel(colour, 'Cards', `${s.counts.total} in all`, columns, (w) => [stateBarText(colour, s.counts, stateBarWidth(columns), w)]), 1],
    [overview(s, colour, columns), 1],
    panelRow(
      [
        (w) =>
          panel(colour, 'Due in the next 14 days', forecast.total ? `${forecast.total} in all` : undefined, w, () => [
            forecast.total ? barChartText(colour, forecast.bars, forecast.height, forecast.colWidth, w) : dim('No card is scheduled yet: a card is, once practised.', w),
          ]),
        (w) => panel(colour, 'Reviews, last 12 weeks', undefined, w, () => [heatmapText(colour, s.heatmap, w)]),
      ],
      wide,
      columns,
    ),
    panelRow(
      [recallPanel(s, colour), (w) => panel(colour, 'Weakest', 'as prep review ranks them', w, () => [s.weakest.length ? weakListText(colour, s.weakest, w) : dim('No card practised yet.', w)])],
      wide,
      columns,
    ),
    panelRow(
      [
        pitchPanel(s, colour),
        (w) => panel(colour, 'Slowest answers', 'median time to reveal', w, () => [s.slowest.length ? slowListText(colour, s.slowest, prompts, w) : dim('No timed answers yet.', w)]),
      ],
      wide,
      columns,
    ),
    withTop(mocksPanel(s, colour, columns)),
  ]);
  // Prompts and reasons are the user's text: a line break or tab in one is left to Ink.
  for (const t of [s.deck.title, s.deck.name, ...s.weakest.flatMap((c) => [c.prompt, c.reasons]), ...s.atInterview.map((c) => c.prompt), ...s.lowestNow.map((c) => c.prompt), ...prompts.values()]) {
    need(!/[\n\t]/.test(t), 'a line break or tab in a text');
  }
  const out = new TextFrame(columns, screen.height);
  screen.draw(out, 0, 0);
  return out.toString();
}
