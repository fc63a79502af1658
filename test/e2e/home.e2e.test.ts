import { describe, expect, it } from 'vitest';
import { usePrepTerminal } from '../helpers/prep-terminal.js';
import { PLAIN_DECK, putDeck } from '../helpers/e2e-home.js';
import { runCli } from '../helpers/run-cli.js';

describe('prep with no arguments', () => {
  const t = usePrepTerminal();

  it('opens the home screen in a real terminal; down and enter drill the third deck; q comes back, q again leaves', async () => {
    // "acme" has an interview, so it comes first; then the decks without one, by name.
    putDeck(t.home, 'acme', PLAIN_DECK.replace('title: Small deck', 'title: Acme deck'));
    putDeck(t.home, 'small', PLAIN_DECK);
    expect((await runCli(['interview', 'acme', '2099-12-03T14:00'], { env: t.env })).code).toBe(0);

    const pty = t.start([], { cols: 80, rows: 24 });
    const home = await pty.waitFor('enter drill');
    expect(home).toMatch(/› acme +Acme deck/);
    expect(home).toMatch(/small +Small deck +0 +3 —/);
    expect(home.indexOf('coder')).toBeLessThan(home.indexOf('small'));

    pty.write('\x1b[B');
    await pty.waitFor(/› coder/);
    pty.write('\x1b[B');
    await pty.waitFor(/› small/);
    pty.write('\r');
    // The drill of the deck picked: its title in the header, its first card.
    await pty.waitFor('Alpha question?');
    expect(await pty.screen()).toContain('Small deck');
    pty.write(' ');
    await pty.waitFor('Alpha point one');
    pty.write('3');
    await pty.waitFor('Beta question?');
    pty.write('q');
    // Back on the home screen, the same deck still selected, its new count one less.
    await pty.waitFor(/› small +Small deck +\d+ +2 /);
    pty.write('q');
    const { code } = await pty.exited;
    expect(code).toBe(0);
    expect(t.log('small').filter((r) => r.type === 'grade').map((r) => r.card)).toEqual(['alpha']);
  });

  it('fits 40x12 and still drills with j and enter', async () => {
    putDeck(t.home, 'small', PLAIN_DECK);
    const pty = t.start([], { cols: 40, rows: 12 });
    const home = await pty.waitFor('enter drill');
    expect(home.split('\n').every((l) => [...l].length <= 40)).toBe(true);
    expect(home).toMatch(/› coder/);
    pty.write('j');
    await pty.waitFor(/› small/);
    pty.write('\r');
    await pty.waitFor('Alpha question?');
    pty.write('\x03');
    await pty.waitFor('enter drill');
    pty.write('q');
    expect((await pty.exited).code).toBe(0);
  });

  it('without a terminal prints the list table and exits 0', async () => {
    putDeck(t.home, 'small', PLAIN_DECK);
    const r = await runCli([], { env: t.env });
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toBe((await runCli(['list'], { env: t.env })).stdout);
    expect(r.stdout).toMatch(/^deck +cards +due +new +interview/);
    expect(r.stdout).toMatch(/small +3 +0 +3/);
  });

  it('TERM=dumb gets the table too, not a screen it cannot redraw', async () => {
    const pty = t.start([], { env: { ...t.env, TERM: 'dumb' } });
    const { code } = await pty.exited;
    expect(code).toBe(0);
    expect(await pty.screen()).toMatch(/deck +cards +due +new +interview/);
    expect(pty.raw).not.toContain('enter drill');
  });
});
