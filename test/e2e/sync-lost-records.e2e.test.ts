import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReviewLog } from '../../src/core/store/review-log.js';
import { gradeRecord, logFile, readLogLines } from '../helpers/e2e-home.js';
import { HAS_GIT, syncOk, useSyncWorld } from '../helpers/sync-machines.js';

// A log cut, emptied or deleted by something other than prep on one machine: the records it
// held at the last sync must not vanish from both machines at the next sync (git alone takes a
// change made on one side only, a deletion included, without any merge).

const world = useSyncWorld();
const day = (d: number, h: number) => new Date(Date.UTC(2026, 0, d, h));

for (const xdg of [false, true]) {
  const layout = xdg ? 'XDG folders (no PREP_HOME)' : 'one PREP_HOME';
  describe.skipIf(!HAS_GIT)(`prep sync keeps records a log lost here, ${layout} (real git)`, { timeout: 90_000 }, () => {
    it('a log emptied on B: its synced records come back on B and stay on A', async () => {
      const { a, b } = await world().twoMachines({ xdg });
      a.grade('q1', 3, day(5, 9));
      a.grade('q2', 3, day(5, 10));
      await syncOk(a);
      await syncOk(b);
      fs.writeFileSync(logFile(b.home, 'five'), '');
      b.grade('q3', 3, day(6, 9));
      const r = await b.prep('sync');
      expect(r.code).toBe(0);
      expect(r.stderr).toMatch(/five\.jsonl: 2 records saved at the last sync had gone from this log .*put back/);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      await syncOk(a);
      expect((await a.stats()).reviews.total).toBe(3);
      expect((await b.stats()).reviews.total).toBe(3);
    });

    it('a log deleted on B while its deck stays: the records come back', async () => {
      const { a, b } = await world().twoMachines({ xdg });
      a.grade('q1', 3, day(5, 9));
      await syncOk(a);
      await syncOk(b);
      fs.rmSync(logFile(b.home, 'five'));
      expect((await b.prep('sync')).code).toBe(0);
      await syncOk(a);
      expect((await a.stats()).reviews.total).toBe(1);
      expect((await b.stats()).reviews.total).toBe(1);
    });

    it("a shipped deck's log deleted on B is put back, not taken for a removal that empties A too", async () => {
      const { a, b } = await world().twoMachines({ xdg });
      const { log } = ReviewLog.open(logFile(a.home, 'coder'));
      log.append(gradeRecord('coder', 'sandbox-design', 3, day(5, 9)));
      log.close();
      await syncOk(a);
      await syncOk(b);
      fs.rmSync(logFile(b.home, 'coder'));
      const r = await b.prep('sync');
      expect(r.code).toBe(0);
      expect(r.stdout).not.toMatch(/removed/);
      await syncOk(a);
      for (const m of [a, b]) {
        expect(fs.existsSync(path.join(m.home, 'removed'))).toBe(false);
        expect(readLogLines(m.home, 'coder')).toHaveLength(1);
      }
    });
  });
}
