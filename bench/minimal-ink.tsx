// The yardstick for start-up: the smallest interactive Ink app, bundled exactly like prep.
import { Box, Text, render, useApp, useInput } from 'ink';

function App() {
  const { exit } = useApp();
  useInput((input) => {
    if (input === 'q') exit();
  });
  return (
    <Box borderStyle="round">
      <Text>minimal ink app ready</Text>
    </Box>
  );
}

render(<App />);
