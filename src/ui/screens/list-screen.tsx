import type { ReactNode } from 'react';
import { Box, Text } from 'ink';
import type { DeckSummary } from '../../core/stats/deck-summary.js';
import { ColourMode, Tint } from '../components/tint.js';
import { dayMonth, practisedWhen } from '../format.js';

/** From this width the title gets a column of its own; below it goes on a second line. */
export const LIST_WIDE = 100;

/** The interview in a table cell: "3 Dec · 7d", "3 Dec · today", "3 Dec · past", or "—" (days left as core counted them). */
export function interviewCell(d: DeckSummary): string {
  if (!d.interview || d.daysLeft === null) return '—';
  const left = d.interviewPast ? 'past' : d.daysLeft > 0 ? `${d.daysLeft}d` : 'today';
  return `${dayMonth(d.interview)} · ${left}`;
}

const num = (n: number | null) => (n === null ? '' : String(n));

function Cell({ width, right = false, children }: { width: number; right?: boolean; children?: ReactNode }) {
  return (
    <Box width={width} flexShrink={0} justifyContent={right ? 'flex-end' : 'flex-start'} marginRight={1}>
      {children}
    </Box>
  );
}

/**
 * `prep list`: every deck with its counts, interview and last practice, drawn once. A deck
 * that did not load takes one line with its error.
 */
export function ListScreen({ decks, now, columns, colour, decksDir }: {
  decks: readonly DeckSummary[];
  now: Date;
  columns: number;
  colour: boolean;
  decksDir: string;
}) {
  if (decks.length === 0) {
    return (
      <ColourMode value={colour}>
        <Text>{`No decks yet. Put a deck file (.yaml) in ${decksDir}.`}</Text>
      </ColourMode>
    );
  }
  const wide = columns >= LIST_WIDE;
  const nameW = Math.max(4, ...decks.map((d) => d.name.length));
  const interviewW = Math.max(9, ...decks.map((d) => interviewCell(d).length));
  const lastW = Math.max(14, ...decks.map((d) => practisedWhen(d.lastPractised, now).length));
  const row = (d: DeckSummary | null, key: string) => {
    const head = d === null;
    const text = (s: string) => (head ? <Tint dim>{s}</Tint> : <Text>{s}</Text>);
    return (
      <Box key={key}>
        {[
          <Cell key="n" width={nameW}>
            {head ? <Tint dim>deck</Tint> : <Tint bold>{d.name}</Tint>}
          </Cell>,
          wide ? (
            <Box key="t" flexGrow={1} flexBasis={0} minWidth={0} marginRight={1}>
              {head ? <Tint dim>title</Tint> : <Text wrap="truncate-end">{d.title ?? ''}</Text>}
            </Box>
          ) : null,
          wide ? (
            <Cell key="s" width={7}>
              {text(head ? 'from' : d.shipped ? 'shipped' : 'yours')}
            </Cell>
          ) : null,
          <Cell key="c" width={5} right>
            {text(head ? 'cards' : num(d.cards))}
          </Cell>,
          <Cell key="d" width={4} right>
            {head ? <Tint dim>due</Tint> : <Tint bold={!!d.dueNow} color={d.dueNow ? 'yellow' : undefined}>{num(d.dueNow)}</Tint>}
          </Cell>,
          <Cell key="w" width={4} right>
            {text(head ? 'new' : num(d.new))}
          </Cell>,
          <Cell key="i" width={interviewW}>
            {text(head ? 'interview' : interviewCell(d))}
          </Cell>,
          <Cell key="l" width={lastW}>
            {text(head ? 'last practised' : practisedWhen(d.lastPractised, now))}
          </Cell>,
        ]}
      </Box>
    );
  };
  return (
    <ColourMode value={colour}>
      <Box flexDirection="column" width={columns}>
        {row(null, 'head')}
        {decks.map((d) =>
          d.error !== null ? (
            <Box key={d.path}>
              <Cell width={nameW}>
                <Tint bold>{d.name}</Tint>
              </Cell>
              <Tint color="red" wrap="truncate-end">{`error: ${d.error}`}</Tint>
            </Box>
          ) : (
            <Box key={d.path} flexDirection="column">
              {row(d, 'row')}
              {wide ? null : (
                <Box paddingLeft={2}>
                  <Tint dim wrap="truncate-end">{`${d.title ?? ''}${d.shipped ? ' · shipped' : ''}`}</Tint>
                </Box>
              )}
            </Box>
          ),
        )}
      </Box>
    </ColourMode>
  );
}
