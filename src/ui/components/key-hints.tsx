import { Box, Text } from 'ink';
import { keyBindings, keyLabel, type Command } from '../keymap.js';

/** Footer hints, drawn from the keymap so they always match the real keys. */
export function KeyHints({ commands }: { commands: readonly Command[] }) {
  return (
    <Box flexWrap="wrap" columnGap={2} paddingX={1}>
      {commands.map((c) => (
        <Text key={c} dimColor>
          <Text bold>{keyLabel(c)}</Text> {keyBindings[c].hint}
        </Text>
      ))}
    </Box>
  );
}
