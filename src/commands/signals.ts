/** The status a shell reports for a program a signal ended: 128 + the signal's number. */
const STATUS = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129, SIGQUIT: 131 } as const;

type Handled = keyof typeof STATUS;

/** What {@link restoreOnSignals} gives a command while its screen runs. */
export interface SignalGuard {
  /** The exit status to end with: the signal's, if one stopped the screen, else `otherwise`. */
  status(otherwise: number): number;
  /** Stops listening; call once the screen has gone. */
  off(): void;
}

/**
 * While an interactive screen runs, SIGTERM, SIGHUP, SIGINT and SIGQUIT put the terminal back
 * (`unmount` lets Ink show the cursor and leave raw mode) and end the command with the signal's
 * usual status, 143, 129, 130 or 131, the same on every screen. (In raw mode Ctrl+C and Ctrl+\
 * are keys, Ctrl+C prep's quit key; the signals come from `kill`, or a key typed before raw mode
 * is on.) Unhandled, SIGQUIT would still get the terminal back from Ink's exit hook, which then
 * lets the signal kill prep: a core dump where the user allows them. Nothing needs saving
 * first: every grade and attempt is on disk before the screen moves on. `prep sync` uses the
 * same rule with no screen: `unmount` there ends the git it runs.
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
