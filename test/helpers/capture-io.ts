import { fileURLToPath } from 'node:url';
import type { CommandIO } from '../../src/commands/command-io.js';

/** The repository's shipped decks folder. */
export const SHIPPED_DECKS = fileURLToPath(new URL('../../decks/', import.meta.url));

/** A CommandIO over a temp PREP_HOME that keeps what the command printed. */
export function captureIO(home: string, cwd = home): CommandIO & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    env: { PREP_HOME: home, PREP_SHIPPED_DECKS: SHIPPED_DECKS },
    cwd,
    out: (line) => stdout.push(line),
    err: (line) => stderr.push(line),
    stdout,
    stderr,
  };
}
