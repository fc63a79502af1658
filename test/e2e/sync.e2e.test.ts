import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { gradeRecord } from '../helpers/e2e-home.js';
import { FIVE, HAS_GIT, schedules, syncKilledAt, syncOk, useSyncWorld, type Machine } from '../helpers/sync-machines.js';

// Two machines A and B, each its own data folder, syncing through a bare repository with the
// system git, as the README's "Sync two machines" shows.

const world = useSyncWorld();
const day = (d: number, h: number) => new Date(Date.UTC(2026, 0, d, h));
const ok = syncOk;
const twoMachines = (opts: { xdg?: boolean } = {}) => world().twoMachines(opts);

/** A grades cards 1-2, B grades 3-4, both grade card 5 (B later, with another grade). */
function gradeApart(a: Machine, b: Machine): void {
  a.grade('q1', 3, day(5, 9));
  a.grade('q2', 1, day(5, 9));
  a.grade('q5', 4, day(5, 10));
  b.grade('q3', 3, day(6, 8));
  b.grade('q4', 2, day(6, 8));
  b.grade('q5', 1, day(6, 9));
}

async function expectSameEverywhere(a: Machine, b: Machine, reps = [1, 1, 1, 1, 2]): Promise<void> {
  const [sa, sb] = [await a.stats(), await b.stats()];
  const total = reps.reduce((x, y) => x + y);
  expect(sa.reviews.total).toBe(total);
  expect(sb.reviews.total).toBe(total);
  expect(sa.cards.map((c) => c.reps)).toEqual(reps);
  expect(schedules(sa)).toEqual(schedules(sb));
  // Card 5 was replayed in time order: A's Easy first, then B's Again (a lapse).
  expect(sa.cards[4]).toMatchObject({ lapses: 1, lastGrade: 1 });
  expect(fs.readFileSync(path.join(a.home, 'logs', 'five.jsonl'), 'utf8')).toBe(fs.readFileSync(path.join(b.home, 'logs', 'five.jsonl'), 'utf8'));
}

