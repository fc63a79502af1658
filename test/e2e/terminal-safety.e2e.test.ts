import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { Pty } from '../helpers/pty.js';
import { PREP, runCli } from '../helpers/run-cli.js';
import { useTempHome } from '../helpers/temp-home.js';
import { cursorRestored, unsafeSequences } from '../helpers/terminal-scan.js';

// Deck text full of escape sequences (clipboard writes, title changes, hyperlinks, screen
// clears, ESC c, BEL, NUL, C1): prep must show it, inert, and write none of it to the terminal.
const ATTACK = fileURLToPath(new URL('../fixtures/decks/tricky/terminal-attack.yaml', import.meta.url));
const EVIL_NAME = 'evil\x1b]0;owned\x07name';

const home = useTempHome('prep-safety-');
let pty: Pty | undefined;
afterEach(async () => {
  await pty?.dispose();
  pty = undefined;
});

function setUp(): NodeJS.ProcessEnv {
  const decks = join(home().dir, 'decks');
  mkdirSync(decks, { recursive: true });
  copyFileSync(ATTACK, join(decks, 'attack.yaml'));
  writeFileSync(join(decks, `${EVIL_NAME}.yaml`), 'title: "A deck whose file name attacks"\nask: [Fine?]\n');
  writeFileSync(join(decks, 'broken.yaml'), 'title: T\n"bad\\e]52;c;aGk=\\a": 1\nask: [Fine?]\n');
  return { ...home().env, PREP_HOME: home().dir };
}

async function run(args: string[], env: NodeJS.ProcessEnv): Promise<Pty> {
  // Wide enough that no report line wraps.
  pty = new Pty(['node', PREP, ...args], { env, cwd: home().dir, cols: 200 });
  return pty;
}

function expectNothingLetThrough(p: Pty): void {
  expect(unsafeSequences(p.raw)).toEqual([]);
}

describe('deck text cannot act on the terminal', () => {
  it('prep drill shows every card of a hostile deck, revealed, with the sequences made visible symbols', async () => {
    const env = setUp();
    const p = await run(['drill', 'attack'], env);
    // The pitch: start and stop the timer to reveal the script and beats.
    await p.waitFor('Tell me about yourself.');
    expect(await p.screen()).toContain('Evil ␛]0;pwned title␇ deck ␛[2J␛c');
    p.write(' ');
    await p.waitFor('━');
    p.write(' ');
    await p.waitFor('Beats');
    expect(await p.screen()).toContain('␛[?1049h alt screen ␛[6n cursor report');
    p.write('3');
    await p.waitFor('Copy this ␛]52;c;ZWNobyBwd25lZA==␇ now?');
    p.write(' ');
    await p.waitFor('Key points');
    const answer = await p.screen();
    expect(answer).toContain('Link ␛]8;;https://evil.example␛\\click');
    expect(answer).toContain('␀ nul ␇␇␇ bell');
    p.write('3');
    await p.waitFor('What will you ask them?');
    p.write(' ');
    await p.waitFor('␛]52;c;Zm9v␇ Shall I ask?');
    p.write('?');
    await p.waitFor('Take back the last grade');
    p.write('?');
    // The help hides the card: seeing it again means the help is closed.
    await p.waitFor('Shall I ask?');
    p.write('q');
    expect((await p.exited).code).toBe(0);
    expectNothingLetThrough(p);
    expect(cursorRestored(p.raw)).toBe(true);
  });

  it('prep pitch shows the hostile script and beats inert', async () => {
    const env = setUp();
    const p = await run(['pitch', 'attack'], env);
    await p.waitFor('Tell me about yourself.');
    expect(await p.screen()).toContain('beat ␛]52;c;ZWNobyBwd25lZA==␇');
    p.write('s');
    await p.waitFor('␛[?1049h alt screen');
    p.write('q');
    expect((await p.exited).code).toBe(0);
    expectNothingLetThrough(p);
  });

  it('prep stats draws the hostile deck inert', async () => {
    const env = setUp();
    const p = await run(['stats', 'attack'], env);
    expect((await p.exited).code).toBe(0);
    // Taller than the screen: the title has scrolled by, so look for it in all that was written.
    expect(p.raw).toContain('Evil ␛]0;pwned');
    expectNothingLetThrough(p);
  });

  it('prep lint reports each hostile string as a warning with its place, inert', async () => {
    const env = setUp();
    const p = await run(['lint', 'attack'], env);
    expect((await p.exited).code).toBe(0);
    const screen = await p.screen();
    expect(screen).toContain('decks/attack.yaml:9:5 warning: questions[0].question: contains a terminal control character (U+001B): it is shown as "␛"');
    expect(screen).toContain('decks/attack.yaml: 12 warnings');
    expectNothingLetThrough(p);
  });

  it('prep list shows a deck file name and a broken deck\'s error inert', async () => {
    const env = setUp();
    const p = await run(['list'], env);
    expect((await p.exited).code).toBe(0);
    const screen = await p.screen();
    expect(screen).toContain('evil␛]0;owned␇name');
    expect(screen).toContain('Evil ␛]0;pwned');
    expect(screen).toMatch(/unknown key "bad␛]52;c;aGk=␇"/);
    expectNothingLetThrough(p);
  });

  it('prep import reports the file it read and what it took inert, whatever the file is called', async () => {
    const env = setUp();
    const name = 'sheet\x1b]0;owned\x07.md';
    writeFileSync(join(home().dir, name), '# Evil \x1b]0;t\x07 Sheet\n\n## Likely Questions\n\n**1. Why \x1b[2J us?**\n\nBecause \x1bc reasons.\n');
    const r = await runCli(['import', name, '--name', 'sheet'], { env, cwd: home().dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Read sheet␛]0;owned␇.md as a Markdown prep sheet.');
    expect(r.stdout).toContain('took: question (line 5): Why [2J us?');
    expect(unsafeSequences(r.stdout + r.stderr)).toEqual([]);
  });

  it('error messages quote deck content, file names and arguments inert', async () => {
    const env = setUp();
    for (const args of [['drill', 'broken'], ['drill', './nope\x1b]52;c;aGk=\x07.yaml'], ['drill', 'no\x1b[2Jsuch'], ['dril\x1bc']]) {
      const p = await run(args, env);
      expect((await p.exited).code).toBe(2);
      expect(await p.screen()).toMatch(/␛/);
      expectNothingLetThrough(p);
      await p.dispose();
      pty = undefined;
    }
  });
});
