import { useEffect, useSyncExternalStore } from 'react';
import { Box, Text } from 'ink';
import type { MockSession } from '../../core/session/mock-session.js';
import { gradesGiven, type MockState } from '../../core/session/mock-state.js';
import { itemsOfState, rehearsalView, scorecard, type Scorecard } from '../../core/session/mock-view.js';
import { colorsOff } from '../theme.js';
import { AnswerClock } from '../components/answer-clock.js';
import { AnswerInput } from '../components/answer-input.js';
import { CardAnswer, CardPrompt } from '../components/card-view.js';
import { KeyPointCoverage } from '../components/coverage.js';
import { Header, KIND_LABEL } from '../components/header.js';
import { HelpView } from '../components/help-view.js';
import { KeyHints } from '../components/key-hints.js';
import { ScorecardTable, ScorecardTotals } from '../components/scorecard-table.js';
import { ScrollMarker, ScrollView } from '../components/scroll-view.js';
import { ColourMode } from '../components/tint.js';
import { mockHelp, mockHints, mockKeys } from './mock-keys.js';
import { useColumns } from '../use-columns.js';
import { useNow } from '../use-now.js';
import { useScroll, type Scroll } from '../use-scroll.js';
import { useSessionInput } from '../use-session-input.js';
import { wrapProse } from '../wrap-prose.js';

/** A mock interview: the rehearsal, then the scorecard. Reads the session, renders, sends keys back. */
export function MockScreen({ session, onDone, clock = Date.now }: { session: MockSession; onDone: () => void; clock?: () => number }) {
  const s = useSyncExternalStore(session.subscribe, session.getState);
  // Each question, each answer graded and the help start a view of their own (at the model answer while grading).
  const scroll = useScroll(`${s.phase}:${s.index}:${s.help}`);
  useSessionInput(session.getState, mockKeys(session, scroll.send), !s.quitting);
  useEffect(() => {
    if (s.quitting) onDone();
  }, [s.quitting, onDone]);
  // Each question is read aloud once it is on screen.
  useEffect(() => session.speakCurrent(), [session, s.index, s.phase]);
  const rehearsing = s.phase === 'speaking' || s.phase === 'answering';
  const grading = s.phase === 'grading' && !s.help;
  const card = rehearsing
    ? null
    : scorecard(itemsOfState(s), (s.endedAt ?? s.startedAt) - s.startedAt, {
        progress: s.progress,
        retention: s.config.retention,
        interview: s.config.interview,
        now: new Date(clock()),
      });
  const title = s.config.deck.title;
  // An interview has a fixed length: the header counts "Pitch  1/7", not what is left.
  const kind = s.phase === 'finished' ? undefined : s.items[s.index]?.card.kind;
  const note = rehearsing ? 'mock interview' : s.config.scheduled ? 'scorecard' : 'scorecard · --no-grade';

  return (
    <ColourMode value={!colorsOff()}>
      <Box ref={scroll.root} flexDirection="column" height={scroll.height}>
        <Box flexDirection="column" flexShrink={0}>
          <Header
            title={title}
            note={note}
            kind={kind}
            kindLabel={kind ? `${KIND_LABEL[kind]}  ${s.index + 1}/${s.items.length}` : undefined}
          />
          {grading && card ? <GradeLine s={s} card={card} /> : null}
        </Box>
        {/* The body scrolls; the header and the grading line above, the keys below, stay put. */}
        <ScrollView scroll={scroll}>
          {s.help ? <HelpView commands={mockHelp(s)} /> : card ? <Score s={s} card={card} scroll={scroll} /> : <Rehearsal s={s} session={session} clock={clock} />}
        </ScrollView>
        <Box flexDirection="column" flexShrink={0}>
          <ScrollMarker scroll={scroll} />
          {s.notice ? <Text dimColor>{` ${s.notice}`}</Text> : null}
          {s.error ? <Text color={colorsOff() ? undefined : 'red'}>{s.error}</Text> : null}
          {s.quitting ? <Text bold>{` ${quitLine(s)}`}</Text> : <KeyHints commands={mockHints(s)} />}
        </Box>
      </Box>
    </ColourMode>
  );
}

/** The last frame's word on what was kept. */
function quitLine(s: MockState): string {
  if (s.phase === 'speaking' || s.phase === 'answering') return 'Stopped before the scorecard: nothing was saved.';
  if (s.phase === 'finished') return s.saved ? 'Saved to your history.' : 'Not saved.';
  const n = gradesGiven(s);
  const kept = s.config.scheduled ? `${n} grade${n === 1 ? '' : 's'} given ${n === 1 ? 'is' : 'are'} kept in your schedule` : `${n} grade${n === 1 ? '' : 's'} given (not scheduled: --no-grade)`;
  return `Left the scorecard: ${kept}; ${s.items.length - n} not graded. ${s.saved ? 'The rehearsal is in your history.' : ''}`.trim();
}

/** One question at a time, with its clock: never the model answer. */
function Rehearsal({ s, session, clock }: { s: MockState; session: MockSession; clock: () => number }) {
  const now = useNow(clock, s.phase === 'answering');
  const width = useColumns() - 2;
  const v = rehearsalView(s, now);
  return (
    <Box flexDirection="column" paddingX={1}>
      <Text bold>{wrapProse(v.prompt, width)}</Text>
      {v.kind === 'pitch' && v.clock.target ? <Text dimColor>{`Say it aloud. Target: ${v.clock.target}`}</Text> : null}
      <Box marginTop={1}>
        {v.speaking ? <Text dimColor>Reading the question aloud… the clock starts when it ends.</Text> : <AnswerClock clock={v.clock} width={width} />}
      </Box>
      {s.phase === 'answering' && s.typing ? (
        <AnswerInput value={s.draft} onChange={(text) => session.send({ type: 'type-change', text })} />
      ) : null}
    </Box>
  );
}

/** Which answer is being graded, and its time against the target: pinned above the model answer. */
function GradeLine({ s, card }: { s: MockState; card: Scorecard }) {
  const item = s.items[s.index]!;
  const row = card.rows[s.index]!;
  const time = item.skipped ? 'skipped' : `${row.time}${item.target !== null ? ` of ${row.target} · ${row.verdict}` : ''}`;
  return (
    <Box paddingX={1}>
      <Text wrap="truncate-end">
        <Text bold>{`Grade ${s.index + 1} of ${s.items.length}`}</Text>
        <Text color={row.over && !colorsOff() ? 'red' : undefined}>{` · ${time}`}</Text>
      </Text>
    </Box>
  );
}

/** The scorecard: while grading, the answer against the model answer; then the rows and totals. */
function Score({ s, card, scroll }: { s: MockState; card: Scorecard; scroll: Scroll }) {
  const columns = useColumns();
  if (s.phase === 'finished') {
    return (
      <Box flexDirection="column" paddingX={1}>
        <ScorecardTable card={card} wide={columns >= 60} />
        <ScorecardTotals card={card} />
        <Text dimColor>{s.saved ? 'Saved to your history: prep mock --last shows it again.' : ''}</Text>
      </Box>
    );
  }
  const item = s.items[s.index]!;
  return (
    <Box flexDirection="column">
      <CardPrompt card={item.card} />
      <Box marginTop={1}>
        <CardAnswer card={item.card} anchor={scroll.anchor} points={item.answer ? <KeyPointCoverage answer={item.answer} /> : undefined} />
      </Box>
    </Box>
  );
}
