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
