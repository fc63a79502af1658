import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDeckName, deckNameOf } from '../../../src/core/deck/deck-name.js';
import { isPathArg, listDecks, locateDeck } from '../../../src/core/deck/locate.js';
import { progressKey, progressKeyFor } from '../../../src/core/deck/progress-key.js';
import { useTempHome } from '../../helpers/temp-home.js';

// How `prep drill <arg>`, `prep lint` and `prep list` find decks, and what progress is kept under.

const home = useTempHome('prep-locate-');
const DECK = 'title: T\nask: [Fine?]\n';

/** A user decks folder and a shipped one, with the files given in each. */
function folders(user: string[], shipped: string[]) {
  const root = fs.mkdtempSync(path.join(home().dir, 'f-'));
  const dirs = { user: path.join(root, 'decks'), shipped: path.join(root, 'shipped') };
  fs.mkdirSync(dirs.user);
  fs.mkdirSync(dirs.shipped);
  for (const f of user) fs.writeFileSync(path.join(dirs.user, f), DECK);
  for (const f of shipped) fs.writeFileSync(path.join(dirs.shipped, f), DECK);
  return { root, dirs };
}

describe('listDecks', () => {
  it("lists the user's decks by name, then the shipped ones a user deck does not hide; only .yaml and .yml files", () => {
    const { dirs } = folders(['zeta.yaml', 'acme.yml', 'notes.txt', 'coder.yaml', 'README'], ['coder.yaml', 'basics.yaml']);
    expect(listDecks(dirs)).toEqual([
      { name: 'acme', path: path.join(dirs.user, 'acme.yml'), shipped: false, key: 'acme' },
      { name: 'coder', path: path.join(dirs.user, 'coder.yaml'), shipped: false, key: 'coder' },
      { name: 'zeta', path: path.join(dirs.user, 'zeta.yaml'), shipped: false, key: 'zeta' },
      { name: 'basics', path: path.join(dirs.shipped, 'basics.yaml'), shipped: true, key: 'basics' },
    ]);
  });

  it('a missing decks folder is no decks, not an error', () => {
    const root = home().dir;
    expect(listDecks({ user: path.join(root, 'none'), shipped: path.join(root, 'nothing') })).toEqual([]);
  });

  it('a file name with a terminal control character is listed as visible symbols', () => {
    const { dirs } = folders(['bad\u001b[2Jname.yaml'], []);
    const [deck] = listDecks(dirs);
    expect(deck?.name).toBe('bad␛[2Jname');
    expect(deck?.name).not.toContain('\u001b');
  });
});

describe('locateDeck', () => {
  it('finds a user deck before a shipped deck of the same name, and a shipped deck by its name', () => {
    const { dirs } = folders(['coder.yaml'], ['coder.yaml', 'basics.yaml']);
    expect(locateDeck('coder', dirs)).toEqual({ name: 'coder', path: path.join(dirs.user, 'coder.yaml'), shipped: false, key: 'coder' });
    expect(locateDeck('basics', dirs)).toEqual({ name: 'basics', path: path.join(dirs.shipped, 'basics.yaml'), shipped: true, key: 'basics' });
  });

  it('a typo gets the deck it was meant to be, then the whole list with the shipped ones marked', () => {
    const { dirs } = folders(['acme.yaml'], ['coder.yaml']);
    expect(locateDeck('codr', dirs)).toEqual({ error: 'no deck named "codr". Did you mean "coder"? Available: acme, coder (shipped)' });
  });

  it('a name close to nothing gets the list and how to give a file instead; with no decks, says none', () => {
    const { dirs } = folders(['acme.yaml'], ['coder.yaml']);
    const hint = 'A file can be given as a path: prep drill ./my-deck.yaml';
    expect(locateDeck('kubernetes', dirs)).toEqual({ error: `no deck named "kubernetes". Available: acme, coder (shipped). ${hint}` });
    const empty = folders([], []);
    expect(locateDeck('kubernetes', empty.dirs)).toEqual({ error: `no deck named "kubernetes". Available: none. ${hint}` });
  });

  it('a name that is no deck name is never looked up, even when a file of that name is listed', () => {
    const { dirs } = folders(['-rf.yaml'], []);
    expect(listDecks(dirs).map((d) => d.name)).toEqual(['-rf']);
    expect(locateDeck('-rf', dirs)).toEqual({ error: expect.stringMatching(/^no deck named "-rf"/) });
  });

  it('a path to a folder is not a file; a path to nothing is no such file', () => {
    const { root, dirs } = folders([], []);
    expect(locateDeck('./decks', dirs, root)).toEqual({ error: './decks is not a file' });
    expect(locateDeck('decks/', dirs, root)).toEqual({ error: 'decks/ is not a file' });
    expect(locateDeck('./gone.yml', dirs, root)).toEqual({ error: 'no such file: ./gone.yml' });
  });

  it('a path into the decks folder keeps the deck name as its progress key; a path elsewhere gets its own key', () => {
    const { root, dirs } = folders(['acme.yaml'], []);
    fs.writeFileSync(path.join(root, 'acme.yaml'), DECK);
    const inside = locateDeck('decks/acme.yaml', dirs, root);
    expect(inside).toEqual({ name: 'acme', path: path.join(dirs.user, 'acme.yaml'), shipped: false, key: 'acme' });
    const outside = locateDeck('acme.yaml', dirs, root);
    expect(outside).toMatchObject({ name: 'acme', path: path.join(root, 'acme.yaml'), shipped: false });
    expect('key' in outside && outside.key).toMatch(/^acme\.[0-9a-f]{8}$/);
  });
});

