import { Box, Text } from 'ink';
import TextInput from 'ink-text-input';
import { colorsOff } from '../theme.js';
import { MAX_ANSWER_CHARS } from '../../core/session/drill-typing.js';

/**
 * The answer field under the question. It only edits text: enter and esc are read by the
 * drill's input hook from the keymap. A paste arrives as one input and is inserted whole.
 *
 * ink-text-input draws its cursor in inverse video, which NO_COLOR turns off with every other
 * style: there the field keeps its cursor at the end (no arrow-key moves) and draws it as a block.
 */
export function AnswerInput({ value, onChange, cut = false }: { value: string; onChange: (text: string) => void; cut?: boolean }) {
  const plainText = colorsOff();
  return (
    <Box flexDirection="column" paddingX={1} marginTop={1}>
      <Text dimColor>{cut ? `Your answer (cut at ${MAX_ANSWER_CHARS.toLocaleString('en')} characters: the rest was not kept):` : 'Your answer:'}</Text>
      <Box>
        <Box flexShrink={0}>
          <Text color="cyan">{'> '}</Text>
        </Box>
        <TextInput value={value} onChange={onChange} showCursor={!plainText} />
        {plainText ? <Text>█</Text> : null}
      </Box>
    </Box>
  );
}
