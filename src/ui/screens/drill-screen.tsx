import { useEffect, useState, useSyncExternalStore } from 'react';
import { Box, Text } from 'ink';
import type { Card } from '../../core/deck/types.js';
import type { DrillSession } from '../../core/session/drill-session.js';
import { drillView } from '../../core/session/drill-view.js';
import { CardAnswer, CardPrompt } from '../components/card-view.js';
import { AnswerInput } from '../components/answer-input.js';
import { KeyPointCoverage } from '../components/coverage.js';
import { LastAttempt } from '../components/last-attempt.js';
import { Elapsed } from '../components/elapsed.js';
import { PitchAttempt } from '../components/pitch-attempt.js';
import { GradeBar } from '../components/grade-bar.js';
import { Header } from '../components/header.js';
import { ListenPanel, type ListenSource } from '../components/listen-panel.js';
import { ShortPitchNote } from '../components/short-pitch-note.js';
import { HelpView } from '../components/help-view.js';
import { KeyHints } from '../components/key-hints.js';
import { ScrollMarker, ScrollView } from '../components/scroll-view.js';
import { Summary } from '../components/summary.js';
import { drillHelp, drillHints, drillKeys } from './drill-keys.js';
import { tone } from '../theme.js';
import { useColumns, useRows } from '../use-columns.js';
import { useScroll } from '../use-scroll.js';
import { useSessionInput } from '../use-session-input.js';
import { wrapProse } from '../wrap-prose.js';

/**
 * Whether the prompt stays above the scrolling body: when it takes at most a third of the room
 * a card has (the terminal less header, grades and key bar). A longer prompt scrolls with the
 * answer, so a short terminal is never left with no room for the answer.
 */
function pinPrompt(card: Card, columns: number, rows: number): boolean {
  const lines = wrapProse(card.prompt, columns - 2).split('\n').length + (card.kind === 'question' ? 0 : 1);
  return rows > 0 && lines <= Math.floor((rows - 9) / 3);
}

/** The drill: reads session state, renders it, sends key presses back. Writes nothing itself. */
export function DrillScreen({ session, onDone, clock = Date.now, reasons, listen }: {
  session: DrillSession;
  onDone: () => void;
  clock?: () => number;
  /** Why each card is weak (prep review), shown under the header. */
  reasons?: ReadonlyMap<string, string>;
  /** With --listen: what the microphone hears on the pitch card. */
  listen?: ListenSource;
}) {
  const s = useSyncExternalStore(session.subscribe, session.getState);
  const [quit, setQuit] = useState(false);
  // Quitting mid-session still shows what was done; the root exits after this frame.
  const finished = s.phase === 'done' || (quit && s.reviewed > 0);
  // Each card, its reveal and the help start at their own top (the reveal at the answer's).
  const scroll = useScroll(`${s.current?.id}:${s.reviewed}:${s.phase}:${s.help}`);
  useSessionInput(session.getState, drillKeys(session, () => setQuit(true), scroll.send), !finished && !quit);
  useEffect(() => {
    if (finished || quit) onDone();
  }, [finished, quit, onDone]);
  const columns = useColumns();
  const rows = useRows();

  const deck = s.config.deck;
  const view = drillView(s, new Date(clock()), finished || s.phase === 'empty');
  const { card, note, noteShort, end } = view;

  if (end || !card) {
    return (
      <Box flexDirection="column">
        <Header title={deck.title} note={note} noteShort={noteShort} />
        {!finished ? (
          <Box flexDirection="column" paddingX={1}>
            <Text bold>Nothing is due in this deck right now.</Text>
            <Text>{end?.nextDue ? `The next card is due ${end.nextDue}.` : 'No card is scheduled.'}</Text>
            <Text>Practise anyway? Every card, weakest first; grades count as early reviews.</Text>
          </Box>
        ) : (
          <Summary
            reviewed={s.reviewed}
            again={s.again}
            spentMs={end?.spent ?? ''}
            nextDue={end?.nextDue ?? null}
            lines={end?.readiness ? [end.readiness] : []}
          />
        )}
        {s.error ? <Text color={tone('error')}>{s.error}</Text> : null}
        {finished || quit ? null : <KeyHints commands={drillHints(s)} />}
      </Box>
    );
  }

  const revealed = s.phase === 'revealed';
  const submitted = revealed ? s.answer.submitted : null;
  const { lastAttempt } = view;
  const pinned = !s.help && pinPrompt(card, columns, rows);
  const kindLabel = card.ask ? `Ask ${card.ask.index}/${card.ask.total}` : undefined;
  return (
    <Box ref={scroll.root} flexDirection="column" height={scroll.height}>
      <Box flexDirection="column" flexShrink={0}>
        <Header title={deck.title} kind={card.kind} kindLabel={kindLabel} progress={view.position} note={note} noteShort={noteShort} />
        {reasons?.get(card.id) ? <Text color={tone('warning')}>{` Weak: ${reasons.get(card.id)}`}</Text> : null}
        {pinned ? <CardPrompt card={card} /> : null}
        {pinned && revealed ? <Text> </Text> : null}
      </Box>
      {/* The body scrolls; the header above and the grades and keys below stay put. */}
      <ScrollView scroll={scroll}>
        {s.help ? (
          <HelpView commands={drillHelp(s)} />
        ) : (
          <>
            {pinned ? null : <CardPrompt card={card} />}
            {revealed ? (
              <Box marginTop={pinned ? 0 : 1}>
                <CardAnswer
                  card={card}
                  anchor={scroll.anchor}
                  underAnswer={lastAttempt ? <LastAttempt attempt={lastAttempt} /> : undefined}
                  points={submitted ? <KeyPointCoverage answer={submitted} /> : undefined}
                />
              </Box>
            ) : null}
            {s.phase === 'question' && s.answer.open ? (
              <AnswerInput value={s.answer.draft} cut={s.answer.cut} onChange={(text) => session.send({ type: 'type-change', text })} />
            ) : null}
            {s.answer.notice ? <Text dimColor>{` ${s.answer.notice}`}</Text> : null}
            <Box paddingX={1} marginTop={1}>
              {card.kind === 'pitch' ? (
                <PitchAttempt startedAt={s.pitchStartedAt} stoppedAt={s.revealedAt} targetSeconds={view.pitchTarget ?? 0} clock={clock} />
              ) : (
                <Elapsed since={s.shownAt} until={s.revealedAt} clock={clock} />
              )}
            </Box>
            {card.kind === 'pitch' && listen ? (
              <Box paddingX={1}>
                <ListenPanel source={listen} over={revealed} />
              </Box>
            ) : null}
          </>
        )}
      </ScrollView>
      <Box flexDirection="column" flexShrink={0}>
        <ScrollMarker scroll={scroll} />
        {/* Pinned, not scrolled: it says what enter does here. */}
        {!s.help && view.shortPitch ? <ShortPitchNote {...view.shortPitch} /> : null}
        {!s.help && view.grades ? <GradeBar grades={view.grades} suggested={submitted?.suggested} /> : null}
        {s.error ? <Text color={tone('error')}>{s.error}</Text> : null}
        {s.notice ? <Text bold wrap="truncate-end">{` ${s.notice}`}</Text> : null}
        <KeyHints commands={drillHints(s)} />
      </Box>
    </Box>
  );
}
