import { Box, Text } from 'ink';
import type { DeckStats } from '../../core/stats/deck-stats.js';
import type { CardStat } from '../../core/stats/recall.js';
import { BarChart } from '../components/bar-chart.js';
import { RecallList, SlowList, WeakList } from '../components/card-lists.js';
import { Heatmap } from '../components/heatmap.js';
import { Panel, PanelRow } from '../components/panel.js';
import { StateBar } from '../components/state-bar.js';
import { ColourMode, Tint } from '../components/tint.js';
import { PitchHistory } from '../components/pitch-history.js';
import { interviewWhen, percent, practisedWhen, shortDate, clockTime } from '../format.js';
import { wrapProse } from '../wrap-prose.js';
import { MOCKS_SHOWN } from '../../core/stats/mocks.js';
import { RECALL_SHOWN } from '../../core/stats/recall.js';
import { forecastChart, stateBarWidth, WIDE } from './stats-layout.js';

function Overview({ s, columns }: { s: DeckStats; columns: number }) {
  const r = s.reviews;
  return (
    <Box flexDirection="column">
      <Text>
        <Tint bold>{`Due now ${s.dueNow}`}</Tint>
        <Tint dim>{` · last practised ${practisedWhen(s.lastPractised, s.now)}`}</Tint>
      </Text>
      <Text>{`Reviews ${r.total} in all, ${r.lastWindow} in the last 30 days`}</Text>
      {r.retention === null ? (
        <Tint dim>True retention: no reviews of seen cards in the last 30 days</Tint>
      ) : (
        <Text>
          {'True retention '}
          <Tint bold>{percent(r.retention)}</Tint>
          {' over 30 days'}
          <Tint dim>{` (${r.retentionOf} reviews of seen cards)`}</Tint>
        </Text>
      )}
      {s.interview ? (
        <Text>
          {`Interview ${shortDate(s.interview)} ${clockTime(s.interview)} · `}
          <Tint bold color={s.daysLeft !== null && s.daysLeft <= 2 ? 'yellow' : undefined}>
            {interviewWhen(s.interview, s.now)}
          </Tint>
          {s.meanAtInterview !== null ? ` · mean recall then ${percent(s.meanAtInterview)}` : ''}
          {s.meanAtInterview !== null && s.unseen > 0 ? <Tint dim>{` (${s.unseen} never seen)`}</Tint> : null}
        </Text>
      ) : (
        <Tint dim>{wrapProse(`No interview date: prep drill ${s.deck.name} --interview 2026-12-03, or interview: in the deck.`, columns)}</Tint>
      )}
    </Box>
  );
}

function RecallPanel({ s, wide }: { s: DeckStats; wide: boolean }) {
  const ahead = s.atInterview.length > 0;
  // Every seen card has a recall now; with an interview ahead, every seen card has one then too.
  const list = ahead ? s.atInterview : s.lowestNow;
  const pick = ahead ? (c: CardStat) => c.recallAtInterview! : (c: CardStat) => c.recallNow!;
  const more = s.counts.total - s.unseen - RECALL_SHOWN;
  const unseen = s.unseen;
  return (
    <Panel title={ahead ? 'Recall at the interview' : 'Recall now'} note="lowest first" inRow={wide}>
      {list.length === 0 ? <Tint dim>No card practised yet.</Tint> : <RecallList cards={list.slice(0, RECALL_SHOWN)} pick={pick} retention={s.retention} />}
      {more > 0 ? <Tint dim>{`… ${more} more, all at ${percent(pick(list[RECALL_SHOWN]!))} or above`}</Tint> : null}
      {unseen > 0 && list.length > 0 ? <Tint dim>{`${unseen} never practised: no prediction yet`}</Tint> : null}
    </Panel>
  );
}

function MocksPanel({ s }: { s: DeckStats }) {
  if (s.mocks.length === 0) return null;
  const shown = s.mocks.slice(-MOCKS_SHOWN).reverse();
  return (
    <Panel title="Mock interviews" note={`${s.mocks.length} in all, latest first`}>
      {shown.map((m) => (
        <Text key={m.id} wrap="truncate-end">
          <Tint dim>{`${shortDate(m.at)} ${clockTime(m.at)} · `}</Tint>
          <Tint color={m.overTime > 0 ? 'red' : 'green'}>{`${m.overTime} of ${m.timed} over time`}</Tint>
          {` · ${m.meanGrade === null ? 'not graded' : `mean grade ${m.meanGrade.toFixed(1)}`}`}
          {m.skipped ? <Tint dim>{` · ${m.skipped} skipped`}</Tint> : null}
        </Text>
      ))}
    </Panel>
  );
}

function PitchPanel({ s, wide }: { s: DeckStats; wide: boolean }) {
  const p = s.pitch;
  if (p.targetSeconds === null && p.attempts.length === 0) return null;
  return (
    <Panel title="Pitch" note={p.targetSeconds === null ? 'the deck has no pitch now' : `target ${p.targetSeconds} s`} inRow={wide}>
      <PitchHistory stats={p.history} targetSeconds={p.targetSeconds ?? 30} />
    </Panel>
  );
}

/**
 * `prep stats`: every figure of a deck, drawn once. Reads computed stats only; `columns` is
 * the terminal's width and `colour` false for NO_COLOR.
 */
export function StatsScreen({ stats: s, columns, colour }: { stats: DeckStats; columns: number; colour: boolean }) {
  const wide = columns >= WIDE;
  const { total: forecastTotal, bars, height, colWidth } = forecastChart(s, wide);
  const prompts = new Map(s.slowest.map((t) => [t.card, t.prompt]));
  return (
    <ColourMode value={colour}>
      <Box flexDirection="column" width={columns}>
        <Box>
          <Tint bold wrap="truncate-end">{s.deck.title}</Tint>
          <Box flexShrink={0}>
            <Tint dim>{`  ${s.deck.name} · ${shortDate(s.now)}`}</Tint>
          </Box>
        </Box>
        <Panel title="Cards" note={`${s.counts.total} in all`}>
          <StateBar counts={s.counts} width={stateBarWidth(columns)} />
        </Panel>
        <Box marginTop={1}>
          <Overview s={s} columns={columns} />
        </Box>
        <PanelRow wide={wide}>
          <Panel title="Due in the next 14 days" note={forecastTotal ? `${forecastTotal} in all` : undefined} inRow={wide}>
            {forecastTotal ? (
              <BarChart bars={bars} height={height} colWidth={colWidth} />
            ) : (
              <Tint dim>No card is scheduled yet: a card is, once practised.</Tint>
            )}
          </Panel>
          <Panel title="Reviews, last 12 weeks" inRow={wide}>
            <Heatmap data={s.heatmap} cellWidth={2} />
          </Panel>
        </PanelRow>
        <PanelRow wide={wide}>
          <RecallPanel s={s} wide={wide} />
          <Panel title="Weakest" note="as prep review ranks them" inRow={wide}>
            {s.weakest.length ? <WeakList cards={s.weakest} /> : <Tint dim>No card practised yet.</Tint>}
          </Panel>
        </PanelRow>
        <PanelRow wide={wide}>
          <PitchPanel s={s} wide={wide} />
          <Panel title="Slowest answers" note="median time to reveal" inRow={wide}>
            {s.slowest.length ? <SlowList times={s.slowest} prompts={prompts} /> : <Tint dim>No timed answers yet.</Tint>}
          </Panel>
        </PanelRow>
        <MocksPanel s={s} />
      </Box>
    </ColourMode>
  );
}
