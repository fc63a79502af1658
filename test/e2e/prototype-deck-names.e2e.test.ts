import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PLAIN_DECK, putDeck } from '../helpers/e2e-home.js';
import { usePrepTerminal } from '../helpers/prep-terminal.js';
import { runCli, STACK_TRACE } from '../helpers/run-cli.js';

// Names that are also properties of every JavaScript object: a lookup by deck name that is not
// an own-key lookup finds Object.prototype's member instead (`prep drill constructor` once
// crashed with "t.trim is not a function").
const NAMES = ['constructor', '__proto__', 'toString', 'hasOwnProperty'];

describe.each(NAMES)('a deck called %s', (name) => {
  const t = usePrepTerminal();
  const deck = PLAIN_DECK.replace('title: Small deck', `title: Deck ${name}`);
  // Another deck's interview in the settings, so the settings hold an interviews object to look in.
  const withSettings = () => writeFileSync(join(t.home, 'settings.json'), '{"interviews": {"coder": "2030-01-01"}}');

  it('drills: a grade is saved and the summary shows', async () => {
    putDeck(t.home, name, deck);
    withSettings();
    const pty = t.start(['drill', name]);
    await pty.waitFor('Alpha question?');
    pty.write(' ');
    await pty.waitFor('Key points');
    pty.write('3');
    await pty.waitFor('Beta question?');
    pty.write('q');
    await pty.waitFor('Reviewed 1 card');
    expect((await pty.exited).code).toBe(0);
    expect(t.log(name).map((r) => [r.deck, r.card, r.grade])).toEqual([[name, 'alpha', 3]]);
  });

  it('lists, with no interview of its own', async () => {
    putDeck(t.home, name, deck.replace(/^title:.*$/m, (l) => `${l}\ninterview: "2030-02-01"`));
    withSettings();
    const text = await runCli(['list'], { env: t.env });
    expect(text).toMatchObject({ code: 0, stderr: '' });
    // 3 cards, none due yet, 3 new, and the date its own deck file gives.
    expect(text.stdout).toMatch(new RegExp(`^${name}\\s+3\\s+0\\s+3\\s+1 Feb`, 'm'));
    const json = await runCli(['list', '--json'], { env: t.env });
    expect(json.code).toBe(0);
    const row = (JSON.parse(json.stdout) as Array<{ name: string; interview: string | null; error?: string }>).find((d) => d.name === name);
    expect(row).toMatchObject({ name, interview: new Date(2030, 1, 1, 9).toISOString() });
  });

  it('shows its stats', async () => {
    putDeck(t.home, name, deck);
    withSettings();
    const text = await runCli(['stats', name], { env: t.env });
    expect(text.stderr).not.toMatch(STACK_TRACE);
    expect(text).toMatchObject({ code: 0, stderr: '' });
    expect(text.stdout).toContain(`Deck ${name}`);
    const json = await runCli(['stats', name, '--json'], { env: t.env });
    expect(JSON.parse(json.stdout)).toMatchObject({ deck: name, interview: null });
  });
});
