/** The status a shell reports for a program a signal ended: 128 + the signal's number. */
const STATUS = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;

type Handled = keyof typeof STATUS;

/** What {@link restoreOnSignals} gives a command while its screen runs. */
export interface SignalGuard {
  /** The exit status to end with: the signal's, if one stopped the screen, else `otherwise`. */
  status(otherwise: number): number;
  /** Stops listening; call once the screen has gone. */
  off(): void;
}

/**
 * While an interactive screen runs, SIGTERM, SIGHUP and SIGINT put the terminal back (`unmount`
 * lets Ink show the cursor and leave raw mode) and end the command with the signal's usual
 * status, 143, 129 or 130, the same on every screen. (In raw mode Ctrl+C is a key, prep's quit
 * key; SIGINT comes from `kill -INT`, or a Ctrl+C typed before raw mode is on.) Nothing needs
 * saving first: every grade and attempt is on disk before the screen moves on.
 */
export function restoreOnSignals(unmount: () => void): SignalGuard {
  let caught: Handled | undefined;
  const handlers = (Object.keys(STATUS) as Handled[]).map((sig) => {
    const handler = () => {
      caught ??= sig;
      unmount();
    };
    process.on(sig, handler);
    return () => process.off(sig, handler);
  });
  return {
    status: (otherwise) => (caught ? STATUS[caught] : otherwise),
    off: () => handlers.forEach((off) => off()),
  };
}
