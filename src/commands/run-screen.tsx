import type { ReactNode } from 'react';
import { render } from 'ink';
import { Root } from '../ui/app.js';
import { restoreOnSignals } from './signals.js';

/**
 * Runs an interactive screen under the one exit site until it is done, and returns the exit
 * status: 0, or the status of a signal that stopped it. Every grade and attempt is on disk
 * before a screen moves on, so a signal only needs the terminal put back.
 *
 * @param afterFirstFrame work that may wait until the first frame is out (e.g. a snapshot).
 */
export async function runScreen(screen: (done: () => void) => ReactNode, afterFirstFrame?: () => void): Promise<number> {
  const app = render(<Root>{screen}</Root>, { exitOnCtrlC: false });
  if (afterFirstFrame) setImmediate(afterFirstFrame);
  const signals = restoreOnSignals(() => app.unmount());
  try {
    await app.waitUntilExit();
  } finally {
    signals.off();
  }
  return signals.status(0);
}
