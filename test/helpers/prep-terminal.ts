import { afterEach, beforeEach } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Pty, type PtyOptions } from './pty.js';

/** The built bundle (npm test builds it first), run as a person would. */
export const PREP = fileURLToPath(new URL('../../dist/prep.js', import.meta.url));

/**
 * For each test: a fresh PREP_HOME, `start(args)` running the built prep in a real
 * pseudo-terminal against it, and, afterwards, every started terminal ended and the home removed.
 */
export function usePrepTerminal() {
  const started: Pty[] = [];
  const t = {
    home: '',
    env: {} as NodeJS.ProcessEnv,
    start(args: string[], opts: PtyOptions = {}): Pty {
      const pty = new Pty(['node', PREP, ...args], { ...opts, env: opts.env ?? t.env });
      started.push(pty);
      return pty;
    },
    /** The deck's review log, one parsed record per line (plain JSON, as the tests inspect it). */
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    log(deck: string): Array<Record<string, any>> {
      return readFileSync(join(t.home, 'logs', `${deck}.jsonl`), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    },
  };
  beforeEach(() => {
    t.home = mkdtempSync(join(tmpdir(), 'prep-e2e-'));
    t.env = { ...process.env, PREP_HOME: t.home };
  });
  afterEach(async () => {
    for (const pty of started.splice(0)) await pty.dispose();
    rmSync(t.home, { recursive: true, force: true });
  });
  return t;
}
