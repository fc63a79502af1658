import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReviewLog } from '../../src/core/store/review-log.js';
import { gradeRecord, logFile, putDeck } from '../helpers/e2e-home.js';
import { FIVE, HAS_GIT, syncOk, useSyncWorld, type Machine } from '../helpers/sync-machines.js';

// `prep rename` and `prep remove` on machine A, then `prep sync` on A and on B (real git, two
// data folders, one bare remote), in both layouts: one PREP_HOME, and the XDG folders where the
// decks live in the config folder and the repository holds a copy of them.

const world = useSyncWorld();
const day = (d: number, h: number) => new Date(Date.UTC(2026, 0, d, h));
const ok = syncOk;

function gradeIn(m: Machine, deck: string, card: string, at: Date): void {
  const { log } = ReviewLog.open(logFile(m.home, deck));
  log.append(gradeRecord(deck, card, 3, at));
  log.close();
}

const has = (file: string) => fs.existsSync(file);
const interviews = (m: Machine) => (JSON.parse(fs.readFileSync(path.join(m.configHome, 'settings.json'), 'utf8')) as { interviews: unknown }).interviews;
const deckFile = (m: Machine, name: string) => path.join(m.configHome, 'decks', `${name}.yaml`);

async function reviews(m: Machine, deck: string): Promise<number> {
  const r = await m.prep('stats', deck, '--json');
  expect(r.stderr).toBe('');
  return (JSON.parse(r.stdout) as { reviews: { total: number } }).reviews.total;
}

async function expectOnlySix(m: Machine, total: number): Promise<void> {
  expect(has(deckFile(m, 'six'))).toBe(true);
  expect(has(deckFile(m, 'five'))).toBe(false);
  expect(has(logFile(m.home, 'five'))).toBe(false);
  const caches = has(path.join(m.home, 'snapshots')) ? fs.readdirSync(path.join(m.home, 'snapshots')) : [];
  expect(caches.filter((f) => f.startsWith('five'))).toEqual([]);
  expect(await reviews(m, 'six')).toBe(total);
  const list = await m.prep('list');
  expect(list.stdout).not.toMatch(/\bfive\b/);
}

