import type { ReactNode } from 'react';
import { render } from 'ink';
import { Root } from '../ui/app.js';
import { lineDiffStream } from '../ui/line-diff-output.js';
import { restoreOnSignals } from './signals.js';
import { letGoOfDeadTerminal, terminalGone, watchTerminal } from './terminal-gone.js';
import { UserError } from './user-error.js';

/** True when the user asked for screens read as plain text: INK_SCREEN_READER set to 1 or true. */
export function screenReaderWanted(env: NodeJS.ProcessEnv = process.env): boolean {
  const v = env.INK_SCREEN_READER?.toLowerCase();
  return v === '1' || v === 'true';
}

function holdRawMode(): void {
  const stdin = process.stdin;
  if (!stdin.isTTY) return;
  try {
    stdin.setRawMode(true);
  } catch {
    // A terminal that went away: the hang-up handling below ends prep.
  }
}

/**
 * Puts the terminal back after a screen that failed: raw mode off (Ink turns it off only when a
 * screen got as far as reading keys, and prep holds it from before the first frame) and the
 * cursor shown. Node would reset the modes at its very end, but not before the error is out.
 */
function releaseTerminal(): void {
  try {
    if (process.stdin.isTTY) process.stdin.setRawMode(false);
    if (process.stdout.isTTY) process.stdout.write('\x1b[?25h');
  } catch {
    // A terminal that went away: nothing left to put back.
  }
}

/** The one line a screen's failure ends prep with (a bug: exit status 1, no stack trace). */
function screenFailed(err: unknown): UserError {
  const message = (err instanceof Error ? err.message : String(err)).split('\n')[0];
  return new UserError(`the screen stopped on an error: ${message} (everything saved before it is kept)`, 1);
}

/**
 * Runs an interactive screen under the one exit site until it is done, and returns the exit
 * status: 0, or the status of a signal that stopped it. Every grade and attempt is on disk
 * before a screen moves on, so a signal only needs the terminal put back. A screen that throws
 * (while rendering, or in a key handler or timer) ends with the terminal put back and a
 * {@link UserError}: one line, exit status 1.
 *
 * @param afterFirstFrame work that may wait until the first frame is out (e.g. a snapshot).
 */
export async function runScreen(screen: (done: () => void) => ReactNode, afterFirstFrame?: () => void): Promise<number> {
  const reader = screenReaderWanted();
  // Raw mode from before the first frame: Ink turns it on only in an effect after that frame is
  // out, and a Ctrl+C typed in between would reach the kernel as SIGINT and end prep (from the
  // home screen: everything) instead of being the screen's quit key. Ink turns it off at the end.
  holdRawMode();
  let app: ReturnType<typeof render>;
  try {
    app = render(<Root>{screen}</Root>, {
      exitOnCtrlC: false,
      // Only the lines that changed are rewritten: a ticking clock costs one line, not the frame,
      // so a slow terminal (or a link to one) does not flicker. (Not Ink's incrementalRendering,
      // whose cursor ends a line off after frames that end in a newline; see line-diff-output.ts.)
      stdout: reader ? process.stdout : lineDiffStream(process.stdout),
      // Ink reads INK_SCREEN_READER=true itself; prep also takes 1 (and --screen-reader sets it).
      isScreenReaderEnabled: reader,
    });
  } catch (err) {
    releaseTerminal();
    throw screenFailed(err);
  }
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
  // A throw outside rendering (a key handler, a timer) would end Node with a stack trace and the
  // screen still drawn: it ends the screen instead, as one thrown while rendering does.
  // Not waiting for Ink to settle then: after a throw in the middle of its work it may never.
  let failure: { error: unknown } | undefined;
  let crashedOut = () => {};
  const crashed = new Promise<void>((resolve) => (crashedOut = resolve));
  const onCrash = (error: unknown) => {
    failure ??= { error };
    unmount();
    crashedOut();
  };
  process.on('uncaughtException', onCrash);
  try {
    await Promise.race([
      app.waitUntilExit().catch((error: unknown) => {
        failure ??= { error };
      }),
      crashed,
    ]);
  } finally {
    process.off('uncaughtException', onCrash);
    signals.off();
    unwatch();
  }
  if (hungUp || terminalGone()) {
    letGoOfDeadTerminal();
    return 129;
  }
  if (failure) {
    releaseTerminal();
    throw screenFailed(failure.error);
  }
  return signals.status(0);
}
