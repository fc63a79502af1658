import type { ReactNode } from 'react';
import { render } from 'ink';
import { Root } from '../ui/app.js';
import { restoreOnSignals } from './signals.js';
import { letGoOfDeadTerminal, terminalGone, watchTerminal } from './terminal-gone.js';

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
  const unmount = () => {
    try {
      app.unmount();
    } catch {
      // Putting back a terminal that is gone fails; there is nothing left to put back.
    }
  };
  const signals = restoreOnSignals(unmount);
  let hungUp = false;
  const unwatch = watchTerminal(() => {
    hungUp = true;
    unmount();
  });
  try {
    await app.waitUntilExit();
  } finally {
    signals.off();
    unwatch();
  }
  if (hungUp || terminalGone()) {
    letGoOfDeadTerminal();
    return 129;
  }
  return signals.status(0);
}
