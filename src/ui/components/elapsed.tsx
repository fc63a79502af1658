import { useEffect, useState } from 'react';
import { Text } from 'ink';

const pad = (n: number) => String(n).padStart(2, '0');

/** m:ss since `since`, ticking once a second; frozen when `until` is set. */
export function Elapsed({ since, until, clock = Date.now }: { since: number; until?: number | null; clock?: () => number }) {
  const [now, setNow] = useState(clock);
  useEffect(() => {
    if (until != null) return;
    setNow(clock());
    const t = setInterval(() => setNow(clock()), 1000);
    return () => clearInterval(t);
  }, [since, until, clock]);
  const s = Math.max(0, Math.floor(((until ?? now) - since) / 1000));
  return <Text dimColor>{`${Math.floor(s / 60)}:${pad(s % 60)}`}</Text>;
}
