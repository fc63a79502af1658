import { afterEach, describe, expect, it } from 'vitest';
import { PLAIN_DECK, putDeck, readLogLines } from '../helpers/e2e-home.js';
import { Pty } from '../helpers/pty.js';
import { resizePty } from '../helpers/pty-tools.js';
import { PREP } from '../helpers/run-cli.js';
import { useTempHome } from '../helpers/temp-home.js';
import { unsafeSequences } from '../helpers/terminal-scan.js';

// Terminals that are not 80x24 with colour: small, resized mid-card, dumb, colourless, or not
// a terminal at all on one side.

const home = useTempHome('prep-term-');
let pty: Pty | undefined;
afterEach(async () => {
  await pty?.dispose();
  pty = undefined;
});

const env = (extra: NodeJS.ProcessEnv = {}) => ({ ...process.env, PREP_HOME: home().dir, ...extra });
const clears = (raw: string) => raw.split('\x1b[3J').length - 1;
// eslint-disable-next-line no-control-regex
const SGR = /\x1b\[[0-9;]*m/;

/** The screen's rows, for checks on what is at the top and the bottom. */
async function rows(p: Pty): Promise<string[]> {
  return (await p.screen()).split('\n');
}

describe('a 40x12 terminal', () => {
  it('keeps the header, the grades and the key hints on screen, scrolls the card, and saves grades', async () => {
    const p = (pty = new Pty(['node', PREP, 'drill', 'coder'], { env: env(), cols: 40, rows: 12 }));
    // The big clock does not fit under the prompt: the body scrolls, and says how much is below.
    await p.waitFor(/↓ \d+ more/);
    let screen = await rows(p);
    expect(screen[1]).toMatch(/│ Coder — .*Pitch\s+9 left │/);
    expect(screen[3]).toBe(' Tell me about yourself.');
    expect(screen.join('\n')).toMatch(/q\/esc\/ctrl\+c quit/);
    // The frame is kept under the terminal's height: Ink never has to wipe screen and
    // scrollback to redraw it, not even as the clock ticks.
    const before = clears(p.raw);
    await new Promise((r) => setTimeout(r, 2200));
    expect(clears(p.raw)).toBe(before);

    // Space starts the pitch clock, space again stops it and reveals (the bar under the clock
    // is out of view here, so there is nothing to wait for in between but time).
    p.write(' ');
    await new Promise((r) => setTimeout(r, 400));
    p.write(' ');
    await p.waitFor(/1 Again/);
    screen = await rows(p);
    expect(screen[1]).toMatch(/Pitch\s+9 left/);
    expect(screen.join('\n')).toMatch(/1 Again · \S+\s+2 Hard/);
    expect(screen.join('\n')).toMatch(/3 Good · \S+\s+4 Easy/);
    expect(screen.join('\n')).toContain('u undo');

    p.write('3');
    await p.waitFor('Walk us through how');
    expect((await rows(p))[1]).toMatch(/Question\s+9 left · 1 learning/);
    p.write(' ');
    await p.waitFor(/4 Easy[\s\S]*/);
    screen = (await p.waitFor(/↓ \d+ more/)).split('\n');
    expect(screen[1]).toMatch(/Question\s+9 left/);
    expect(screen.join('\n')).toMatch(/↓ \d+ more/);
    p.write('4');
    await p.waitFor('multiple AI agent frameworks');
    p.write('q');
    expect((await p.exited).code).toBe(0);
    expect(readLogLines(home().dir, 'coder').filter((r) => r.type === 'grade').map((r) => (r.type === 'grade' ? r.grade : 0))).toEqual([3, 4]);
  });
});

describe('the pitch timer in a 40x12 terminal', () => {
  it('shows the header, the clock and the key hints, and never wipes the screen as the clock ticks', async () => {
    const p = (pty = new Pty(['node', PREP, 'pitch', 'coder'], { env: env(), cols: 40, rows: 12 }));
    await p.waitFor(/↓ \d+ more/);
    expect((await rows(p))[1]).toMatch(/│ Coder — .*Pitch │/);
    p.write(' ');
    // Timing: the hints drop "help"; the big clock sits under the prompt.
    await p.waitFor(/^(?![\s\S]*\? help)[\s\S]*start\/stop/);
    await new Promise((r) => setTimeout(r, 300));
    const before = clears(p.raw);
    await new Promise((r) => setTimeout(r, 1500));
    expect(clears(p.raw)).toBe(before);
    const screen = await rows(p);
    expect(screen[1]).toMatch(/Pitch/);
    expect(screen[3]).toBe(' Tell me about yourself.');
    expect(screen.join('\n')).toMatch(/[┌└│]/);
    expect(screen.join('\n')).toContain('q/esc/ctrl+c quit');
    p.write('q');
    expect((await p.exited).code).toBe(0);
  });
});

describe('the pitch timer on a slow terminal', () => {
  it('redraws only what changed: a tick of the clock costs a few lines, not the frame', async () => {
    const p = (pty = new Pty(['node', PREP, 'pitch', 'coder'], { env: env(), cols: 80, rows: 24 }));
    await p.waitFor('space starts the clock');
    const frameBytes = Buffer.byteLength(p.raw);
    p.write(' ');
    await p.waitFor(/^(?![\s\S]*\? help)[\s\S]*start\/stop/);
    // Every redraw is one synchronized update (ESC[?2026h ... ESC[?2026l): count them and
    // their bytes over the next ticks.
    const from = p.raw.length;
    await p.waitFor(() => p.raw.slice(from).split('\x1b[?2026h').length - 1 >= 10);
    const ticks = p.raw.slice(from).split('\x1b[?2026h').slice(1, 11);
    const perTick = ticks.map((t) => Buffer.byteLength(t));
    // The first frame is the whole screen; each tick rewrites the clock's lines and the bar.
    expect(frameBytes).toBeGreaterThan(1000);
    expect(Math.max(...perTick)).toBeLessThan(frameBytes / 3);
    p.write('q');
    expect((await p.exited).code).toBe(0);
  });
});

describe('a resize in the middle of a card', () => {
  it('redraws at the new size, smaller then larger, and the card can still be graded', async () => {
    const p = (pty = new Pty(['node', PREP, 'drill', 'coder'], { env: env(), cols: 80, rows: 24 }));
    await p.waitFor('Tell me about yourself.');
    p.write(' ');
    await p.waitFor('━');
    p.write(' ');
    await p.waitFor('Beats');
    p.write('3');
    await p.waitFor('Walk us through how');
    p.write(' ');
    await p.waitFor('Key points');

    // stty sets the width and the height one after the other: wait for the frame at both.
    resizePty(p, 40, 12);
    await p.waitFor(/│ Coder.*Question\s+9 left · 1 learning │[\s\S]*↓ \d+ more/);
    let screen = await rows(p);
    expect(screen.at(-2) || screen.at(-3)).toMatch(/quit/);
    expect(screen.join('\n')).toMatch(/1 Again · \S+\s+2 Hard/);

    resizePty(p, 100, 45);
    // Measured at the new size, the whole card fits: the scroll marker goes.
    screen = (await p.waitFor((s) => /I start from a threat model[\s\S]*At scale: container, microVM/.test(s) && !/\d+ more/.test(s))).split('\n');
    expect(screen.join('\n')).toContain('I start from a threat model');
    expect(screen.join('\n')).toMatch(/1 Again · \S+\s+2 Hard · \S+\s+3 Good/);

    p.write('2');
    await p.waitFor('multiple AI agent frameworks');
    p.write('q');
    expect((await p.exited).code).toBe(0);
    expect(readLogLines(home().dir, 'coder').filter((r) => r.type === 'grade')).toHaveLength(2);
  });
});

describe('NO_COLOR', () => {
  it('the drill works in words, without a single colour or style code', async () => {
    putDeck(home().dir, 'plain', PLAIN_DECK);
    const p = (pty = new Pty(['node', PREP, 'drill', 'plain'], { env: env({ NO_COLOR: '1' }) }));
    await p.waitFor('Alpha question?');
    p.write(' ');
    const screen = await p.waitFor('Alpha answer.');
    expect(screen).toMatch(/1 Again · 1m\s+2 Hard · \S+\s+3 Good · \S+\s+4 Easy/);
    p.write('4');
    await p.waitFor('Beta question?');
    p.write('q');
    expect((await p.exited).code).toBe(0);
    expect(p.raw).not.toMatch(SGR);
    expect(unsafeSequences(p.raw)).toEqual([]);
    expect(readLogLines(home().dir, 'plain')).toMatchObject([{ card: 'alpha', grade: 4 }]);
  });
});

describe('TERM=dumb', () => {
  it.each([['drill'], ['pitch']])('prep %s refuses in one line, exit 2, and writes no escape sequence at all', async (command) => {
    const p = (pty = new Pty(['node', PREP, command, 'coder'], { env: env({ TERM: 'dumb' }) }));
    const { code } = await p.exited;
    expect(code).toBe(2);
    const text = p.raw.replace(/\r/g, '').trim();
    expect(text).toBe(`prep: prep ${command} redraws the screen, which TERM=dumb cannot do; run it in a terminal such as xterm (prep list, stats and lint print plain text).`);
    expect(p.raw).not.toContain('\x1b');
  });
});

describe('screen-reader mode', () => {
  it.each([['INK_SCREEN_READER=1', ['drill', 'plain'], { INK_SCREEN_READER: '1' }], ['--screen-reader', ['drill', 'plain', '--screen-reader'], {}]])(
    '%s: the drill reads as text: question, reveal, grades, no drawn frame',
    async (_name, args, extra) => {
      putDeck(home().dir, 'plain', PLAIN_DECK);
      const p = (pty = new Pty(['node', PREP, ...args], { env: env(extra) }));
      let screen = await p.waitFor('Alpha question?');
      expect(screen).toMatch(/space\/enter reveal/);
      p.write(' ');
      // The grades are the last line of the revealed card: wait for them, not for the answer above,
      // which a loaded machine may show a moment before the rest of the frame has arrived.
      screen = await p.waitFor(/1 Again · 1m\s+2 Hard · \S+\s+3 Good · \S+\s+4 Easy/);
      expect(screen).toContain('Alpha answer.');
      p.write('3');
      await p.waitFor('Beta question?');
      p.write('q');
      expect((await p.exited).code).toBe(0);
      // No box drawn around the header: a screen reader would read out its corners.
      expect(p.raw).not.toMatch(/[╭╰│]/);
      expect(readLogLines(home().dir, 'plain')).toMatchObject([{ card: 'alpha', grade: 3 }]);
    },
  );
});

describe('a terminal on one side only', () => {
  it('output redirected to a file, input a terminal: one clear sentence, exit 2', async () => {
    putDeck(home().dir, 'plain', PLAIN_DECK);
    const p = (pty = new Pty(['sh', '-c', 'node "$0" drill plain > out.txt; echo "prep exited with $?"', PREP], { env: env(), cwd: home().dir }));
    const screen = (await p.waitFor(/prep exited with \d+/)).replace(/\n/g, '');
    expect(screen).toContain('prep: prep drill is interactive and needs a terminal, but its output is not a terminal.');
    expect(screen).toContain('prep exited with 2');
  });
});
