import { useEffect, useState, useSyncExternalStore } from 'react';
import { Box, Text } from 'ink';
import type { DrillSession } from '../../core/session/drill-session.js';
import { drillView } from '../../core/session/drill-view.js';
import { CardView } from '../components/card-view.js';
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
import { Summary } from '../components/summary.js';
import { drillHelp, drillHints, drillKeys } from './drill-keys.js';
import { useFitHeight } from '../use-fit-height.js';
import { useSessionInput } from '../use-session-input.js';

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
  useSessionInput(session.getState, drillKeys(session, () => setQuit(true)), !finished && !quit);
  useEffect(() => {
    if (finished || quit) onDone();
  }, [finished, quit, onDone]);
  const fit = useFitHeight();

  const deck = s.config.deck;
  const view = drillView(s, new Date(clock()), finished || s.phase === 'empty');
  const { card, note, end } = view;

  if (end || !card) {
    return (
      <Box flexDirection="column">
        <Header title={deck.title} index={0} total={0} note={note} />
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
        {s.error ? <Text color="red">{s.error}</Text> : null}
        {finished || quit ? null : <KeyHints commands={drillHints(s)} />}
      </Box>
    );
  }

  const { index, total } = view.position;
  const revealed = s.phase === 'revealed';
  const submitted = revealed ? s.answer.submitted : null;
  const { lastAttempt } = view;
  // On a short terminal the card is cut to fit; the header, grades and key hints always show.
  // The help is never cut: it is read once, with no clock ticking under it.
  const cut = s.help ? { height: undefined, hidden: 0 } : fit;
  return (
    <Box ref={fit.root} flexDirection="column" height={cut.height}>
      <Box flexDirection="column" flexShrink={0}>
        <Header title={deck.title} index={index} total={total} kind={card.kind} note={note} />
        {reasons?.get(card.id) ? <Text color="yellow">{` Weak: ${reasons.get(card.id)}`}</Text> : null}
      </Box>
      {/* Cut, a revealed card keeps its end in view: the key points to grade against. */}
      <Box ref={fit.body} flexDirection="column" flexShrink={1} overflow="hidden" justifyContent={revealed ? 'flex-end' : 'flex-start'}>
        <Box ref={fit.content} flexDirection="column" flexShrink={0}>
          {s.help ? (
            <HelpView commands={drillHelp(s)} />
          ) : (
            <>
              <CardView
                card={card}
                revealed={revealed}
                underAnswer={lastAttempt ? <LastAttempt attempt={lastAttempt} /> : undefined}
                points={submitted ? <KeyPointCoverage answer={submitted} /> : undefined}
              />
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
              {view.shortPitch ? <ShortPitchNote {...view.shortPitch} /> : null}
            </>
          )}
        </Box>
      </Box>
      <Box flexDirection="column" flexShrink={0}>
        {cut.hidden > 0 ? <Text dimColor wrap="truncate">{` … ${cut.hidden} lines ${revealed ? 'above' : 'below'}: enlarge the window`}</Text> : null}
        {!s.help && view.grades ? <GradeBar grades={view.grades} suggested={submitted?.suggested} /> : null}
        {s.error ? <Text color="red">{s.error}</Text> : null}
        <KeyHints commands={drillHints(s)} />
      </Box>
    </Box>
  );
}
