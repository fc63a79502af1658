import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReviewLog, type LogRecord } from '../../src/core/store/review-log.js';
import { gradeRecord, logFile, putDeck, readLogLines } from '../helpers/e2e-home.js';
import { FIVE, HAS_GIT, syncOk, useSyncWorld, type Machine } from '../helpers/sync-machines.js';

// Two or three decks whose names go round on machine A (a swap: five -> tmp, other -> five,
// tmp -> other; or a rotation of three), while B grades them under the old names. Both names
// still exist on both machines, so only the records' ids tell where each deck went. Each deck's
// progress must stay its own: every card's records in one log, under the deck's new name.

const world = useSyncWorld();
const day = (d: number, h: number) => new Date(Date.UTC(2026, 0, d, h));

/** A deck like FIVE whose cards are `<letter>1`..`<letter>5`, titled `title`. */
const deckOf = (letter: string, title: string) => FIVE.replace('title: Five', `title: ${title}`).replace(/id: q/g, `id: ${letter}`);

function gradeIn(m: Machine, deck: string, card: string, at: Date): void {
  const { log } = ReviewLog.open(logFile(m.home, deck));
  log.append(gradeRecord(deck, card, 3, at));
  log.close();
}

const cards = (recs: LogRecord[]) => recs.map((r) => (r as { card?: string }).card).sort();
const deckText = (m: Machine, name: string) => fs.readFileSync(path.join(m.configHome, 'decks', `${name}.yaml`), 'utf8');
const interviews = (m: Machine) => (JSON.parse(fs.readFileSync(path.join(m.configHome, 'settings.json'), 'utf8')) as { interviews: unknown }).interviews;

/** Every record of `deck`'s log names it, and its cards are `want` (no record of another deck). */
function expectLog(m: Machine, deck: string, want: string[]): void {
  const recs = readLogLines(m.home, deck);
  expect(cards(recs), `${deck} on ${m.home}`).toEqual(want);
  expect(recs.every((r) => r.deck === deck)).toBe(true);
}

async function renames(m: Machine, ...pairs: [string, string][]): Promise<void> {
  for (const [from, to] of pairs) expect((await m.prep('rename', from, to)).code).toBe(0);
}

