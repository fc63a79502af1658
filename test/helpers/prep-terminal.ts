import { afterEach, beforeEach } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Pty, type PtyOptions } from './pty.js';
import { PREP } from './run-cli.js';
import { makeTempHome, type TempHome } from './temp-home.js';

/**
 * For each test: a fresh PREP_HOME, `start(args)` running the built prep in a real
 * pseudo-terminal against it, and, afterwards, every started terminal ended and the home removed.
 */
export function usePrepTerminal() {
  const started: Pty[] = [];
  let temp: TempHome | undefined;
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
    temp = makeTempHome('prep-e2e-');
    t.home = temp.dir;
    t.env = temp.env;
  });
  afterEach(async () => {
    for (const pty of started.splice(0)) await pty.dispose();
    temp?.cleanup();
  });
  return t;
}
