import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { gradeRecord, PLAIN_DECK, putDeck, putLog } from '../helpers/e2e-home.js';
import { runCli, STACK_TRACE } from '../helpers/run-cli.js';
import { useTempHome } from '../helpers/temp-home.js';

// The built program on every hostile deck: errors with a place, exit code 2, never a stack
// trace; and the messages for input or output that is not a terminal.

const HOSTILE = fileURLToPath(new URL('../fixtures/decks/hostile/', import.meta.url));
const FIXTURES = fs.readdirSync(HOSTILE).filter((f) => f.endsWith('.yaml')).sort();

const home = useTempHome('prep-cli-');

describe('prep lint and prep drill on hostile decks', () => {
  it.each(FIXTURES)('%s: placed errors, exit 2, no stack trace', async (file) => {
    const env = { ...process.env, PREP_HOME: home().dir };
    // Run from the fixtures folder: messages name the file as given, `x.yaml`.
    const target = file;
    const run = (cmd: string) => runCli([cmd, target], { env, cwd: HOSTILE });
    // Deck errors come before the terminal check, so drill reports them with no terminal too.
    const [lint, drill] = await Promise.all([run('lint'), run('drill')]);

    expect(lint.code).toBe(2);
    expect(lint.stdout).toMatch(new RegExp(`^${escape(target)}:\\d+:\\d+ (?!warning)`, 'm'));
    expect(lint.stdout).toMatch(/: \d+ errors?(, \d+ warnings?)?\n$/);
    expect(drill.code).toBe(2);
    expect(drill.stdout).toBe('');
    expect(drill.stderr).toMatch(new RegExp(`^${escape(target)}:\\d+:\\d+ `, 'm'));
    for (const r of [lint, drill]) {
      expect(`${r.stdout}${r.stderr}`).not.toMatch(STACK_TRACE);
    }
    // A hang would end in the test's timeout; speed is the bench's to show, not a timed assertion.
  });

  it('a 50 MB file is refused by its size, at once', async () => {
    const big = path.join(home().dir, 'big.yaml');
    fs.writeFileSync(big, '');
    fs.truncateSync(big, 50 * 1024 * 1024);
    const r = await runCli(['lint', big], { env: { ...process.env, PREP_HOME: home().dir } });
    expect(r.code).toBe(2);
    // Refused by its size before any of it is read: the message names the size, not a parse error.
    expect(r.stdout).toContain(`${big}:1:1 the file is too big for a deck: 52428800 bytes, over the limit of 16777216 bytes (16 MB)`);
  });
});

describe('names and paths on the command line', () => {
  it('a name is looked up in the deck folders only; a path must be written as one', async () => {
    const { dir } = home();
    const work = path.join(dir, 'work');
    fs.mkdirSync(work);
    fs.writeFileSync(path.join(work, 'local.yaml'), PLAIN_DECK);
    const env = { ...process.env, PREP_HOME: path.join(dir, 'home'), PREP_SHIPPED_DECKS: path.join(dir, 'none') };
    const byName = await runCli(['drill', 'local'], { env, cwd: work });
    expect(byName.code).toBe(2);
    expect(byName.stderr).toBe('prep: no deck named "local". Available: none. A file can be given as a path: prep drill ./my-deck.yaml\n');
    const upward = await runCli(['drill', '../local'], { env, cwd: work });
    expect(upward.stderr).toBe('prep: no such file: ../local\n');
    // Written as a path, the same file is found (and, with no terminal, stops there).
    const byPath = await runCli(['drill', './local.yaml'], { env, cwd: work });
    expect(byPath.stderr).toContain('needs a terminal');
    const escape = await runCli(['new', '../escape'], { env, cwd: work });
    expect(escape.code).toBe(2);
    expect((fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.includes('escape'))).toEqual([]);
  });
});

describe('input or output that is not a terminal', () => {
  it.each([
    ['drill', ['drill', 'plain']],
    ['review', ['review', 'plain']],
    ['pitch', ['pitch', 'small']],
  ])('prep %s with its input piped: one clear sentence, exit 2', async (name, args) => {
    const { dir } = home();
    putDeck(dir, 'plain', PLAIN_DECK);
    putDeck(dir, 'small', `title: S\npitch:\n  script: Hello there.\n`);
    putLog(dir, 'plain', [gradeRecord('plain', 'alpha', 1, new Date(Date.now() - 3_600_000))]);
    const r = await runCli(args, { env: { ...process.env, PREP_HOME: dir } });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`prep: prep ${name} is interactive and needs a terminal, but its input is not a terminal.\n`);
    expect(r.stdout).toBe('');
  });

  it('prep list --json and prep stats --json need no terminal', async () => {
    const { dir } = home();
    putDeck(dir, 'plain', PLAIN_DECK);
    const env = { ...process.env, PREP_HOME: dir };
    const [list, stats] = await Promise.all([runCli(['list', '--json'], { env }), runCli(['stats', 'plain', '--json'], { env })]);
    expect(list.code).toBe(0);
    expect((JSON.parse(list.stdout) as { name: string }[]).map((d) => d.name)).toContain('plain');
    expect(stats.code).toBe(0);
    expect(JSON.parse(stats.stdout)).toMatchObject({ deck: 'plain' });
    expect(`${list.stderr}${stats.stderr}`).toBe('');
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
