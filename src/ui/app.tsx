import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useApp } from 'ink';
import { useJobControl } from './use-job-control.js';

/**
 * The one exit site. Screens report "done" upward; only here is the app told to exit, on the
 * render after the screen's last frame, when every grade has long been written (appends are
 * synchronous).
 */
export function Root({ children }: { children: (done: () => void) => ReactNode }) {
  const { exit } = useApp();
  useJobControl();
  const [done, setDone] = useState(false);
  const finish = useCallback(() => setDone(true), []);
  useEffect(() => {
    if (done) exit();
  }, [done, exit]);
  return <>{children(finish)}</>;
}
