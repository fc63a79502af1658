import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { gradeRecord, PLAIN_DECK, putDeck, putLog } from '../helpers/e2e-home.js';
import { usePrepTerminal } from '../helpers/prep-terminal.js';
import { runCli } from '../helpers/run-cli.js';

// A deck's progress belongs to that deck: another file that happens to be called coder.yaml
// must not grade into the shipped coder deck's log, nor read it.
describe('decks given by a path keep their own progress', () => {
  const t = usePrepTerminal();
  let other: string;

  beforeEach(() => {
    other = fs.mkdtempSync(path.join(os.tmpdir(), 'prep-o-'));
  });
  afterEach(() => fs.rmSync(other, { recursive: true, force: true }));

  const reviews = async (deck: string) => {
    const r = await runCli(['stats', deck, '--json'], { env: t.env });
    expect(r.stderr).toBe('');
    return (JSON.parse(r.stdout) as { reviews: { total: number } }).reviews.total;
  };

  it('prep drill /tmp/o/coder.yaml grades do not show in prep stats coder', async () => {
    const file = path.join(other, 'coder.yaml');
    fs.writeFileSync(file, PLAIN_DECK);
    // The shipped coder deck already has history, stored under its name as it always was.
    putLog(t.home, 'coder', [gradeRecord('coder', 'sandbox-design', 3, new Date(Date.now() - 3_600_000))]);

    const pty = t.start(['drill', file]);
    await pty.waitFor('Alpha question?');
    pty.write(' ');
    await pty.waitFor('Key points');
    pty.write('3');
    await pty.waitFor('Beta question?');
    pty.write('q');
    await pty.waitFor('Reviewed 1 card');
    expect((await pty.exited).code).toBe(0);

    expect(await reviews('coder')).toBe(1);
    expect(await reviews(file)).toBe(1);
    const logs = fs.readdirSync(path.join(t.home, 'logs')).sort();
    expect(logs).toHaveLength(2);
    expect(logs).toContain('coder.jsonl');
    expect(logs.find((f) => f !== 'coder.jsonl')).toMatch(/^coder\.[0-9a-f]{8}\.jsonl$/);
  });

  it("an interview date set for /tmp/o/coder.yaml is that file's, not the shipped coder deck's", async () => {
    const file = path.join(other, 'coder.yaml');
    fs.writeFileSync(file, PLAIN_DECK);
    const set = await runCli(['interview', file, '2099-03-01'], { env: t.env });
    expect(set.code, set.stderr).toBe(0);
    expect((await runCli(['interview', file], { env: t.env })).stdout).toMatch(/^coder: interview Sun, 1 Mar 2099/);
    expect((await runCli(['interview', 'coder'], { env: t.env })).stdout).toMatch(/^coder: no interview date/);
    const listed = JSON.parse((await runCli(['list', '--json'], { env: t.env })).stdout) as { name: string; interview: string | null }[];
    expect(listed.find((d) => d.name === 'coder')!.interview).toBeNull();
  });

  it('a user deck given by its path in the decks folder keeps its name, so its old log still counts', async () => {
    const file = putDeck(t.home, 'acme', PLAIN_DECK);
    putLog(t.home, 'acme', [gradeRecord('acme', 'alpha', 3, new Date(Date.now() - 3_600_000))]);
    expect(await reviews('acme')).toBe(1);
    expect(await reviews(file)).toBe(1);
  });

  it('records naming another deck are skipped with a warning, not applied', async () => {
    putDeck(t.home, 'acme', PLAIN_DECK);
    const at = new Date(Date.now() - 3_600_000);
    putLog(t.home, 'acme', [gradeRecord('acme', 'alpha', 3, at), gradeRecord('other', 'beta', 3, at)]);
    const r = await runCli(['stats', 'acme', '--json'], { env: t.env });
    expect(JSON.parse(r.stdout).reviews.total).toBe(1);
    expect(r.stderr).toMatch(/1 record in this deck's log names another deck \("other"\); skipped/);
  });

  it('a deck with a 250-character name can be drilled', async () => {
    const name = 'x'.repeat(250);
    putDeck(t.home, name, PLAIN_DECK);
    const pty = t.start(['drill', name]);
    await pty.waitFor('Alpha question?');
    pty.write(' ');
    await pty.waitFor('Key points');
    pty.write('3');
    await pty.waitFor('Beta question?');
    pty.write('q');
    await pty.waitFor('Reviewed 1 card');
    expect((await pty.exited).code).toBe(0);
    expect(await reviews(name)).toBe(1);
  });
});
