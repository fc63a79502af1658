import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { PLAIN_DECK, putDeck } from '../helpers/e2e-home.js';
import { Pty } from '../helpers/pty.js';
import { PREP, runCli, STACK_TRACE } from '../helpers/run-cli.js';
import { useTempHome } from '../helpers/temp-home.js';

const home = useTempHome('prep-settings-');
const started: Pty[] = [];
afterEach(async () => {
  for (const p of started.splice(0)) await p.dispose();
});

describe('settings.json that is not a plain small file', () => {
  const cases: { name: string; make: (file: string) => void; says: RegExp }[] = [
    { name: 'a FIFO', make: (f) => execFileSync('mkfifo', [f]), says: /settings\.json: it is not a regular file/ },
    { name: 'a link to /dev/zero', make: (f) => fs.symlinkSync('/dev/zero', f), says: /settings\.json: it is not a regular file/ },
    { name: 'a folder', make: (f) => fs.mkdirSync(f), says: /settings\.json: it is a folder, not a file/ },
    { name: 'a 10 MB file', make: (f) => fs.writeFileSync(f, JSON.stringify({ answerMode: 'x'.repeat(10 * 1024 * 1024) })), says: /settings\.json: it is \d+ bytes, over the 262144 bytes/ },
  ];
  it.each(cases)('$name: list and stats end at once with one line saying why, never a hang or an abort', async ({ make, says }) => {
    const { dir } = home();
    putDeck(dir, 'plain', PLAIN_DECK);
    make(path.join(dir, 'settings.json'));
    for (const args of [['list'], ['stats', 'plain', '--json']]) {
      const r = await runCli(args, { env: { ...process.env, PREP_HOME: dir } });
      expect(r.signal).toBeNull();
      expect(r.code).not.toBe(0);
      expect(r.stderr).toMatch(says);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).not.toMatch(STACK_TRACE);
    }
  });

  it('a long bad value is quoted in at most 80 characters', async () => {
    const { dir } = home();
    putDeck(dir, 'plain', PLAIN_DECK);
    fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify({ answerMode: 'y'.repeat(100_000), interviews: { ['d'.repeat(500)]: 'z'.repeat(500) } }));
    const r = await runCli(['stats', 'plain', '--json'], { env: { ...process.env, PREP_HOME: dir } });
    expect(r.code).toBe(0);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(2);
    for (const line of lines) {
      for (const run of line.match(/[ydz]{10,}…?/g) ?? []) expect(run.length).toBeLessThanOrEqual(80);
    }
  });
});

describe('concurrent writers', () => {
  it('eight drills started at once, each with --interview for its own deck, keep all eight dates', async () => {
    const { dir } = home();
    const env = { ...process.env, PREP_HOME: dir };
    const names = Array.from({ length: 8 }, (_, i) => `deck${i + 1}`);
    for (const n of names) putDeck(dir, n, PLAIN_DECK);
    const ptys = names.map((n, i) => {
      const p = new Pty(['node', PREP, 'drill', n, '--interview', `2027-01-${String(10 + i).padStart(2, '0')}`], { env });
      started.push(p);
      return p;
    });
    await Promise.all(ptys.map((p) => p.waitFor('Alpha question?', 30_000)));
    for (const p of ptys) p.write('\x03');
    await Promise.all(ptys.map((p) => p.exited));
    const saved = JSON.parse(fs.readFileSync(path.join(dir, 'settings.json'), 'utf8')) as { interviews: Record<string, string> };
    expect(saved.interviews).toEqual(Object.fromEntries(names.map((n, i) => [n, `2027-01-${String(10 + i).padStart(2, '0')}`])));
    expect(fs.readdirSync(dir).filter((f) => f.includes('.lock') || f.endsWith('.tmp'))).toEqual([]);
    // The same eight dates through the command a person would ask.
    const listed = JSON.parse((await runCli(['list', '--json'], { env })).stdout) as { name: string; interview: string | null }[];
    expect(listed.filter((d) => d.interview !== null)).toHaveLength(8);
  }, 60_000);
});
