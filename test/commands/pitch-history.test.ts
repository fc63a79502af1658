import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLog } from '../../src/core/store/log-reader.js';
import { resolvePaths, reviewLogPath } from '../../src/core/store/paths.js';
import { runCli } from '../helpers/run-cli.js';
import { useTempHome } from '../helpers/temp-home.js';

const home = useTempHome();
const logOf = () => reviewLogPath(resolvePaths(home().env).logsDir, 'coder');
const attempt = (id: string, ms: number, day: number) =>
  JSON.stringify({ v: 1, type: 'pitch', id, deck: 'coder', ms, beats: [0], beatsTotal: 5, at: new Date(Date.UTC(2026, 10, day, 12)).toISOString() });

function seed(): string {
  const text = `${[attempt('aaaa00000001', 29_000, 20), attempt('bbbb00000002', 800, 21), attempt('cccc00000003', 31_500, 22)].join('\n')}\n`;
  mkdirSync(dirname(logOf()), { recursive: true });
  writeFileSync(logOf(), text);
  return text;
}

describe('prep pitch <deck> --history / --delete ID', () => {
  it('--history lists every attempt with its id, time and verdict, and writes nothing', async () => {
    const text = seed();
    const r = await runCli(['pitch', 'coder', '--history'], { env: home().env });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^3 pitch attempts of .*, target 30 s/);
    expect(r.stdout).toMatch(/aaaa00000001 +2026-11-2\d \d\d:\d\d +29\.0 s +-1\.0 s +on target · 1\/5 beats/);
    expect(r.stdout).toMatch(/bbbb00000002 .* 0\.8 s .*short/);
    expect(readFileSync(logOf(), 'utf8')).toBe(text);
    const empty = { ...home().env, PREP_HOME: `${home().dir}/empty` };
    const none = await runCli(['pitch', 'coder', '--history'], { env: empty });
    expect(none.stdout).toMatch(/No pitch attempt saved/);
    // Like prep stats: no log is created for a deck never practised (only the deck cache is written).
    expect(existsSync(reviewLogPath(resolvePaths(empty).logsDir, 'coder'))).toBe(false);
  });

  it('--delete appends a record (the log is never rewritten); history and stats then leave the attempt out', async () => {
    const text = seed();
    const r = await runCli(['pitch', 'coder', '--delete', 'bbbb0000'], { env: home().env });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Deleted bbbb00000002 /);
    const after = readFileSync(logOf(), 'utf8');
    expect(after.startsWith(text)).toBe(true);
    expect(JSON.parse(after.slice(text.length))).toMatchObject({ v: 1, type: 'undo', deck: 'coder', target: 'bbbb00000002' });
    // An existing record type: this prep, and one from before deletions, read it without a warning.
    expect(readLog(logOf()).warnings).toEqual([]);

    const history = await runCli(['pitch', 'coder', '--history', '--json'], { env: home().env });
    expect((JSON.parse(history.stdout) as { id: string }[]).map((a) => a.id)).toEqual(['aaaa00000001', 'cccc00000003']);
    const stats = JSON.parse((await runCli(['stats', 'coder', '--json'], { env: home().env })).stdout) as { pitch: { attempts: unknown[] } };
    expect(stats.pitch.attempts).toHaveLength(2);
    expect(JSON.stringify(stats.pitch)).not.toContain('bbbb00000002');
  });

  it('an unknown, ambiguous or already deleted id is a one-line error, and nothing is appended', async () => {
    const text = seed();
    for (const [id, why] of [
      ['zzzz', /no pitch attempt has the id "zzzz" in coder \(see: prep pitch coder --history\)/],
      ['b', /no pitch attempt has the id "b"/],
    ] as const) {
      const r = await runCli(['pitch', 'coder', '--delete', id], { env: home().env });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(why);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
    expect(readFileSync(logOf(), 'utf8')).toBe(text);
    await runCli(['pitch', 'coder', '--delete', 'bbbb00000002'], { env: home().env });
    const again = await runCli(['pitch', 'coder', '--delete', 'bbbb00000002'], { env: home().env });
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/no pitch attempt has the id "bbbb00000002"/);
  });
});
