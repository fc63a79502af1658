import { useEffect, useState } from 'react';
import { useStdout } from 'ink';

/** The terminal's width in columns, kept current as the window is resized. */
export function useColumns(fallback = 80): number {
  const { stdout } = useStdout();
  const [columns, setColumns] = useState(() => stdout.columns || fallback);
  useEffect(() => {
    const update = () => setColumns(stdout.columns || fallback);
    stdout.on('resize', update);
    return () => {
      stdout.off('resize', update);
    };
  }, [stdout, fallback]);
  return columns;
}

/** The terminal's height in rows, kept current as the window is resized; 0 when unknown. */
export function useRows(): number {
  const { stdout } = useStdout();
  const [rows, setRows] = useState(() => stdout.rows || 0);
  useEffect(() => {
    const update = () => setRows(stdout.rows || 0);
    stdout.on('resize', update);
    return () => {
      stdout.off('resize', update);
    };
  }, [stdout]);
  return rows;
}
