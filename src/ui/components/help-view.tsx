import { Box, Text } from 'ink';
import { byCategory, keyBindings, keyLabel, type Command } from '../keymap.js';

/** The keys that do something on this screen, by category, from the one keymap. */
export function HelpView({ commands }: { commands: readonly Command[] }) {
  const width = Math.max(...commands.map((c) => keyLabel(c).length)) + 2;
  return (
    <Box flexDirection="column" paddingX={1} borderStyle="round" borderDimColor>
      <Text bold>Keys</Text>
      {byCategory(commands).map(({ category, commands: group }) => (
        <Box key={category} flexDirection="column">
          <Text dimColor>{category}</Text>
          {group.map((c) => (
            <Box key={c}>
              <Box width={width} flexShrink={0}>
                <Text color="cyan">{keyLabel(c)}</Text>
              </Box>
              <Text>{keyBindings[c].help}</Text>
            </Box>
          ))}
        </Box>
      ))}
    </Box>
  );
}
