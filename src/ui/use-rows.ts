import { useEffect, useState } from 'react';
import { useStdout } from 'ink';

/** The terminal's height in rows, kept current as the window is resized. */
export function useRows(fallback = 24): number {
  const { stdout } = useStdout();
  const [rows, setRows] = useState(() => stdout.rows || fallback);
  useEffect(() => {
    const update = () => setRows(stdout.rows || fallback);
    stdout.on('resize', update);
    return () => {
      stdout.off('resize', update);
    };
  }, [stdout, fallback]);
  return rows;
}
