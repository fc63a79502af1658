import { Component, useCallback, useEffect, useState, type ReactNode } from 'react';
import { useApp } from 'ink';
import { useJobControl } from './use-job-control.js';

/**
 * Catches an error thrown while a screen renders (or in its effects) and reports it upward,
 * drawing nothing: Ink's own catch would draw a box with the stack trace, and leave raw mode on
 * when the screen never got as far as asking for keys.
 */
class ScreenBoundary extends Component<{ onError: (error: Error) => void; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: Error): void {
    this.props.onError(error);
  }

  override render(): ReactNode {
    return this.state.failed ? null : this.props.children;
  }
}

/**
 * The one exit site. Screens report "done" upward; only here is the app told to exit, on the
 * render after the screen's last frame, when every grade has long been written (appends are
 * synchronous). A screen that throws ends the app here too, with the error (see run-screen.tsx).
 */
export function Root({ children }: { children: (done: () => void) => ReactNode }) {
  const { exit } = useApp();
  useJobControl();
  const [done, setDone] = useState(false);
  const finish = useCallback(() => setDone(true), []);
  useEffect(() => {
    if (done) exit();
  }, [done, exit]);
  return <ScreenBoundary onError={exit}>{children(finish)}</ScreenBoundary>;
}
