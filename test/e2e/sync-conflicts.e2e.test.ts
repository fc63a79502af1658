import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSettings } from '../../src/core/store/settings.js';
import { STACK_TRACE } from '../helpers/run-cli.js';
import { FIVE, HAS_GIT, syncOk, useSyncWorld } from '../helpers/sync-machines.js';

// What a person wrote on two machines (a deck, the settings) is never silently lost.

const world = useSyncWorld();
const at = new Date(Date.UTC(2026, 0, 5, 9));

describe.skipIf(!HAS_GIT)('prep sync when both machines changed what a person wrote', { timeout: 90_000 }, () => {
  it('a deck edited on both stops the sync with both versions side by side; the logs are merged anyway', async () => {
    const { a, b } = await world().twoMachines();
    const deckA = FIVE.replace('title: Five', 'title: Five (laptop)');
    const deckB = FIVE.replace('Answer 3.', 'Answer three, desktop.');
    fs.writeFileSync(path.join(a.home, 'decks', 'five.yaml'), deckA);
    fs.writeFileSync(path.join(b.home, 'decks', 'five.yaml'), deckB);
    a.grade('q1', 3, at);
    b.grade('q2', 3, at);
    await syncOk(a);

    const stopped = await b.prep('sync');
    const ours = path.join(b.home, 'decks', 'five.yaml');
    const theirs = path.join(b.home, 'decks', 'five.theirs.yaml');
    expect(stopped.code).toBe(1);
    expect(stopped.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stopped.stderr).toContain(ours);
    expect(stopped.stderr).toContain(theirs);
    expect(stopped.stderr).not.toMatch(STACK_TRACE);
    expect(fs.readFileSync(ours, 'utf8')).toBe(deckB);
    expect(fs.readFileSync(theirs, 'utf8')).toBe(deckA);
    expect((await b.stats()).reviews.total).toBe(2);

    // Until the person settles it, every sync says so and pushes nothing.
    const again = await b.prep('sync');
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(theirs);
    expect((await b.prep('sync', '--status')).stdout).toContain('decks/five.theirs.yaml');

    // Settled: both changes kept by hand, the copy deleted.
    const settled = deckB.replace('title: Five', 'title: Five (laptop)');
    fs.writeFileSync(ours, settled);
    fs.rmSync(theirs);
    expect(await syncOk(b)).toBe('five: 0 reviews pulled, 1 pushed\n');
    await syncOk(a);
    expect(fs.readFileSync(path.join(a.home, 'decks', 'five.yaml'), 'utf8')).toBe(settled);
    expect((await a.stats()).reviews.total).toBe(2);
  });

  for (const xdg of [false, true]) {
  it(`settings changed on both merge key by key: the later write wins, the later interview date is kept${xdg ? ' (XDG folders: the merge reaches the config folder)' : ''}`, async () => {
    const { a, b } = await world().twoMachines({ xdg });
    const sa = openSettings(a.configHome);
    const sb = openSettings(b.configHome);
    sa.set('newPerDay', 5);
    sa.setInterview('five', '2026-12-10');
    sb.set('answerMode', 'type');
    sb.setInterview('five', '2026-12-03T14:00');
    // Written last, on A: A's value wins although B syncs (and merges) second.
    await new Promise((r) => setTimeout(r, 5));
    sa.set('retention', 0.85);
    sb.set('retention', 0.95);
    await new Promise((r) => setTimeout(r, 5));
    sa.set('retention', 0.8);

    await syncOk(a);
    await syncOk(b);
    await syncOk(a);
    for (const m of [a, b]) {
      expect(openSettings(m.configHome).get()).toEqual({ retention: 0.8, newPerDay: 5, answerMode: 'type', interviews: { five: '2026-12-10' } });
    }
    expect(fs.readFileSync(path.join(a.configHome, 'settings.json'), 'utf8')).toBe(fs.readFileSync(path.join(b.configHome, 'settings.json'), 'utf8'));
  });
  }
});
