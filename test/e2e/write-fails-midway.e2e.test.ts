import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { gradeRecord, logFile, PLAIN_DECK, putDeck, putLog } from '../helpers/e2e-home.js';
import { PREP, STACK_TRACE } from '../helpers/run-cli.js';
import { useTempHome } from '../helpers/temp-home.js';
import { treeState } from '../helpers/tree-state.js';

// A write that fails after it began (a disk that fills up), in the built program, without root:
// a file-size limit (ulimit -f, with SIGXFSZ ignored as a shell can) makes the kernel refuse the
// write past a few hundred bytes (EFBIG), as a full disk refuses it (ENOSPC).
const home = useTempHome('prep-midway-');

/** `prep ...args` in `cwd` with files limited to one block (512 or 1024 bytes, by shell). */
function prepLimited(args: string[], cwd: string, env: NodeJS.ProcessEnv) {
  return spawnSync('sh', ['-c', 'trap "" XFSZ; ulimit -f 1 && exec "$0" "$@"', process.execPath, PREP, ...args], { cwd, env, encoding: 'utf8', timeout: 30_000 });
}

describe('a write that fails halfway', () => {
  it('sheet --out: one sentence saying why, no half sheet and no temp file; a retry with room works', () => {
    const { dir, env } = home();
    const r = prepLimited(['sheet', 'coder', '--out', 'day.md'], dir, env);
    expect(r.stderr).toBe('prep: cannot write day.md: the file is too large. Nothing was written.\n');
    expect(r.status).toBe(1);
    expect(fs.readdirSync(dir)).toEqual([]);
    const retry = spawnSync(process.execPath, [PREP, 'sheet', 'coder', '--out', 'day.md'], { cwd: dir, env, encoding: 'utf8' });
    expect(retry.status, retry.stderr).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'day.md'), 'utf8')).toContain('## Questions, weakest first');
  });

  it.each([
    ['import', (sheet: string) => ['import', sheet, '--name', 'acme']],
    ['new', () => ['new', 'acme']],
  ])('%s: no empty or cut deck left, the reason in words; the retry is not refused as "already exists"', (_, args) => {
    const { dir, env } = home();
    const sheet = path.join(dir, 'sheet.md');
    fs.writeFileSync(sheet, `# Acme\n\n## Likely Questions\n\n${Array.from({ length: 20 }, (_, i) => `**${i + 1}. Why Acme, reason ${i + 1}?**\n\nBecause it ships, and ships again.\n\n`).join('')}`);
    const r = prepLimited(args(sheet), dir, env);
    expect(r.stderr).toMatch(/^prep: cannot write decks\/acme\.yaml: the file is too large\. Nothing was written\.\n$/m);
    expect(r.status).toBe(1);
    expect(fs.readdirSync(path.join(dir, 'decks'))).toEqual([]);
    const retry = spawnSync(process.execPath, [PREP, ...args(sheet)], { cwd: dir, env, encoding: 'utf8' });
    expect(retry.status, retry.stderr).toBe(0);
    expect(fs.readdirSync(path.join(dir, 'decks'))).toEqual(['acme.yaml']);
  });

  it('rename: nothing changed, said in words, no temp file beside the logs; a retry with room works', () => {
    const { dir, env } = home();
    putDeck(dir, 'acme', PLAIN_DECK);
    const at = new Date(Date.now() - 86_400_000);
    // Over the limit once rewritten under the new name.
    putLog(dir, 'acme', Array.from({ length: 20 }, (_, i) => gradeRecord('acme', ['alpha', 'beta', 'gamma'][i % 3]!, 3, at)));
    // Every file as it was (a folder's own time changes as the temp file comes and goes).
    const files = () => treeState(dir).map((l) => l.replace(/^(\S+ dir) .*/, '$1'));
    const before = files();
    const r = prepLimited(['rename', 'acme', 'globex'], dir, env);
    expect(r.stderr).toMatch(/^prep: could not rename "acme" to "globex", nothing was changed: could not write \S+globex\.jsonl: the file is too large\n$/);
    expect(r.stderr).not.toMatch(STACK_TRACE);
    expect(r.stderr).not.toMatch(/EFBIG/);
    expect(r.status).toBe(1);
    expect(files()).toEqual(before);
    const retry = spawnSync(process.execPath, [PREP, 'rename', 'acme', 'globex'], { cwd: dir, env, encoding: 'utf8' });
    expect(retry.status, retry.stderr).toBe(0);
    expect(fs.readdirSync(path.join(dir, 'logs'))).toEqual(['globex.jsonl']);
    expect(fs.readFileSync(logFile(dir, 'globex'), 'utf8').split('\n').filter(Boolean)).toHaveLength(20);
  });

  it("a torn last line's copy: no half copy beside the log, the log untouched; with room the next start repairs it", () => {
    const { dir, env } = home();
    putDeck(dir, 'plain', PLAIN_DECK);
    const log = putLog(dir, 'plain', [gradeRecord('plain', 'alpha', 3, new Date(Date.now() - 86_400_000))]);
    // A long typed answer cut off by a crash: its copy is over the limit.
    const cut = `{"v":1,"type":"grade","id":"cut","deck":"plain","card":"beta","grade":3,"typed":"${'a'.repeat(3000)}`;
    fs.appendFileSync(log, cut);
    const old = new Date(Date.now() - 60_000);
    fs.utimesSync(log, old, old);
    const bytes = fs.readFileSync(log);
    // prep review repairs the log as it opens it, before it needs a terminal.
    const r = prepLimited(['review', 'plain'], dir, env);
    expect(r.stderr).toBe(`prep: could not save the cut-off last line of ${log}: the file is too large\n`);
    expect(r.status).toBe(1);
    expect(fs.readdirSync(path.join(dir, 'logs'))).toEqual(['plain.jsonl']);
    expect(fs.readFileSync(log)).toEqual(bytes);
    const retry = spawnSync(process.execPath, [PREP, 'review', 'plain'], { cwd: dir, env, encoding: 'utf8' });
    expect(retry.stderr).toMatch(/the last line was cut off/);
    const torn = fs.readdirSync(path.join(dir, 'logs')).filter((f) => f.includes('.torn-'));
    expect(torn).toHaveLength(1);
    expect(fs.readFileSync(path.join(dir, 'logs', torn[0]!), 'utf8')).toBe(cut);
  });
});
