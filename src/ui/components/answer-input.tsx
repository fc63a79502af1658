import { Box, Text } from 'ink';
import TextInput from 'ink-text-input';

/**
 * The answer field under the question. It only edits text: enter and esc are read by the
 * drill's input hook from the keymap. A paste arrives as one input and is inserted whole.
 */
export function AnswerInput({ value, onChange }: { value: string; onChange: (text: string) => void }) {
  return (
    <Box flexDirection="column" paddingX={1} marginTop={1}>
      <Text dimColor>Your answer:</Text>
      <Box>
        <Box flexShrink={0}>
          <Text color="cyan">{'> '}</Text>
        </Box>
        <TextInput value={value} onChange={onChange} />
      </Box>
    </Box>
  );
}
