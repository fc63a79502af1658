import { afterEach, describe, expect, it } from 'vitest';
import { Pty } from '../helpers/pty.js';
import { PREP } from '../helpers/run-cli.js';
import { putDeck, readLogLines, SMALL_DECK } from '../helpers/e2e-home.js';
import { useTempHome } from '../helpers/temp-home.js';

// kill -9 gives a program no chance to save anything: whatever the screen showed as done must
// already be on disk.

const home = useTempHome('prep-crash-');
let pty: Pty | undefined;
afterEach(async () => {
  await pty?.dispose();
  pty = undefined;
});

function start(args: string[]): Pty {
  pty = new Pty(['node', PREP, ...args], { env: { ...process.env, PREP_HOME: home().dir }, rows: 40 });
  return pty;
}

async function killHard(p: Pty): Promise<void> {
  p.kill('SIGKILL');
  expect((await p.exited).code).not.toBe(0);
  await p.dispose();
  pty = undefined;
}

describe('kill -9 in the middle of a session', () => {
  it('keeps every grade shown as saved (and the timed pitch), and the next run continues after them', async () => {
    const { dir } = home();
    putDeck(dir, 'small', SMALL_DECK);
    let p = start(['drill', 'small']);
    // k = 3: the pitch (timed, so it is also a pitch attempt), Alpha and Beta.
    await p.waitFor('Tell me about yourself.');
    p.write(' ');
    await p.waitFor('━');
    p.write(' ');
    await p.waitFor('Beats');
    p.write('4');
    await p.waitFor('Alpha question?');
    p.write(' ');
    await p.waitFor('Alpha answer.');
    p.write('4');
    await p.waitFor('Beta question?');
    p.write(' ');
    await p.waitFor('Beta answer.');
    p.write('4');
    // Gamma on screen, revealed, not graded: then the process dies.
    await p.waitFor('Gamma question?');
    p.write(' ');
    await p.waitFor('Gamma answer.');
    await killHard(p);

    const log = readLogLines(dir, 'small');
    expect(log.filter((r) => r.type === 'grade').map((r) => (r.type === 'grade' ? [r.card, r.grade] : null))).toEqual([
      ['pitch', 4],
      ['alpha', 4],
      ['beta', 4],
    ]);
    expect(log.filter((r) => r.type === 'pitch')).toHaveLength(1);

    // The next run: only Gamma is left today, and it says so.
    p = start(['drill', 'small']);
    const screen = await p.waitFor('Gamma question?');
    expect(screen).toMatch(/Question\s+1\/1/);
    p.write(' ');
    await p.waitFor('Gamma answer.');
    p.write('4');
    await p.waitFor('Reviewed 1 card');
    expect((await p.exited).code).toBe(0);
    expect(readLogLines(dir, 'small').filter((r) => r.type === 'grade')).toHaveLength(4);
  });

  it('keeps a saved pitch attempt; the next prep pitch shows it in the history', async () => {
    const { dir } = home();
    putDeck(dir, 'small', SMALL_DECK);
    let p = start(['pitch', 'small']);
    await p.waitFor('space starts the clock');
    p.write(' ');
    await p.waitFor(/^(?![\s\S]*\? help)[\s\S]*start\/stop/);
    p.write(' ');
    await p.waitFor(/enter\s+save/);
    p.write('2');
    await p.waitFor(/\[x\] 2 Proof/);
    // An attempt this short is only saved once confirmed.
    p.write('\r');
    await p.waitFor('save it anyway?');
    p.write('\r');
    await p.waitFor('Saved to your history, with 1 of 3 beats hit.');
    // A second attempt under way when the process dies: never saved, never counted.
    p.write('r');
    await p.waitFor('space starts the clock');
    p.write(' ');
    await p.waitFor(/^(?![\s\S]*\? help)[\s\S]*start\/stop/);
    await killHard(p);

    expect(readLogLines(dir, 'small')).toMatchObject([{ type: 'pitch', beats: [1], beatsTotal: 3 }]);
    p = start(['pitch', 'small']);
    const screen = await p.waitFor('space starts the clock');
    expect(screen).toContain('History: 1 attempt');
  });
});
