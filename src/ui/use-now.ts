import { useEffect, useState } from 'react';

/** `clock()`, refreshed every `everyMs` while `running`; frozen otherwise. */
export function useNow(clock: () => number, running: boolean, everyMs = 100): number {
  const [now, setNow] = useState(clock);
  useEffect(() => {
    setNow(clock());
    if (!running) return;
    const t = setInterval(() => setNow(clock()), everyMs);
    return () => clearInterval(t);
  }, [clock, running, everyMs]);
  return now;
}
