import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/commands/user-error.js';
import { importDeck } from '../../src/commands/import.js';
import { newDeck } from '../../src/commands/new.js';
import { locateDeck } from '../../src/core/deck/locate.js';
import { useTempHome } from '../helpers/temp-home.js';
import { captureIO } from '../helpers/capture-io.js';

// Names stay inside the deck folders; only what is written as a path is a path.

const home = useTempHome('prep-paths-');
const BULLETS = fileURLToPath(new URL('../fixtures/import/bullets.md', import.meta.url));
const DECK = 'title: T\nask: [Fine?]\n';

/** Every file under `dir`, relative to it. */
function tree(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(dir, f)).isFile()).sort();
}

/** A home with a decks folder, and beside it a work folder and a secret file outside both. */
function setUp() {
  const root = home().dir;
  const prepHome = path.join(root, 'home');
  const decks = path.join(prepHome, 'decks');
  const work = path.join(root, 'work');
  fs.mkdirSync(decks, { recursive: true });
  fs.mkdirSync(work);
  fs.writeFileSync(path.join(decks, 'mine.yaml'), DECK);
  fs.writeFileSync(path.join(root, 'secret.yaml'), DECK);
  fs.writeFileSync(path.join(work, 'local.yaml'), DECK);
  return { root, prepHome, decks, work, dirs: { user: decks, shipped: path.join(root, 'no-shipped') } };
}

describe('prep drill NAME resolves names only inside the deck folders', () => {
  it('finds a name in the decks folder, never a file of that name in the working folder', () => {
    const { decks, work, dirs } = setUp();
    expect(locateDeck('mine', dirs, work)).toMatchObject({ name: 'mine', path: path.join(decks, 'mine.yaml') });
    expect(locateDeck('local', dirs, work)).toEqual({ error: expect.stringContaining('no deck named "local"') });
  });

  it.each(['..', '.', '...', '..secret', '-rf', ' mine', 'mine ', 'mi\u0000ne', 'secret\u001b'])('refuses %j as a name', (arg) => {
    const { work, dirs } = setUp();
    expect(locateDeck(arg, dirs, work)).toEqual({ error: expect.stringContaining('no deck named') });
  });

  it('"../x" and "./x.yaml" are paths because they are written as paths, resolved from the working folder', () => {
    const { root, work, dirs } = setUp();
    expect(locateDeck('../secret.yaml', dirs, work)).toMatchObject({ path: path.join(root, 'secret.yaml'), shipped: false });
    expect(locateDeck('./local.yaml', dirs, work)).toMatchObject({ path: path.join(work, 'local.yaml') });
    expect(locateDeck('local.yaml', dirs, work)).toMatchObject({ path: path.join(work, 'local.yaml') });
    expect(locateDeck('../secret', dirs, work)).toEqual({ error: 'no such file: ../secret' });
  });
});

describe('new and import never write outside the target folder unless given a path', () => {
  it.each(['../evil', '../../evil', 'a/b', '..', '.hidden', 'x\\y', '/etc/evil', 'evil\u001b]0;x\u0007'])('prep new %j is refused and writes nothing', async (name) => {
    const { root, prepHome, work } = setUp();
    const before = tree(root);
    await expect(newDeck(name, captureIO(prepHome, work))).rejects.toThrow(UserError);
    expect(tree(root)).toEqual(before);
  });

  it.each(['../evil', 'a/b', '..', '/tmp/evil'])('prep import --name %j is refused and writes nothing', async (name) => {
    const { root, prepHome, work } = setUp();
    const before = tree(root);
    await expect(importDeck(BULLETS, { name }, captureIO(prepHome, work))).rejects.toThrow(UserError);
    expect(tree(root)).toEqual(before);
  });

  it('prep import of a file from anywhere writes only into the decks folder, under a safe name', async () => {
    const { root, prepHome, work } = setUp();
    const odd = path.join(root, '..weird name!.md');
    fs.copyFileSync(BULLETS, odd);
    const before = tree(root);
    expect(await importDeck(path.relative(work, odd), {}, captureIO(prepHome, work))).toBe(0);
    const added = tree(root).filter((f) => !before.includes(f));
    expect(added).toEqual([path.join('home', 'decks', 'weird-name.yaml')]);
  });

  it('prep import --out writes exactly to the path given, even outside, because it was asked to', async () => {
    const { root, prepHome, work } = setUp();
    const before = tree(root);
    expect(await importDeck(BULLETS, { out: '../elsewhere.yaml' }, captureIO(prepHome, work))).toBe(0);
    expect(tree(root).filter((f) => !before.includes(f))).toEqual(['elsewhere.yaml']);
  });
});
