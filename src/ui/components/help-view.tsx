import { Box, Text } from 'ink';
import { Command, keyBindings, keyLabel } from '../keymap.js';

/** Every key and what it does, from the one keymap. */
export function HelpView() {
  const all = Object.values(Command);
  const width = Math.max(...all.map((c) => keyLabel(c).length)) + 2;
  return (
    <Box flexDirection="column" paddingX={1} borderStyle="round" borderDimColor>
      <Text bold>Keys</Text>
      {all.map((c) => (
        <Box key={c}>
          <Box width={width} flexShrink={0}>
            <Text color="cyan">{keyLabel(c)}</Text>
          </Box>
          <Text>{keyBindings[c].help}</Text>
        </Box>
      ))}
    </Box>
  );
}
