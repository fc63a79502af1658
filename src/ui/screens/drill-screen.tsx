import { useEffect, useState, useSyncExternalStore } from 'react';
import { Box, Text } from 'ink';
import type { DrillSession } from '../../core/session/drill-session.js';
import { position } from '../../core/session/drill-state.js';
import { scheduler } from '../../core/schedule/fsrs.js';
import { formatDue, formatDuration, previewIntervals } from '../../core/schedule/preview.js';
import { nextDue } from '../../core/schedule/queue.js';
import { CardView } from '../components/card-view.js';
import { Elapsed } from '../components/elapsed.js';
import { GradeBar } from '../components/grade-bar.js';
import { Header } from '../components/header.js';
import { HelpView } from '../components/help-view.js';
import { KeyHints } from '../components/key-hints.js';
import { Summary } from '../components/summary.js';
import { drillHints, useDrillInput } from './use-drill-input.js';

/** The drill: reads session state, renders it, sends key presses back. Writes nothing itself. */
export function DrillScreen({ session, onDone, clock = Date.now }: {
  session: DrillSession;
  onDone: () => void;
  clock?: () => number;
}) {
  const s = useSyncExternalStore(session.subscribe, session.getState);
  const [quit, setQuit] = useState(false);
  // Quitting mid-session still shows what was done; the root exits after this frame.
  const finished = s.phase === 'done' || (quit && s.reviewed > 0);
  useDrillInput(s, session.send, () => setQuit(true), !finished && !quit);
  useEffect(() => {
    if (finished || quit) onDone();
  }, [finished, quit, onDone]);

  const deck = s.config.deck;
  const card = s.current ? deck.cards.find((c) => c.id === s.current?.id) : undefined;
  const now = new Date(clock());

  if (s.phase === 'empty' || finished || !card) {
    const due = nextDue(deck.cards, s.progress);
    return (
      <Box flexDirection="column">
        <Header title={deck.title} index={0} total={0} />
        {!finished ? (
          <Box flexDirection="column" paddingX={1}>
            <Text bold>Nothing is due in this deck right now.</Text>
            <Text>{due ? `The next card is due ${formatDue(due, now)}.` : 'No card is scheduled.'}</Text>
            <Text>Practise anyway? Every card, weakest first; grades count as early reviews.</Text>
          </Box>
        ) : (
          <Summary
            reviewed={s.reviewed}
            again={s.again}
            spentMs={formatDuration(clock() - s.startedAt)}
            nextDue={due ? formatDue(due, now) : null}
          />
        )}
        {s.error ? <Text color="red">{s.error}</Text> : null}
        {finished || quit ? null : <KeyHints commands={drillHints(s)} />}
      </Box>
    );
  }

  const { index, total } = position(s);
  const progress = s.progress.get(card.id);
  const revealed = s.phase === 'revealed';
  return (
    <Box flexDirection="column">
      <Header title={deck.title} index={index} total={total} kind={card.kind} />
      {s.help ? (
        <HelpView />
      ) : (
        <>
          <CardView card={card} revealed={revealed} />
          <Box paddingX={1} marginTop={1}>
            <Elapsed since={s.shownAt} until={s.revealedAt} clock={clock} />
          </Box>
          {revealed && progress ? <GradeBar intervals={previewIntervals(scheduler(s.config.retention), progress, now)} /> : null}
        </>
      )}
      {s.error ? <Text color="red">{s.error}</Text> : null}
      <KeyHints commands={drillHints(s)} />
    </Box>
  );
}
