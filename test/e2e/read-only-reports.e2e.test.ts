import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { gradeRecord, PLAIN_DECK, putDeck, putLog, SMALL_DECK } from '../helpers/e2e-home.js';
import { PREP, runCli, STACK_TRACE } from '../helpers/run-cli.js';
import { useTempHome } from '../helpers/temp-home.js';
import { treeState } from '../helpers/tree-state.js';

// list, stats, sheet, every --json and the commands that only show history (pitch --history, mock
// --last, interview without a date) only look: no settings rewrite, no deck cache (the decks
// here were never opened before), no log repair, no move aside. The repairs wait for the next
// command that writes.
const home = useTempHome('prep-ro-');
const REPORTS = [
  ['list'],
  ['list', '--json'],
  ['stats', 'plain'],
  ['stats', 'plain', '--json'],
  ['stats', 'broken', '--json'],
  ['sheet', 'plain'],
  ['sheet', 'pitched', '--markdown'],
  ['sheet', 'broken'],
  ['pitch', 'pitched', '--history'],
  ['pitch', 'pitched', '--history', '--json'],
  ['mock', 'pitched', '--last'],
  ['interview', 'pitched'],
];
const CASES = REPORTS.map((args) => ({ args, name: args.join(' ') }));

/** A data folder with everything a report might be tempted to fix. */
function damagedHome(dir: string): void {
  putDeck(dir, 'plain', PLAIN_DECK);
  putDeck(dir, 'broken', PLAIN_DECK);
  putDeck(dir, 'pitched', SMALL_DECK);
  // Incomplete settings (conf used to fill in the defaults on open).
  fs.writeFileSync(path.join(dir, 'settings.json'), '{"retention":0.85}');
  // A torn last line, old enough to be repaired by a writer.
  const log = putLog(dir, 'plain', [gradeRecord('plain', 'alpha', 3, new Date(Date.now() - 86_400_000))]);
  fs.appendFileSync(log, '{"v":1,"type":"grade","id":"torn","deck":"pl');
  const old = new Date(Date.now() - 60_000);
  fs.utimesSync(log, old, old);
  // A log with no record at all: a writer moves it aside.
  fs.writeFileSync(path.join(dir, 'logs', 'broken.jsonl'), Buffer.from([0, 1, 2, 255, 10, 7, 7]));
}

/** Runs `node dist/prep.js` as an unprivileged user when this runs as root, so permissions bind. */
function asUser(args: string[], env: NodeJS.ProcessEnv) {
  const argv = process.getuid?.() === 0 ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, PREP, ...args] : [process.execPath, PREP, ...args];
  return spawnSync(argv[0]!, argv.slice(1), { env, encoding: 'utf8', timeout: 30_000 });
}
const canDropRoot = process.getuid?.() !== 0 || spawnSync('setpriv', ['--version']).status === 0;

describe('read-only commands write nothing to the data folder', () => {
  it.each(CASES)('prep $name: the folder is the same to the nanosecond afterwards', async ({ args }) => {
    const { dir } = home();
    damagedHome(dir);
    const before = treeState(dir);
    const r = await runCli(args, { env: { ...process.env, PREP_HOME: dir } });
    expect(r.stderr).not.toMatch(STACK_TRACE);
    expect([0, 2]).toContain(r.code);
    expect(treeState(dir)).toEqual(before);
    if (args.includes('--json')) expect(() => JSON.parse(r.stdout)).not.toThrow();
  });

  it('stats says what it skipped and that the next drill repairs it', async () => {
    const { dir } = home();
    damagedHome(dir);
    const r = await runCli(['stats', 'plain', '--json'], { env: { ...process.env, PREP_HOME: dir } });
    expect(r.stderr).toMatch(/skipped an unfinished last line \(the next drill repairs the file\)/);
    expect(JSON.parse(r.stdout).reviews.total).toBe(1);
  });

  it.skipIf(!canDropRoot)('on a read-only data folder every report still works', () => {
    const { dir } = home();
    damagedHome(dir);
    const all = [dir, ...treeState(dir).map((l) => path.join(dir, l.split(' ')[0]!))];
    for (const f of all) fs.chmodSync(f, fs.statSync(f).isDirectory() ? 0o555 : 0o444);
    try {
      const before = treeState(dir);
      for (const args of REPORTS) {
        const r = asUser(args, { ...process.env, PREP_HOME: dir });
        expect(r.stderr, args.join(' ')).not.toMatch(STACK_TRACE);
        expect(r.stderr, args.join(' ')).not.toMatch(/permission denied|read-only|EACCES|EROFS/i);
        expect(r.status, `${args.join(' ')}: ${r.stderr}`).toBe(0);
      }
      expect(treeState(dir)).toEqual(before);
    } finally {
      for (const f of all) fs.chmodSync(f, fs.statSync(f).isDirectory() ? 0o755 : 0o644);
    }
  });
});

describe('writing commands on a read-only folder', () => {
  it.skipIf(!canDropRoot)('import --out and new say "permission denied" in words, leave nothing, and work once it is writable', () => {
    const { dir } = home();
    fs.chmodSync(dir, 0o755);
    const sheet = path.join(dir, 'sheet.md');
    fs.writeFileSync(sheet, '# Acme\n\n## Likely Questions\n\n**1. Why Acme?**\n\nBecause it ships.\n');
    fs.chmodSync(sheet, 0o644);
    const ro = path.join(dir, 'ro');
    fs.mkdirSync(ro, { mode: 0o555 });
    fs.chmodSync(ro, 0o555);
    const env = { ...process.env, PREP_HOME: ro };
    const imported = asUser(['import', sheet, '--out', path.join(ro, 'acme.yaml')], env);
    expect(imported.stderr).toBe(`prep: cannot write ${path.join(ro, 'acme.yaml')}: permission denied. Nothing was written.\n`);
    expect(imported.status).toBe(1);
    const made = asUser(['new', 'acme'], env);
    expect(made.stderr).toMatch(/^prep: cannot create the folder .*decks: permission denied\. Nothing was written\.\n$/);
    expect(fs.readdirSync(ro)).toEqual([]);
    fs.chmodSync(ro, 0o777);
    expect(asUser(['import', sheet, '--out', path.join(ro, 'acme.yaml')], env).status).toBe(0);
    expect(asUser(['new', 'other'], env).status).toBe(0);
  });
});