describe.skipIf(!HAS_GIT)('prep sync, two machines, one bare remote (real git)', { timeout: 90_000 }, () => {
  it('A, B, A: nothing is lost and both machines have the same schedule', async () => {
    const { a, b } = await twoMachines();
    gradeApart(a, b);
    expect(await ok(a)).toBe('five: 0 reviews pulled, 3 pushed\n');
    expect(await ok(b)).toBe('five: 3 reviews pulled, 3 pushed\n');
    expect(await ok(a)).toBe('five: 3 reviews pulled, 0 pushed\n');
    await expectSameEverywhere(a, b);
    // The snapshots of the merged logs were rebuilt by the sync: they cover every record.
    for (const m of [a, b]) {
      const stored = JSON.parse(fs.readFileSync(path.join(m.home, 'snapshots', 'five.json'), 'utf8')) as { snapshot: { at: { offset: number; lines: number } } };
      expect(stored.snapshot.at.lines).toBe(6);
      expect(stored.snapshot.at.offset).toBe(fs.statSync(path.join(m.home, 'logs', 'five.jsonl')).size);
    }
  });

  it('B, A, B: the same, the other way round; a record on both machines counts once', async () => {
    const { a, b } = await twoMachines();
    gradeApart(a, b);
    // One record copied to both machines (a log copied by hand before sync, say).
    const both = gradeRecord('five', 'q3', 3, day(4, 9));
    a.append(both);
    b.append(both);
    await ok(b);
    await ok(a);
    await ok(b);
    await expectSameEverywhere(a, b, [1, 1, 2, 1, 2]);
    const ids = fs.readFileSync(path.join(a.home, 'logs', 'five.jsonl'), 'utf8').match(new RegExp(both.id, 'g'));
    expect(ids).toHaveLength(1);
  });

  it('a sync killed (SIGKILL) in the middle of its merge commit recovers at the next run', async () => {
    const { a, b } = await twoMachines();
    gradeApart(a, b);
    await ok(a);
    await syncKilledAt(b, 'pre-commit');
    // What the kill left: a half-done merge. Git holds no lock while that hook runs; a kill
    // inside `git add` would also leave its index.lock behind, so put one there as it would.
    expect(fs.existsSync(path.join(b.home, '.git', 'MERGE_HEAD'))).toBe(true);
    fs.writeFileSync(path.join(b.home, '.git', 'index.lock'), '');
    // A grade saved before the sync runs again lands in the half-merged log: it must survive.
    b.grade('q1', 3, day(7, 9));
    expect(await ok(b)).toBe('five: 3 reviews pulled, 4 pushed\n');
    await ok(a);
    await expectSameEverywhere(a, b, [2, 1, 1, 1, 2]);
  });

  it('a sync killed just before its push pushes at the next run', async () => {
    const { a, b } = await twoMachines();
    gradeApart(a, b);
    await ok(a);
    await syncKilledAt(b, 'pre-push');
    // The merge is done here; the remote has only A's reviews so far.
    expect(await ok(b)).toBe('five: 0 reviews pulled, 3 pushed\n');
    await ok(a);
    await expectSameEverywhere(a, b);
  });

  // A signal (kill, Ctrl+C, a closed terminal) stops a sync where it is, says so in one line and
  // ends with the signal's usual status; the next sync takes up what it left, as after a kill.
  const stopLine = 'prep: sync stopped before it finished; nothing is lost: every review is saved here, and the next prep sync finishes the job\n';

  it('a sync stopped by SIGTERM in the middle of its merge commit says so, exits 143, and recovers at the next run', async () => {
    const { a, b } = await twoMachines();
    gradeApart(a, b);
    await ok(a);
    const stopped = await syncKilledAt(b, 'pre-commit', { signal: 'SIGTERM' });
    expect(stopped).toEqual({ code: 143, signal: null, stderr: stopLine });
    expect(fs.existsSync(path.join(b.home, '.git', 'prep-sync.lock'))).toBe(false);
    b.grade('q1', 3, day(7, 9));
    expect(await ok(b)).toBe('five: 3 reviews pulled, 4 pushed\n');
    await ok(a);
    await expectSameEverywhere(a, b, [2, 1, 1, 1, 2]);
  });

  for (const [signal, code, group] of [
    ['SIGINT', 130, true],
    ['SIGHUP', 129, false],
  ] as const) {
    it(`a sync stopped by ${signal} just before its push (${group ? 'Ctrl+C: prep, git and the hook' : 'prep alone'}) says so, exits ${code}, and pushes at the next run`, async () => {
      const { a, b } = await twoMachines();
      gradeApart(a, b);
      await ok(a);
      expect(await syncKilledAt(b, 'pre-push', { signal, group })).toEqual({ code, signal: null, stderr: stopLine });
      expect(await ok(b)).toBe('five: 0 reviews pulled, 3 pushed\n');
      await ok(a);
      await expectSameEverywhere(a, b);
    });
  }

  it('without PREP_HOME (decks and settings in the config folder, logs in the data folder), the same', async () => {
    const { a, b } = await twoMachines({ xdg: true });
    gradeApart(a, b);
    fs.writeFileSync(path.join(a.configHome, 'decks', 'five.yaml'), FIVE.replace('title: Five', 'title: Five, edited'));
    await ok(a);
    await ok(b);
    await ok(a);
    await expectSameEverywhere(a, b);
    expect(fs.readFileSync(path.join(b.configHome, 'decks', 'five.yaml'), 'utf8')).toContain('title: Five, edited');
    // A deck deleted on one machine goes on the other too.
    fs.rmSync(path.join(b.configHome, 'decks', 'five.yaml'));
    await ok(b);
    await ok(a);
    expect(fs.existsSync(path.join(a.configHome, 'decks', 'five.yaml'))).toBe(false);
  });

  it('a log with a torn last line (prep killed while saving) syncs its records; the torn bytes stay here, aside', async () => {
    const { a, b } = await twoMachines();
    a.grade('q1', 3, day(5, 9));
    const log = path.join(a.home, 'logs', 'five.jsonl');
    fs.appendFileSync(log, '{"v":1,"type":"grade","id":"cut');
    const old = new Date(Date.now() - 60_000);
    fs.utimesSync(log, old, old);
    const repaired = await a.prep('sync');
    expect(repaired.code).toBe(0);
    expect(repaired.stdout).toBe('five: 0 reviews pulled, 1 pushed\n');
    expect(repaired.stderr).toMatch(/^prep: .*five\.jsonl:2: the last line was cut off .*saved to .*five\.jsonl\.torn-/);
    expect(fs.readdirSync(path.join(a.home, 'logs')).filter((f) => f.includes('.torn-'))).toHaveLength(1);
    expect(a.git('ls-tree', '-r', '--name-only', 'origin/main', 'logs')).toBe('logs/five.jsonl\n');
    b.grade('q2', 3, day(6, 9));
    expect(await ok(b)).toBe('five: 1 review pulled, 1 pushed\n');
    await ok(a);
    expect((await a.stats()).reviews.total).toBe(2);
    expect((await b.stats()).reviews.total).toBe(2);
  });
});
