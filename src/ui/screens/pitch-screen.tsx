import { useEffect, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import { Box, Text } from 'ink';
import { describePace, estimatePace } from '../../core/deck/pace.js';
import { pitchStats } from '../../core/pitch/history.js';
import { formatSeconds } from '../../core/pitch/timing.js';
import type { PitchSession } from '../../core/session/pitch-session.js';
import { attemptMs, hasUnsaved, type PitchState } from '../../core/session/pitch-state.js';
import { colorsOff } from '../theme.js';
import { BeatChecklist } from '../components/beat-checklist.js';
import { Header } from '../components/header.js';
import { HelpView } from '../components/help-view.js';
import { KeyHints } from '../components/key-hints.js';
import { PitchAttempt } from '../components/pitch-attempt.js';
import { PitchHistory } from '../components/pitch-history.js';
import { pitchCommands, pitchHelp, pitchKeys } from './pitch-keys.js';
import { useSessionInput } from '../use-session-input.js';
import { useFitHeight } from '../use-fit-height.js';
import { useColumns } from '../use-columns.js';
import { wrapProse } from '../wrap-prose.js';

/** Pitch practice: reads the session's state, renders it, sends key presses back. Writes nothing. */
export function PitchScreen({ session, onDone, clock = Date.now, listening }: {
  session: PitchSession;
  onDone: () => void;
  clock?: () => number;
  /** With --listen: what the microphone hears, shown under the attempt. */
  listening?: ReactNode;
}) {
  const s = useSyncExternalStore(session.subscribe, session.getState);
  useSessionInput(session.getState, pitchKeys(session), !s.quitting);
  useEffect(() => {
    if (s.quitting) onDone();
  }, [s.quitting, onDone]);
  const plainText = colorsOff();
  // Quitting leaves this frame on screen: it must say whether the attempt was kept.
  const lostMs = s.quitting && hasUnsaved(s) ? attemptMs(s, s.stoppedAt ?? clock()) : null;
  // On a short terminal the body is cut to fit (the clock ticks ten times a second: a frame
  // taller than the terminal would be redrawn by wiping screen and scrollback each time).
  const fit = useFitHeight();
  // The prompt and script sit inside paddingX={1}.
  const width = useColumns() - 2;
  const cut = s.help ? { height: undefined, hidden: 0 } : fit;

  return (
    <Box ref={fit.root} flexDirection="column" height={cut.height}>
      <Box flexDirection="column" flexShrink={0}>
        <Header title={s.title} index={0} total={0} kind="pitch" />
      </Box>
      <Box ref={fit.body} flexDirection="column" flexShrink={1} overflow="hidden">
        <Box ref={fit.content} flexDirection="column" flexShrink={0}>
          {s.help ? (
            <HelpView commands={pitchHelp(s)} />
          ) : (
            <Box flexDirection="column" paddingX={1}>
              <Text bold>{wrapProse(s.card.prompt, width)}</Text>
              {s.phase === 'ready' ? listening : null}
              {s.phase === 'ready' ? <Ready s={s} /> : <Attempt s={s} clock={clock} listening={listening} />}
              {s.showScript ? (
                <Box marginTop={1}>
                  <Text dimColor>{wrapProse(s.card.answer, width)}</Text>
                </Box>
              ) : null}
            </Box>
          )}
        </Box>
      </Box>
      <Box flexDirection="column" flexShrink={0}>
        {cut.hidden > 0 ? <Text dimColor wrap="truncate">{` … ${cut.hidden} lines below: enlarge the window`}</Text> : null}
        {s.error ? <Text color={plainText ? undefined : 'red'}>{s.error}</Text> : null}
        {lostMs !== null ? <Text bold>{`Not saved: this attempt (${formatSeconds(lostMs)}) was not stored.`}</Text> : null}
        {s.quitting ? null : <KeyHints commands={pitchCommands(s)} />}
      </Box>
    </Box>
  );
}

/** Before the start: the target, the pace check of the script, the beats, the history. */
function Ready({ s }: { s: PitchState }) {
  const { card, targetSeconds } = s;
  const pace = useMemo(() => estimatePace(card.answer, targetSeconds), [card.answer, targetSeconds]);
  const tooLong = pace.overWords > 0;
  return (
    <>
      <Text>{`Target: ${targetSeconds} s. Say it aloud; space starts the clock.`}</Text>
      <Text color={tooLong && !colorsOff() ? 'yellow' : undefined} dimColor={!tooLong}>
        {`${tooLong ? 'Too long: ' : 'Script: '}${describePace(pace)}`}
      </Text>
      {s.discardedMs !== null ? <Text dimColor>{`The last attempt (${formatSeconds(s.discardedMs)}) was not saved.`}</Text> : null}
      <Box marginTop={1}>
        <BeatChecklist points={card.points} />
      </Box>
      <History s={s} />
    </>
  );
}

/** The clock while timing; once stopped, the result and the beats to tick; once saved, the history. */
function Attempt({ s, clock, listening }: { s: PitchState; clock: () => number; listening?: ReactNode }) {
  const { card, targetSeconds } = s;
  return (
    <>
      <Box marginTop={1}>
        <PitchAttempt startedAt={s.startedAt} stoppedAt={s.stoppedAt} targetSeconds={targetSeconds} clock={clock} />
      </Box>
      {listening}
      {s.phase === 'saved' ? (
        <>
          <Text color={colorsOff() ? undefined : 'green'}>
            {card.points.length > 0 ? `Saved to your history, with ${s.hit.length} of ${card.points.length} beats hit.` : 'Saved to your history.'}
          </Text>
          <History s={s} />
        </>
      ) : (
        // The history waits until the attempt is saved, so it never crowds the checklist.
        <Box marginTop={1} flexDirection="column">
          {s.confirmShort && s.startedAt !== null && s.stoppedAt !== null ? (
            <Text bold>{`Only ${formatSeconds(s.stoppedAt - s.startedAt)}: save it anyway? enter saves, r drops it.`}</Text>
          ) : null}
          <BeatChecklist points={card.points} hit={s.phase === 'stopped' ? s.hit : undefined} />
        </Box>
      )}
    </>
  );
}

function History({ s }: { s: PitchState }) {
  const stats = useMemo(() => pitchStats(s.history, s.targetSeconds), [s.history, s.targetSeconds]);
  return (
    <Box marginTop={1}>
      <PitchHistory stats={stats} targetSeconds={s.targetSeconds} />
    </Box>
  );
}
