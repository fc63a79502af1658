import { describe, expect, it } from 'vitest';
import { ReviewLog } from '../../src/core/store/review-log.js';
import { gradeRecord, logFile } from '../helpers/e2e-home.js';
import { HAS_GIT, syncOk, useSyncWorld, type Machine } from '../helpers/sync-machines.js';

// One deck renamed on both machines, to two different names, before either synced: sync cannot
// know which name the user wants. Both decks stay, with every review, and the sync says so.

const world = useSyncWorld();
const day = (d: number) => new Date(Date.UTC(2026, 0, d, 9));

function gradeIn(m: Machine, deck: string, card: string, at: Date): void {
  const { log } = ReviewLog.open(logFile(m.home, deck));
  log.append(gradeRecord(deck, card, 3, at));
  log.close();
}

describe.skipIf(!HAS_GIT)('a deck renamed apart on two machines (real git)', { timeout: 90_000 }, () => {
  it('keeps both names with their reviews and says so in one line', async () => {
    const { a, b } = await world().twoMachines();
    gradeIn(a, 'five', 'q1', day(5));
    await syncOk(a);
    await syncOk(b);
    expect((await a.prep('rename', 'five', 'six')).code).toBe(0);
    expect((await b.prep('rename', 'five', 'seven')).code).toBe(0);
    gradeIn(a, 'six', 'q2', day(6));
    await syncOk(a);
    const said = await syncOk(b);
    expect(said).toMatch(/^five: renamed to seven here and to six on the other machine; both are kept, each with the 1 review made before \(prep remove the one you do not want\)$/m);
    await syncOk(a);
    for (const m of [a, b]) {
      const list = (await m.prep('list')).stdout;
      expect(list).toMatch(/^six\b/m);
      expect(list).toMatch(/^seven\b/m);
      expect(list).not.toMatch(/^five\b/m);
    }
  });
});
