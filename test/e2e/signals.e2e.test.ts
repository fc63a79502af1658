import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { gradeRecord, PLAIN_DECK, putDeck, putLog, readLogLines, SMALL_DECK } from '../helpers/e2e-home.js';
import { childOf, ShellPty } from '../helpers/pty-tools.js';
import { Pty } from '../helpers/pty.js';
import { PREP } from '../helpers/run-cli.js';
import { useTempHome } from '../helpers/temp-home.js';
import { cursorRestored } from '../helpers/terminal-scan.js';

// SIGTERM, SIGHUP, SIGINT, SIGQUIT and Ctrl+C on every interactive screen. Ctrl+C is prep's quit
// key: exit 0. The signals put the terminal back and end prep with the signal's usual status
// (128 + n: 143, 129, 130, 131), as the shell reports for any program a signal stopped. Either way the cursor is
// shown again, the terminal is out of raw mode, and every saved grade is still in the log.

const home = useTempHome('prep-signals-');
let pty: Pty | undefined;
afterEach(async () => {
  await pty?.dispose();
  pty = undefined;
});

const HOUR = 3_600_000;
/** The pitch clock runs: start/stop is offered, and help no longer is. */
const TIMING = /^(?![\s\S]*\? help)[\s\S]*start\/stop/;

interface Screen {
  name: string;
  args: string[];
  /** The log the run starts from. */
  log?: () => ReturnType<typeof gradeRecord>[];
  /** Drives prep to the screen; resolves once it is showing. */
  reach(p: ShellPty): Promise<void>;
  /** How many lines the log must hold afterwards. */
  kept: number;
  /** Also try `kill -INT` and `kill -QUIT` here (a few screens are enough: the handler is the same everywhere). */
  everySignal?: boolean;
}

const SCREENS: Screen[] = [
  {
    name: 'drill: a question',
    args: ['drill', 'plain'],
    reach: async (p) => void (await p.waitFor('Alpha question?')),
    kept: 0,
  },
  {
    name: 'drill: a revealed answer, one grade already saved',
    args: ['drill', 'plain'],
    reach: async (p) => {
      await p.waitFor('Alpha question?');
      p.write(' ');
      await p.waitFor('Alpha answer.');
      p.write('4');
      await p.waitFor('Beta question?');
      p.write(' ');
      await p.waitFor('Beta answer.');
    },
    kept: 1,
    everySignal: true,
  },
  {
    name: 'drill: the help',
    args: ['drill', 'plain'],
    reach: async (p) => {
      await p.waitFor('Alpha question?');
      p.write('?');
      await p.waitFor('Take back the last grade');
    },
    kept: 0,
  },
  {
    name: 'drill --type: an answer half typed',
    args: ['drill', 'plain', '--type'],
    reach: async (p) => {
      await p.waitFor('Your answer:');
      p.write('Alpha ans');
      await p.waitFor('Alpha ans');
    },
    kept: 0,
  },
  {
    name: 'drill: nothing due',
    args: ['drill', 'plain'],
    log: () => ['alpha', 'beta', 'gamma'].map((c) => gradeRecord('plain', c, 4, new Date(Date.now() - HOUR))),
    reach: async (p) => void (await p.waitFor('Nothing is due in this deck right now.')),
    kept: 3,
  },
  {
    name: 'review: a weak answer',
    args: ['review', 'plain'],
    log: () => [gradeRecord('plain', 'alpha', 1, new Date(Date.now() - HOUR))],
    reach: async (p) => void (await p.waitFor('Alpha question?')),
    kept: 1,
  },
  {
    name: 'pitch: ready',
    args: ['pitch', 'small'],
    reach: async (p) => void (await p.waitFor('space starts the clock')),
    kept: 0,
  },
  {
    name: 'pitch: timing',
    args: ['pitch', 'small'],
    reach: async (p) => {
      await p.waitFor('space starts the clock');
      p.write(' ');
      await p.waitFor(TIMING);
    },
    kept: 0,
    everySignal: true,
  },
  {
    name: 'pitch: an attempt saved',
    args: ['pitch', 'small'],
    reach: async (p) => {
      await p.waitFor('space starts the clock');
      p.write(' ');
      await p.waitFor(TIMING);
      p.write(' ');
      await p.waitFor(/enter\s+save/);
      // An attempt this short is only saved once confirmed.
      p.write('\r');
      await p.waitFor('save it anyway?');
      p.write('\r');
      await p.waitFor('Saved to your history');
    },
    kept: 1,
  },
];

