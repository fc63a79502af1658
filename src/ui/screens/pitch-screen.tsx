import { useEffect, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import { Box, Text } from 'ink';
import { describePace, estimatePace } from '../../core/deck/pace.js';
import { pitchStats } from '../../core/pitch/history.js';
import { formatSeconds } from '../../core/pitch/timing.js';
import type { PitchSession } from '../../core/session/pitch-session.js';
import { attemptMs, hasUnsaved, type PitchState } from '../../core/session/pitch-state.js';
import { tone } from '../theme.js';
import { BeatChecklist } from '../components/beat-checklist.js';
import { Header } from '../components/header.js';
import { HelpView } from '../components/help-view.js';
import { KeyHints } from '../components/key-hints.js';
import { PitchAttempt } from '../components/pitch-attempt.js';
import { PitchHistory } from '../components/pitch-history.js';
import { pitchHelp, pitchHints, pitchKeys } from './pitch-keys.js';
import { useSessionInput } from '../use-session-input.js';
import { useScroll } from '../use-scroll.js';
import { useColumns } from '../use-columns.js';
import { ScrollMarker, ScrollView } from '../components/scroll-view.js';
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
  // Shown, the script is where the view starts; the help starts at its top.
  const scroll = useScroll(`${s.phase}:${s.help}:${s.showScript}`);
  useSessionInput(session.getState, pitchKeys(session, scroll.send), !s.quitting);
  useEffect(() => {
    if (s.quitting) onDone();
  }, [s.quitting, onDone]);
  // Quitting leaves this frame on screen: it must say whether the attempt was kept.
  const lostMs = s.quitting && hasUnsaved(s) ? attemptMs(s) : null;
  // The prompt and script sit inside paddingX={1}.
  const width = useColumns() - 2;

  // On a short terminal the body scrolls (and the frame stays shorter than the terminal: the
  // clock ticks ten times a second, and a frame as tall as the terminal is redrawn by wiping
  // screen and scrollback each time).
  return (
    <Box ref={scroll.root} flexDirection="column" height={scroll.height}>
      <Box flexDirection="column" flexShrink={0}>
        <Header title={s.title} kind="pitch" />
      </Box>
      <ScrollView scroll={scroll}>
        {s.help ? (
          <HelpView commands={pitchHelp(s)} />
        ) : (
          <Box flexDirection="column" paddingX={1}>
            <Text bold>{wrapProse(s.card.prompt, width)}</Text>
            {s.phase === 'ready' ? listening : null}
            {s.phase === 'ready' ? <Ready s={s} /> : <Attempt s={s} clock={clock} listening={listening} />}
            {s.showScript ? (
              <Box ref={scroll.anchor} marginTop={1}>
                <Text dimColor>{wrapProse(s.card.answer, width)}</Text>
              </Box>
            ) : null}
          </Box>
        )}
      </ScrollView>
      <Box flexDirection="column" flexShrink={0}>
        <ScrollMarker scroll={scroll} />
        {s.error ? <Text color={tone('error')}>{s.error}</Text> : null}
        {lostMs !== null ? <Text bold>{`Not saved: this attempt (${formatSeconds(lostMs)}) was not stored.`}</Text> : null}
        {s.quitting ? null : <KeyHints commands={pitchHints(s)} />}
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
      <Text color={tooLong ? tone('warning') : undefined} dimColor={!tooLong}>
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
          <Text color={tone('good')}>
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