for (const xdg of [false, true]) {
  const layout = xdg ? 'XDG folders (no PREP_HOME)' : 'one PREP_HOME';
  describe.skipIf(!HAS_GIT)(`prep sync carries rename and remove, ${layout} (real git)`, { timeout: 90_000 }, () => {
    it('a rename on A reaches B: the new name with all progress, the old name gone', async () => {
      const { a, b } = await world().twoMachines({ xdg });
      gradeIn(a, 'five', 'q1', day(5, 9));
      gradeIn(a, 'five', 'q2', day(5, 9));
      await ok(a);
      await ok(b);
      expect(await reviews(b, 'five')).toBe(2);
      expect((await a.prep('rename', 'five', 'six')).code).toBe(0);
      await ok(a);
      await ok(b);
      await expectOnlySix(b, 2);
      await ok(a);
      await expectOnlySix(a, 2);
    });

    it("B's grades under the old name, made before it synced, follow the rename", async () => {
      const { a, b } = await world().twoMachines({ xdg });
      gradeIn(a, 'five', 'q1', day(5, 9));
      await ok(a);
      await ok(b);
      expect((await a.prep('rename', 'five', 'six')).code).toBe(0);
      gradeIn(a, 'six', 'q2', day(6, 9));
      await ok(a);
      gradeIn(b, 'five', 'q3', day(6, 10));
      gradeIn(b, 'five', 'q4', day(6, 11));
      const synced = await ok(b);
      expect(synced).toMatch(/^five: renamed to six on the other machine; 2 reviews made here under the old name moved with it$/m);
      await expectOnlySix(b, 4);
      await ok(a);
      await expectOnlySix(a, 4);
      // Another round on each: nothing comes back under the old name.
      await ok(b);
      await ok(a);
      await expectOnlySix(a, 4);
      await expectOnlySix(b, 4);
      expect(a.git('ls-tree', '-r', '--name-only', 'origin/main')).not.toMatch(/five/);
    });

    it('B grades under the old name and syncs first; A renames and syncs: the grades follow the rename', async () => {
      const { a, b } = await world().twoMachines({ xdg });
      gradeIn(a, 'five', 'q1', day(5, 9));
      await ok(a);
      await ok(b);
      gradeIn(b, 'five', 'q2', day(6, 9));
      await ok(b);
      expect((await a.prep('rename', 'five', 'six')).code).toBe(0);
      expect(await ok(a)).toBe('six: 1 review pulled, 0 pushed\nfive: renamed to six here; 1 review the other machine made under the old name moved with it\n');
      await expectOnlySix(a, 2);
      expect(await ok(b)).toBe('six: 0 reviews pulled, 0 pushed\nfive: renamed to six on the other machine\n');
      await expectOnlySix(b, 2);
    });

    it('a deck edited on B under the old name keeps the edit under the new name', async () => {
      const { a, b } = await world().twoMachines({ xdg });
      expect((await a.prep('rename', 'five', 'six')).code).toBe(0);
      await ok(a);
      fs.writeFileSync(deckFile(b, 'five'), fs.readFileSync(deckFile(b, 'five'), 'utf8').replace('title: Five', 'title: Five, edited on B'));
      gradeIn(b, 'five', 'q1', day(6, 10));
      await ok(b);
      await expectOnlySix(b, 1);
      expect(fs.readFileSync(deckFile(b, 'six'), 'utf8')).toContain('title: Five, edited on B');
      await ok(a);
      await expectOnlySix(a, 1);
      expect(fs.readFileSync(deckFile(a, 'six'), 'utf8')).toContain('title: Five, edited on B');
    });

    it('an interview date B set under the old name follows a rename A made, whichever machine syncs first', async () => {
      const { a, b } = await world().twoMachines({ xdg });
      // A renames and syncs first; B set a date under the old name meanwhile.
      expect((await a.prep('rename', 'five', 'six')).code).toBe(0);
      await ok(a);
      expect((await b.prep('interview', 'five', '2027-03-01')).code).toBe(0);
      await ok(b);
      expect(interviews(b)).toEqual({ six: '2027-03-01' });
      expect((await b.prep('interview', 'six')).stdout).toMatch(/1 Mar 2027/);
      await ok(a);
      expect(interviews(a)).toEqual({ six: '2027-03-01' });

      // B syncs first this time: A renamed six to seven meanwhile, and B dated six again.
      expect((await a.prep('rename', 'six', 'seven')).code).toBe(0);
      expect((await b.prep('interview', 'six', '2027-04-02')).code).toBe(0);
      await ok(b);
      await ok(a);
      expect(interviews(a)).toEqual({ seven: '2027-04-02' });
      await ok(b);
      expect(interviews(b)).toEqual({ seven: '2027-04-02' });
    });

    it('--status on A says a rename or a remove made here is carried by the next sync, and writes nothing', async () => {
      const { a, b } = await world().twoMachines({ xdg });
      putDeck(a.configHome, 'ten', FIVE.replace('title: Five', 'title: Ten'));
      gradeIn(a, 'five', 'q1', day(5, 9));
      gradeIn(a, 'five', 'q2', day(5, 9));
      await ok(a);
      await ok(b);
      expect((await a.prep('rename', 'five', 'six')).code).toBe(0);
      // Never drilled: only the deck file tells where it went.
      expect((await a.prep('rename', 'ten', 'eleven')).code).toBe(0);
      const head = a.git('rev-parse', 'HEAD');
      const index = fs.statSync(path.join(a.home, '.git', 'index')).mtimeMs;
      const status = await a.prep('sync', '--status');
      expect(status.stderr).toBe('');
      // The reviews of six went up under five, and its deck is five's: nothing else to say of it.
      expect(status.stdout).toMatch(
        /^five: renamed to six here; the next sync carries the rename\nten: renamed to eleven here; the next sync carries the rename\nrun prep sync to send and fetch/,
      );
      expect(a.git('rev-parse', 'HEAD')).toBe(head);
      expect(fs.statSync(path.join(a.home, '.git', 'index')).mtimeMs).toBe(index);

      expect((await a.prep('remove', 'six')).code).toBe(0);
      expect((await a.prep('sync', '--status')).stdout).toMatch(/^five: removed here; the next sync carries the removal\nten: renamed to eleven/);
      await ok(a);
      expect((await a.prep('sync', '--status')).stdout).toMatch(/^everything is synced/);
      // B has not fetched yet: nothing of A's moves shows there, and nothing is said to be removed on B.
      expect((await b.prep('sync', '--status')).stdout).toMatch(/^everything is synced/);
    });

    it("a remove on A reaches B; B's copy, with the grades it made meanwhile, is kept in B's removed folder", async () => {
      const { a, b } = await world().twoMachines({ xdg });
      gradeIn(a, 'five', 'q1', day(5, 9));
      await ok(a);
      await ok(b);
      expect((await a.prep('remove', 'five')).code).toBe(0);
      await ok(a);
      gradeIn(b, 'five', 'q3', day(6, 10));
      const synced = await ok(b);
      expect(synced).toMatch(/^five: removed on the other machine; this machine's copy \(deck and 2 reviews\) is in .*removed\/five-/m);
      for (const m of [a, b]) {
        expect(has(deckFile(m, 'five'))).toBe(false);
        expect(has(logFile(m.home, 'five'))).toBe(false);
      }
      const kept = fs.readdirSync(path.join(b.home, 'removed'));
      expect(kept).toHaveLength(1);
      const log = fs.readFileSync(path.join(b.home, 'removed', kept[0]!, 'five.jsonl'), 'utf8');
      expect(log.match(/"type":"grade"/g)).toHaveLength(2);
      expect(has(path.join(b.home, 'removed', kept[0]!, 'five.yaml'))).toBe(true);
      // Nothing comes back on either machine, and removed/ stays on each machine.
      await ok(a);
      await ok(b);
      for (const m of [a, b]) {
        expect(has(deckFile(m, 'five'))).toBe(false);
        expect(has(logFile(m.home, 'five'))).toBe(false);
        expect((await m.prep('list')).stdout).not.toMatch(/\bfive\b/);
      }
      expect(a.git('ls-tree', '-r', '--name-only', 'origin/main')).not.toMatch(/five|removed/);
    });
  });
}
