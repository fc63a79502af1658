import { afterEach, describe, expect, it } from 'vitest';
import { gradeRecord, PLAIN_DECK, putDeck, putLog, readLogLines, SMALL_DECK } from '../helpers/e2e-home.js';
import { ShellPty } from '../helpers/pty-tools.js';
import { useTempHome } from '../helpers/temp-home.js';
import { cursorRestored } from '../helpers/terminal-scan.js';

// SIGTERM, SIGHUP, SIGINT and Ctrl+C on every interactive screen. Ctrl+C is prep's quit key:
// exit 0. The signals put the terminal back and end prep with the signal's usual status (128 + n:
// 143, 129, 130), as the shell reports for any program a signal stopped. Either way the cursor is
// shown again, the terminal is out of raw mode, and every saved grade is still in the log.

const home = useTempHome('prep-signals-');
let pty: ShellPty | undefined;
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
  /** Also try `kill -INT` here (a few screens are enough: the handler is the same everywhere). */
  sigint?: boolean;
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
    sigint: true,
  },
  {
    name: 'drill: the help',
    args: ['drill', 'plain'],
    reach: async (p) => {
      await p.waitFor('Alpha question?');
      p.write('?');
      await p.waitFor('Show or hide this help');
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
    sigint: true,
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
  { how: 'SIGINT (kill -INT)', status: 130, send: (p: ShellPty) => p.signal('SIGINT') },
] as const;

describe.each(SCREENS)('$name', (screen) => {
  it.each(WAYS.filter((w) => screen.sigint || w.how !== 'SIGINT (kill -INT)'))('$how: a clean exit ($status), the cursor shown, raw mode off, nothing lost', async ({ status, send }) => {
    const { dir } = home();
    putDeck(dir, 'plain', PLAIN_DECK);
    putDeck(dir, 'small', SMALL_DECK);
    const deck = screen.args[1]!;
    if (screen.log) putLog(dir, deck, screen.log());
    pty = new ShellPty(screen.args, { env: { ...process.env, PREP_HOME: dir } });
    await screen.reach(pty);
    await pty.rawMode();
    await send(pty);
    // The screen goes with each check, so a failure shows what the terminal was left with.
    const exit = await pty.exitStatus();
    const shown = await pty.screen();
    expect(exit, shown).toBe(status);
    expect(cursorRestored(pty.raw), shown).toBe(true);
    expect(await pty.cooked(), shown).toBe(true);
    expect(readLogLines(dir, deck)).toHaveLength(screen.kept);
  });
});
