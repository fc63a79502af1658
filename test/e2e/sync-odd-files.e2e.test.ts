import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PREP, STACK_TRACE } from '../helpers/run-cli.js';
import { HAS_GIT, useSyncWorld, type Machine } from '../helpers/sync-machines.js';

// A FIFO where settings.json should be: prep's settings store refuses it, and sync, which reads
// the file itself (to compare it with the remote, and to copy it into the repository when the
// config folder is apart from it), must not wait on it either.

const world = useSyncWorld();
const HAS_MKFIFO = spawnSync('mkfifo', ['--version']).status === 0;

/** Runs prep to its end, or kills it after 20 s: a hang is a failure, not a stuck test run. */
function run(m: Machine, ...args: string[]): Promise<{ code: number | null; stderr: string; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [PREP, ...args], { env: m.env, cwd: m.home });
    let [stdout, stderr] = ['', ''];
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

for (const xdg of [false, true]) {
  const layout = xdg ? 'XDG folders (no PREP_HOME)' : 'one PREP_HOME';
  describe.skipIf(!HAS_GIT || !HAS_MKFIFO)(`prep sync with settings.json a FIFO, ${layout} (real git)`, { timeout: 90_000 }, () => {
    it('sync --status and sync end, and the grades still go out', async () => {
      const { a, b } = await world().twoMachines({ xdg });
      a.grade('q1', 3, new Date(Date.UTC(2026, 0, 5, 9)));
      const settings = path.join(a.configHome, 'settings.json');
      fs.rmSync(settings, { force: true });
      spawnSync('mkfifo', [settings]);
      const status = await run(a, 'sync', '--status');
      expect(status.code).toBe(0);
      expect(status.stdout).toContain('five: 1 review not pushed yet');
      const synced = await run(a, 'sync');
      expect(synced.stderr).not.toMatch(STACK_TRACE);
      expect(synced.code).toBe(0);
      expect(fs.statSync(settings).isFIFO()).toBe(true);
      expect((await run(b, 'sync')).code).toBe(0);
      expect((await b.stats()).reviews.total).toBe(1);
    });
  });
}

// A log, or the logs or decks folder, that is not what it should be. Read, a FIFO would hang the
// sync; skipped, git would take it for deleted logs or decks and carry that to the other machine.
describe.skipIf(!HAS_GIT || !HAS_MKFIFO)('prep sync with a log or a folder that is something else (real git)', { timeout: 120_000 }, () => {
  it('stops in one line, commits and sends nothing, and syncs once the thing is moved away', async () => {
    const { a, b } = await world().twoMachines();
    a.grade('q1', 3, new Date(Date.UTC(2026, 0, 5, 9)));
    expect((await run(a, 'sync')).code).toBe(0);
    const [logs, decks] = [path.join(a.home, 'logs'), path.join(a.home, 'decks')];
    const log = path.join(logs, 'five.jsonl');
    const head = a.git('rev-parse', 'HEAD');
    const deck = path.join(decks, 'five.yaml');
    // What is put in the place of `moved` (kept aside meanwhile), and what the sync then says.
    const cases: Array<[string, string, string, () => void]> = [
      ['the log a FIFO', log, `${log}: it is not a regular file`, () => spawnSync('mkfifo', [log])],
      ['the log a folder', log, `${log}: it is a folder, not a file`, () => fs.mkdirSync(log)],
      ['the logs folder a FIFO', logs, `${logs} is a file, not a folder`, () => spawnSync('mkfifo', [logs])],
      ['the logs folder a file', logs, `${logs} is a file, not a folder`, () => fs.writeFileSync(logs, 'x')],
      ['the decks folder a file', decks, `${decks} is a file, not a folder`, () => fs.writeFileSync(decks, 'x')],
      ['the deck a FIFO', deck, `${deck} is not a regular file`, () => spawnSync('mkfifo', [deck])],
    ];
    for (const [what, moved, says, make] of cases) {
      fs.renameSync(moved, `${moved}.kept`);
      make();
      const r = await run(a, 'sync');
      expect(r.stderr, what).not.toMatch(STACK_TRACE);
      expect(r.stderr, what).toMatch(/^prep: sync stopped, nothing committed or sent: .*move it out of the way, then run prep sync again\n$/);
      expect(r.stderr, what).toContain(says);
      expect(r.code, what).toBe(1);
      expect(a.git('rev-parse', 'HEAD'), what).toBe(head);
      if (what === 'the log a FIFO') {
        const status = await run(a, 'sync', '--status');
        expect(status.code).toBe(1);
        expect(status.stderr).toBe(`prep: cannot read ${log}: it is not a regular file; prep sync stops until it is moved out of the logs folder\n`);
        expect(status.stdout).not.toContain('fetched, not merged');
      }
      fs.rmSync(moved, { recursive: true });
      fs.renameSync(`${moved}.kept`, moved);
    }
    a.grade('q2', 3, new Date(Date.UTC(2026, 0, 6, 9)));
    const synced = await run(a, 'sync');
    expect(synced.stdout).toBe('five: 0 reviews pulled, 1 pushed\n');
    expect((await run(b, 'sync')).code).toBe(0);
    expect((await b.stats()).reviews.total).toBe(2);
  });
});
