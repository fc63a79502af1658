import { useSyncExternalStore } from 'react';
import { Box, Text } from 'ink';
import { describeSpeech } from '../../core/audio/describe.js';
import type { ListenStatus } from '../../core/audio/listener.js';
import { colorsOff } from '../theme.js';

/** What the listening panel reads: the listener's status, and who records. */
export interface ListenSource {
  subscribe(listener: () => void): () => void;
  get(): ListenStatus;
  recorder: string;
  stopAfterSeconds: number;
  targetSeconds: number;
}

/** The microphone's side of a pitch attempt: waiting, hearing you, then the figures. */
export function ListenPanel({ source }: { source: ListenSource }) {
  const st = useSyncExternalStore(source.subscribe, source.get);
  const lines =
    st.phase === 'done' && st.figures
      ? // The speaking time and verdict are the clock's result line, just above.
        describeSpeech(st.figures, source.targetSeconds).slice(1)
      : st.phase === 'speaking'
        ? [`Hearing you (${source.recorder}): the clock stops after ${source.stopAfterSeconds} s of silence; space stops it now.`]
        : [`Listening (${source.recorder}): start speaking and the clock starts; space times by hand.`];
  return (
    <Box flexDirection="column" marginTop={1}>
      {lines.map((l) => (
        <Text key={l} dimColor={st.phase !== 'done'}>
          {l}
        </Text>
      ))}
      {st.error ? <Text color={colorsOff() ? undefined : 'yellow'}>{`${st.error}; space still times by hand.`}</Text> : null}
    </Box>
  );
}