describe('isPathArg', () => {
  it('a slash, a backslash or a YAML extension makes an argument a path; a bare name is a deck name', () => {
    expect(['./a', 'a/b', 'a\\b', 'a.yaml', 'a.yml'].map(isPathArg)).toEqual([true, true, true, true, true]);
    expect(['acme', 'acme-backend', 'a.txt', 'yaml'].map(isPathArg)).toEqual([false, false, false, false]);
  });
});

describe('progressKeyFor', () => {
  it('a deck in one of the folders keeps its name, also when a folder is reached through a link', () => {
    const { root, dirs } = folders(['acme.yaml'], []);
    const link = path.join(root, 'link');
    fs.symlinkSync(dirs.user, link);
    expect(progressKeyFor('acme', path.join(dirs.user, 'acme.yaml'), [dirs.user])).toBe('acme');
    expect(progressKeyFor('acme', path.join(link, 'acme.yaml'), ['', dirs.user])).toBe('acme');
    expect(progressKeyFor('acme', path.join(dirs.user, 'acme.yaml'), [link])).toBe('acme');
  });

  it('a deck outside the folders gets its name and a hash of its real path, so two such decks never share progress', () => {
    const { root, dirs } = folders(['acme.yaml'], []);
    fs.mkdirSync(path.join(root, 'o'));
    fs.writeFileSync(path.join(root, 'o', 'acme.yaml'), DECK);
    const a = progressKeyFor('acme', path.join(root, 'o', 'acme.yaml'), [dirs.user]);
    const b = progressKeyFor('acme', path.join(root, 'acme.yaml'), [dirs.user]);
    expect(a).toMatch(/^acme\.[0-9a-f]{8}$/);
    expect(b).toMatch(/^acme\.[0-9a-f]{8}$/);
    expect(a).not.toBe(b);
    // The same file reached through a link is the same deck.
    fs.symlinkSync(path.join(root, 'o'), path.join(root, 'p'));
    expect(progressKeyFor('acme', path.join(root, 'p', 'acme.yaml'), [dirs.user])).toBe(a);
    // An empty folder name matches nothing (not the working folder).
    expect(progressKeyFor('acme', path.join(root, 'o', 'acme.yaml'), [''])).toBe(a);
  });

  it('a name that cannot be a file name is cut to 60 characters and made safe, with the hash after it', () => {
    const { dirs } = folders([], []);
    const long = 'x'.repeat(101);
    expect(progressKeyFor('x'.repeat(100), path.join(dirs.user, 'x.yaml'), [dirs.user])).toBe('x'.repeat(100));
    expect(progressKeyFor(long, path.join(dirs.user, `${long}.yaml`), [dirs.user])).toMatch(new RegExp(`^x{60}\\.[0-9a-f]{8}$`));
    expect(progressKeyFor('my deck.v2', path.join(dirs.user, 'my deck.v2.yaml'), [dirs.user])).toMatch(/^my_deck_v2\.[0-9a-f]{8}$/);
  });

  it("a loaded deck's progress is stored under its key when it has one, else its name", () => {
    expect(progressKey({ name: 'acme' })).toBe('acme');
    expect(progressKey({ name: 'acme', key: 'acme.1234abcd' })).toBe('acme.1234abcd');
  });
});

describe('deck names', () => {
  it('a deck is named after its file, without .yaml or .yml in any case', () => {
    expect(['/d/acme.yaml', '/d/acme.yml', '/d/acme.YAML', 'acme', '/d/acme.yaml.bak'].map(deckNameOf)).toEqual([
      'acme',
      'acme',
      'acme',
      'acme',
      'acme.yaml.bak',
    ]);
  });

  it('takes a name with or without its extension and around spaces', () => {
    expect(checkDeckName('acme-backend')).toEqual({ name: 'acme-backend' });
    expect(checkDeckName(' acme.yaml ')).toEqual({ name: 'acme' });
    expect(checkDeckName('Acme_2.YML')).toEqual({ name: 'Acme_2' });
    expect(checkDeckName('a'.repeat(100))).toEqual({ name: 'a'.repeat(100) });
  });

  it('refuses slashes, dots, spaces, a leading dash, an empty name and one over 100 characters, saying what a name may hold', () => {
    const why = (arg: string) =>
      `"${arg}" cannot be a deck name: use up to 100 letters, digits, "-" and "_" (no slashes, dots or spaces), e.g. acme-backend`;
    for (const arg of ['../x', 'a/b.yaml', 'a.b', 'my deck', '-x', '', '.yaml', 'a'.repeat(101)]) {
      expect(checkDeckName(arg)).toEqual({ error: why(arg) });
    }
  });
});
