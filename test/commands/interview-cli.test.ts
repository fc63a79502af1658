import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PLAIN_DECK, putDeck } from '../helpers/e2e-home.js';
import { Pty } from '../helpers/pty.js';
import { PREP, runCli, STACK_TRACE } from '../helpers/run-cli.js';
import { useTempHome } from '../helpers/temp-home.js';

// The built program with pipes for stdin and stdout: `prep interview` needs no terminal.
const home = useTempHome('prep-interview-');
const prep = (...args: string[]) => runCli(args, { env: home().env });
const settingsFile = () => path.join(home().dir, 'settings.json');
const saved = () => JSON.parse(fs.readFileSync(settingsFile(), 'utf8')).interviews as Record<string, string>;

describe('prep interview', () => {
  it('sets the date, prints it with the countdown, and clears it', async () => {
    const set = await prep('interview', 'coder', '2099-12-03T14:00');
    expect(set).toMatchObject({ code: 0, stderr: '' });
    expect(set.stdout).toMatch(/^Interview for coder set: Thu, 3 Dec 2099 14:00, in \d+ days\n$/);
    expect(saved()).toEqual({ coder: '2099-12-03T14:00' });

    const shown = await prep('interview', 'coder');
    expect(shown.stdout).toMatch(/^coder: interview Thu, 3 Dec 2099 14:00, in \d+ days\n$/);

    expect((await prep('interview', 'coder', '--clear')).stdout).toBe('Cleared the interview date of coder.\n');
    expect(saved()).toEqual({});
    expect((await prep('interview', 'coder')).stdout).toMatch(/^coder: no interview date\. Set one: prep interview coder /);
  });

  it('a date alone means 09:00, as --interview reads it', async () => {
    expect((await prep('interview', 'coder', '2099-12-03')).stdout).toContain('Thu, 3 Dec 2099 09:00');
  });

  it('refuses a past date in one line with exit 2, and changes nothing; --past sets it', async () => {
    const r = await prep('interview', 'coder', '2020-01-02');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('prep: Thu, 2 Jan 2020 09:00 has already passed; give --past to set it anyway.\n');
    expect(fs.existsSync(settingsFile())).toBe(false);

    const past = await prep('interview', 'coder', '2020-01-02', '--past');
    expect(past.code).toBe(0);
    expect(past.stdout).toMatch(/was on 2 Jan \(\d+ days ago\)/);
    expect(saved()).toEqual({ coder: '2020-01-02' });
  });

  it('refuses what is not a date, a date with --clear, and a deck that does not exist', async () => {
    for (const args of [['coder', 'next friday'], ['coder', '2099-02-30'], ['coder', '2099-12-03', '--clear'], ['nosuch', '2099-12-03']]) {
      const r = await prep('interview', ...args);
      expect(r.code).toBe(2);
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(r.stderr).not.toMatch(STACK_TRACE);
    }
    expect(fs.existsSync(settingsFile())).toBe(false);
  });

  it('printing the date writes nothing: no settings file appears', async () => {
    expect((await prep('interview', 'coder')).code).toBe(0);
    // The parsed-deck cache aside (rebuildable, as for list and stats): no settings, no log.
    expect(fs.readdirSync(home().dir).filter((f) => f !== 'cache')).toEqual([]);
  });

  it('after the interview, list shows it as past and sorts the deck last; one ahead comes first', async () => {
    putDeck(home().dir, 'acme', PLAIN_DECK);
    putDeck(home().dir, 'globex', PLAIN_DECK);
    await prep('interview', 'acme', '2020-01-02', '--past');
    await prep('interview', 'globex', '2099-12-03');
    const json = JSON.parse((await prep('list', '--json')).stdout) as Array<{ name: string }>;
    expect(json.map((d) => d.name)).toEqual(['globex', 'coder', 'acme']);
    const table = (await prep('list')).stdout;
    expect(table).toMatch(/acme .*2 Jan · past/);
    expect(table.indexOf('acme')).toBeGreaterThan(table.indexOf('coder'));
  });

  it('the drill says in its header that the interview has passed', async () => {
    putDeck(home().dir, 'small', PLAIN_DECK);
    // Three days ago, as a user who forgot to clear it would have it.
    const past = new Date();
    past.setDate(past.getDate() - 3);
    const iso = `${past.getFullYear()}-${String(past.getMonth() + 1).padStart(2, '0')}-${String(past.getDate()).padStart(2, '0')}`;
    await prep('interview', 'small', iso, '--past');
    const day = past.toLocaleDateString('en-GB', { day: 'numeric', month: 'short' });
    const pty = new Pty(['node', PREP, 'drill', 'small'], { env: home().env });
    try {
      const screen = await pty.waitFor('Alpha question?');
      expect(screen).toContain(`Interview was on ${day} (3 days ago)`);
      pty.write('q');
      await pty.exited;
    } finally {
      await pty.dispose();
    }
  });
});