const WAYS = [
  { how: 'Ctrl+C', status: 0, send: (p: ShellPty) => p.write('\x03') },
  { how: 'SIGTERM', status: 143, send: (p: ShellPty) => p.signal('SIGTERM') },
  { how: 'SIGHUP', status: 129, send: (p: ShellPty) => p.signal('SIGHUP') },
  { how: 'SIGINT (kill -INT)', status: 130, send: (p: ShellPty) => p.signal('SIGINT'), only: true },
  // In raw mode Ctrl+\ is a key like any other; SIGQUIT comes from `kill -QUIT`.
  { how: 'SIGQUIT (kill -QUIT)', status: 131, send: (p: ShellPty) => p.signal('SIGQUIT'), only: true },
] as const;

describe.each(SCREENS)('$name', (screen) => {
  it.each(WAYS.filter((w) => screen.everySignal || !('only' in w)))('$how: a clean exit ($status), the cursor shown, raw mode off, nothing lost', async ({ status, send }) => {
    const { dir } = home();
    putDeck(dir, 'plain', PLAIN_DECK);
    putDeck(dir, 'small', SMALL_DECK);
    const deck = screen.args[1]!;
    if (screen.log) putLog(dir, deck, screen.log());
    const shell = new ShellPty(screen.args, { env: { ...process.env, PREP_HOME: dir } });
    pty = shell;
    await screen.reach(shell);
    await shell.rawMode();
    await send(shell);
    // The screen goes with each check, so a failure shows what the terminal was left with.
    const exit = await shell.exitStatus();
    const shown = await shell.screen();
    expect(exit, shown).toBe(status);
    expect(cursorRestored(shell.raw), shown).toBe(true);
    expect(await shell.cooked(), shown).toBe(true);
    expect(readLogLines(dir, deck)).toHaveLength(screen.kept);
  });
});

// What the shell cannot tell apart (both give $? = 131): prep ending itself with 131, and prep
// killed by SIGQUIT, whose default action also dumps core (a file of 100 MB or more in the folder
// prep ran in, "Quit (core dumped)" in bash). A parent that waits for prep sees which it was.
const WAIT_FOR_PREP = `const r = require('node:child_process').spawnSync(process.execPath, process.argv.slice(1), { stdio: 'inherit' });
console.log('prep exited with ' + r.status + ', signal ' + r.signal);`;

describe('SIGQUIT (kill -QUIT)', () => {
  it('prep ends itself with 131: no death by the signal, no core dump, the terminal put back, grades kept', async () => {
    const { dir } = home();
    putDeck(dir, 'plain', PLAIN_DECK);
    const cwd = fs.mkdtempSync(path.join(dir, 'cwd-'));
    const argv = ['sh', '-c', 'ulimit -c unlimited 2>/dev/null; node -e "$0" "$@"; stty -a', WAIT_FOR_PREP, PREP, 'drill', 'plain'];
    const p = new Pty(argv, { env: { ...process.env, PREP_HOME: dir }, cwd });
    pty = p;
    await p.waitFor('Alpha question?');
    p.write(' ');
    await p.waitFor('Alpha answer.');
    p.write('4');
    await p.waitFor('Beta question?');
    // sh -> the waiting node -> prep.
    const prep = childOf(childOf(p.pid()!)!)!;
    process.kill(prep, 'SIGQUIT');
    await p.exited;
    const shown = await p.screen();
    expect(shown).toContain('prep exited with 131, signal null');
    expect(fs.readdirSync(cwd).filter((f) => f.startsWith('core')), shown).toEqual([]);
    expect(cursorRestored(p.raw), shown).toBe(true);
    const after = p.raw.slice(p.raw.lastIndexOf('prep exited with'));
    expect(after, shown).toMatch(/(^|\s)icanon(\s|$)/);
    expect(readLogLines(dir, 'plain')).toHaveLength(1);
  });
});