for (const xdg of [false, true]) {
  const layout = xdg ? 'XDG folders (no PREP_HOME)' : 'one PREP_HOME';
  describe.skipIf(!HAS_GIT)(`prep sync carries decks whose names went round, ${layout} (real git)`, { timeout: 120_000 }, () => {
    it('a swap on A: B’s grades, deck edit and interview date under each old name follow that deck', async () => {
      const { a, b } = await world().twoMachines({ xdg });
      putDeck(a.configHome, 'other', deckOf('r', 'Other'));
      gradeIn(a, 'five', 'q1', day(5, 9));
      gradeIn(a, 'other', 'r1', day(5, 10));
      await syncOk(a);
      await syncOk(b);

      await renames(a, ['five', 'tmp'], ['other', 'five'], ['tmp', 'other']);
      // Before any sync: --status says what the next sync carries, and writes nothing.
      const head = a.git('rev-parse', 'HEAD');
      const index = fs.statSync(path.join(a.home, '.git', 'index')).mtimeMs;
      const status = await a.prep('sync', '--status');
      expect(status.stdout).toMatch(/^five: renamed to other here; the next sync carries the rename\nother: renamed to five here; the next sync carries the rename\n/);
      expect(status.stdout).not.toMatch(/not pushed/);
      expect(a.git('rev-parse', 'HEAD')).toBe(head);
      expect(fs.statSync(path.join(a.home, '.git', 'index')).mtimeMs).toBe(index);
      expect(a.git('status', '--porcelain', '--untracked-files=no')).not.toBe('');

      gradeIn(b, 'five', 'q3', day(6, 9));
      gradeIn(b, 'other', 'r3', day(6, 10));
      fs.writeFileSync(path.join(b.configHome, 'decks', 'five.yaml'), deckOf('q', 'Five, edited on B'));
      expect((await b.prep('interview', 'five', '2027-03-01')).code).toBe(0);

      await syncOk(a);
      const said = await syncOk(b);
      expect(said).toMatch(/^five: renamed to other on the other machine; 1 review made here under the old name moved with it$/m);
      expect(said).toMatch(/^other: renamed to five on the other machine; 1 review made here under the old name moved with it$/m);
      await syncOk(a);
      for (const m of [a, b]) {
        expectLog(m, 'other', ['q1', 'q3']);
        expectLog(m, 'five', ['r1', 'r3']);
        expect(deckText(m, 'other')).toContain('title: Five, edited on B');
        expect(deckText(m, 'five')).toContain('title: Other');
        expect(interviews(m)).toEqual({ other: '2027-03-01' });
        expect(fs.readdirSync(path.join(m.configHome, 'decks')).sort()).toEqual(['five.yaml', 'other.yaml']);
        const stats = JSON.parse((await m.prep('stats', 'other', '--json')).stdout) as { reviews: { total: number } };
        expect(stats.reviews.total).toBe(2);
      }
      // Another round: nothing moves back.
      expect(await syncOk(b)).toMatch(/^five: 0 reviews pulled, 0 pushed\nother: 0 reviews pulled, 0 pushed\n$/);
      expectLog(b, 'five', ['r1', 'r3']);
    });

    it('a deck never drilled is told by its text: an edit B made to it under the old name follows it', async () => {
      const { a, b } = await world().twoMachines({ xdg });
      putDeck(a.configHome, 'other', deckOf('r', 'Other'));
      gradeIn(a, 'five', 'q1', day(5, 9));
      await syncOk(a);
      await syncOk(b);
      await renames(a, ['five', 'tmp'], ['other', 'five'], ['tmp', 'other']);
      expect((await a.prep('sync', '--status')).stdout).toMatch(/^five: renamed to other here; the next sync carries the rename\nother: renamed to five here; the next sync carries the rename\nrun prep sync/);
      await syncOk(a);
      gradeIn(b, 'five', 'q3', day(6, 9));
      fs.writeFileSync(path.join(b.configHome, 'decks', 'other.yaml'), deckOf('r', 'Other, edited on B'));
      await syncOk(b);
      await syncOk(a);
      for (const m of [a, b]) {
        expectLog(m, 'other', ['q1', 'q3']);
        expect(fs.existsSync(logFile(m.home, 'five'))).toBe(false);
        expect(deckText(m, 'other')).toContain('title: Five');
        expect(deckText(m, 'five')).toContain('title: Other, edited on B');
        expect(fs.readdirSync(path.join(m.configHome, 'decks')).sort()).toEqual(['five.yaml', 'other.yaml']);
      }
    });

    it('a rotation of three on A, B syncing first: each deck keeps its own progress', async () => {
      const { a, b } = await world().twoMachines({ xdg });
      putDeck(a.configHome, 'one', deckOf('a', 'One'));
      putDeck(a.configHome, 'two', deckOf('b', 'Two'));
      putDeck(a.configHome, 'six', deckOf('c', 'Six'));
      gradeIn(a, 'one', 'a1', day(5, 9));
      gradeIn(a, 'two', 'b1', day(5, 9));
      gradeIn(a, 'six', 'c1', day(5, 9));
      await syncOk(a);
      await syncOk(b);

      // one -> two -> six -> one
      await renames(a, ['six', 'tmp'], ['two', 'six'], ['one', 'two'], ['tmp', 'one']);
      gradeIn(a, 'two', 'a2', day(6, 8));
      gradeIn(b, 'one', 'a3', day(6, 9));
      gradeIn(b, 'two', 'b3', day(6, 9));
      gradeIn(b, 'six', 'c3', day(6, 9));
      await syncOk(b);
      await syncOk(a);
      await syncOk(b);
      for (const m of [a, b]) {
        expectLog(m, 'two', ['a1', 'a2', 'a3']);
        expectLog(m, 'six', ['b1', 'b3']);
        expectLog(m, 'one', ['c1', 'c3']);
        expect(deckText(m, 'two')).toContain('title: One');
        expect(deckText(m, 'six')).toContain('title: Two');
        expect(deckText(m, 'one')).toContain('title: Six');
      }
    });
  });
}
