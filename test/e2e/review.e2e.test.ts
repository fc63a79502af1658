import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Pty } from '../helpers/pty.js';
import { PREP } from '../helpers/run-cli.js';
import { makeTempHome, type TempHome } from '../helpers/temp-home.js';

// Runs the built bundle (npm test builds it first), piped or in a real pseudo-terminal.

describe('prep review, prep weak and --interview', () => {
  let temp: TempHome;
  let home: string;
  let pty: Pty | undefined;
  const env = () => ({ ...process.env, PREP_HOME: home });
  const run = (...args: string[]) => spawnSync('node', [PREP, ...args], { env: env(), encoding: 'utf8', input: '' });

  beforeEach(() => {
    temp = makeTempHome('prep-e2e-');
    home = temp.dir;
  });
  afterEach(async () => {
    await pty?.dispose();
    pty = undefined;
    temp.cleanup();
  });

  it('a deck with no history says so plainly and exits 0, even without a terminal', () => {
    const r = run('review', 'coder');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('No history yet for Coder');
    expect(r.stdout).toContain('prep drill coder');
    expect(run('weak', 'coder').stdout).toContain('No history yet');
  });

  it('bad options are usage errors (exit 2)', () => {
    const badDate = run('drill', 'coder', '--interview', '2026-02-30');
    expect(badDate.status).toBe(2);
    expect(badDate.stderr).toContain('"2026-02-30" is not a date');
    expect(badDate.stderr).toContain('usage: prep drill');
    expect(run('review', 'coder', '--limit', '0').status).toBe(2);
    const tag = run('review', 'coder', '--tag', 'nope');
    expect(tag.status).toBe(2);
    expect(tag.stderr).toContain('no card in coder has the tag "nope"');
  });

  it('--interview shows in the header and is remembered for the deck', async () => {
    const d = new Date();
    d.setDate(d.getDate() + 3);
    const day = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    pty = new Pty(['node', PREP, 'drill', 'coder', '--interview', `${day}T14:00`], { env: env() });
    await pty.waitFor('Interview in 3 days');
    pty.write('q');
    await pty.exited;
    await pty.dispose();
    const settings = JSON.parse(readFileSync(join(home, 'settings.json'), 'utf8'));
    expect(settings.interviews).toEqual({ coder: `${day}T14:00` });

    pty = new Pty(['node', PREP, 'drill', 'coder'], { env: env() });
    await pty.waitFor('Interview in 3 days');
  });

  it('drills the weak cards only, each with its reasons, and logs early reviews', async () => {
    const day = 86_400_000;
    const t = (daysAgo: number) => new Date(Date.now() - daysAgo * day).toISOString();
    const grade = (id: string, card: string, g: number, at: string) => ({ v: 1, type: 'grade', id, deck: 'coder', card, grade: g, at });
    const lines = [
      grade('a1', 'sandbox-design', 3, t(20)),
      grade('a2', 'sandbox-design', 3, t(19.99)),
      grade('a3', 'sandbox-design', 3, t(10)),
      grade('a4', 'sandbox-design', 1, t(2)),
      grade('a5', 'sandbox-design', 3, t(1.99)),
      grade('b1', 'many-agent-frameworks', 3, t(20)),
      grade('b2', 'many-agent-frameworks', 3, t(19.99)),
      grade('b3', 'many-agent-frameworks', 3, t(5)),
    ];
    mkdirSync(join(home, 'logs'), { recursive: true });
    writeFileSync(join(home, 'logs', 'coder.jsonl'), lines.map((l) => JSON.stringify(l)).join('\n') + '\n');

    pty = new Pty(['node', PREP, 'review', 'coder'], { env: env() });
    const screen = await pty.waitFor('design a sandboxed environment');
    expect(screen).toMatch(/Weak: forgot 1x · recall now \d+%/);
    expect(screen).toMatch(/1 left/);
    pty.write(' ');
    await pty.waitFor('Key points');
    pty.write('3');
    await pty.waitFor('Reviewed 1 card');
    expect((await pty.exited).code).toBe(0);
    const log = readFileSync(join(home, 'logs', 'coder.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(log.at(-1)).toMatchObject({ card: 'sandbox-design', grade: 3, early: true });
  });
});
