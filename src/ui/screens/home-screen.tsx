import { useEffect, useSyncExternalStore, type ReactNode } from 'react';
import { Box, Text } from 'ink';
import type { HomeSession } from '../../core/session/home-session.js';
import { homeView, type HomeRow } from '../../core/session/home-view.js';
import { colorsOff } from '../theme.js';
import { HelpView } from '../components/help-view.js';
import { KeyHints } from '../components/key-hints.js';
import { useSessionInput } from '../use-session-input.js';
import { useColumns } from '../use-columns.js';
import { useRows } from '../use-rows.js';
import { HOME_HELP, homeHints, homeKeys } from './home-keys.js';

function Cell({ width, right = false, grow = false, children }: { width: number; right?: boolean; grow?: boolean; children?: ReactNode }) {
  return (
    <Box
      width={grow ? undefined : width}
      flexGrow={grow ? 1 : 0}
      flexBasis={grow ? 0 : undefined}
      minWidth={grow ? 0 : undefined}
      flexShrink={grow ? 1 : 0}
      justifyContent={right ? 'flex-end' : 'flex-start'}
      marginRight={1}
    >
      {children}
    </Box>
  );
}

/**
 * `prep` on a terminal: every deck with what is due and how far off its interview is; pick one
 * and a command. Renders what homeView computed; the choice goes back up through the session.
 */
export function HomeScreen({ session, onDone, now = new Date() }: { session: HomeSession; onDone: () => void; now?: Date }) {
  const s = useSyncExternalStore(session.subscribe, session.getState);
  useSessionInput(session.getState, homeKeys(session), !s.done);
  useEffect(() => {
    if (s.done) onDone();
  }, [s.done, onDone]);
  const width = useColumns();
  // One row short of the terminal: a frame as tall as the window makes Ink clear the scrollback.
  const view = homeView(s, now, width, useRows() - 1);
  const plainText = colorsOff();
  const nameW = Math.min(Math.max(4, ...s.decks.map((d) => d.name.length)), Math.max(8, Math.floor(width / 3)));
  const interviewW = Math.max(9, ...view.rows.map((r) => r.interview.length));
  const { columns } = view;

  if (s.done) return null;
  if (s.help) return <HelpView commands={HOME_HELP} />;

  const row = (r: HomeRow | null) => {
    const head = r === null;
    const mark = r?.selected ? '›' : ' ';
    return (
      <Box key={r ? r.name : 'head'}>
        <Text bold={!head && r.selected} color={!plainText && r?.selected ? 'cyan' : undefined}>{`${mark} `}</Text>
        <Cell width={nameW}>
          <Text bold={!head} dimColor={head} inverse={!plainText && r?.selected} wrap="truncate-end">
            {head ? 'deck' : r.name}
          </Text>
        </Cell>
        {columns.title ? (
          <Cell width={0} grow>
            <Text dimColor={head || r.broken} color={!plainText && r?.broken ? 'red' : undefined} wrap="truncate-end">
              {head ? 'title' : r.title}
            </Text>
          </Cell>
        ) : null}
        <Cell width={3} right>
          <Text dimColor={head} bold={r?.hasDue} color={!plainText && r?.hasDue ? 'yellow' : undefined}>
            {head ? 'due' : r.due}
          </Text>
        </Cell>
        {columns.newCards ? (
          <Cell width={3} right>
            <Text dimColor={head}>{head ? 'new' : r.newCards}</Text>
          </Cell>
        ) : null}
        <Cell width={interviewW}>
          <Text dimColor={head || r?.past}>{head ? 'interview' : r.interview}</Text>
        </Cell>
        {columns.recall ? (
          <Cell width={6} right>
            <Text dimColor={head}>{head ? 'recall' : r.recall}</Text>
          </Cell>
        ) : null}
      </Box>
    );
  };

  return (
    <Box flexDirection="column" width={width}>
      <Box paddingX={1}>
        <Text bold wrap="truncate-end">
          prep <Text dimColor>{s.decks.length === 1 ? '· 1 deck' : `· ${s.decks.length} decks`}</Text>
        </Text>
      </Box>
      {s.decks.length === 0 ? (
        <Box paddingX={1}>
          <Text wrap="wrap">{'No decks yet: start one with "prep new <name>" or "prep import <file>".'}</Text>
        </Box>
      ) : (
        <>
          {row(null)}
          <Text dimColor>{view.above > 0 ? `  ↑ ${view.above} more` : ' '}</Text>
          {view.rows.map(row)}
          <Text dimColor>{view.below > 0 ? `  ↓ ${view.below} more` : ' '}</Text>
        </>
      )}
      {view.detail ? (
        <Box paddingX={1}>
          <Text dimColor wrap="truncate-end">{view.detail}</Text>
        </Box>
      ) : null}
      {view.message ? (
        <Box paddingX={1}>
          <Text color={plainText ? undefined : 'yellow'} wrap="truncate-end">{view.message}</Text>
        </Box>
      ) : null}
      <KeyHints commands={homeHints(s)} />
    </Box>
  );
}
