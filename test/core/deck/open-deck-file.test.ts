import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadDeckFile } from '../../../src/core/deck/load-deck.js';
import { openDeckFile } from '../../../src/core/deck/open-deck-file.js';
import { DeckError } from '../../../src/core/deck/types.js';
import { useTempHome } from '../../helpers/temp-home.js';

const deck = (q: string) => `title: Cached\nquestions:\n  - id: one\n    question: ${q}\n    answer: An answer.\n`;

describe('openDeckFile (cached)', () => {
  const temp = useTempHome('prep-cache-');

  it('serves the cached deck until the file changes, then re-reads it', async () => {
    const dir = temp().dir;
    const file = join(dir, 'cached.yaml');
    const cacheDir = join(dir, 'cache');
    writeFileSync(file, deck('First wording?'));
    const a = await openDeckFile(file, { cacheDir, salt: 't' });
    expect(a.cards[0]!.prompt).toBe('First wording?');
    expect(readdirSync(join(cacheDir, 'decks'))).toHaveLength(1);
    expect((await openDeckFile(file, { cacheDir, salt: 't' })).cards[0]!.prompt).toBe('First wording?');

    // Same size, new text: the change time differs, so the cache must not answer.
    writeFileSync(file, deck('Other wording?'));
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    expect((await openDeckFile(file, { cacheDir, salt: 't' })).cards[0]!.prompt).toBe('Other wording?');
  });

  it('never caches a deck with errors, and a new salt (prep version) ignores old entries', async () => {
    const dir = temp().dir;
    const file = join(dir, 'bad.yaml');
    const cacheDir = join(dir, 'cache');
    writeFileSync(file, 'title: Bad\nquestions:\n  - question: No answer?\n');
    await expect(openDeckFile(file, { cacheDir, salt: 't' })).rejects.toBeInstanceOf(DeckError);
    await expect(openDeckFile(file, { cacheDir, salt: 't' })).rejects.toBeInstanceOf(DeckError);
    const good = join(dir, 'good.yaml');
    writeFileSync(good, deck('Q?'));
    await openDeckFile(good, { cacheDir, salt: 'v1' });
    await openDeckFile(good, { cacheDir, salt: 'v2' });
    expect(readdirSync(join(cacheDir, 'decks'))).toHaveLength(2);
  });

  const full = [
    'title: Full',
    'company: Acme',
    'aliases: { k8s: kubernetes }',
    'pitch:',
    '  prompt: Tell me about yourself.',
    '  script: I build tools.',
    '  points: [tools, teams]',
    '  seconds: 45',
    'questions:',
    '  - id: one',
    '    question: Why "quotes" and ünïcödé?',
    '    answer: Because.',
    '    points: [first, { text: second, match: [2nd] }]',
    '    tags: [a]',
    '  - question: Second?',
    '    answer: Two.',
    'ask:',
    '  - question: What does a week look like?',
    '    why: pace',
    '',
  ].join('\n');

  it('a cached deck has every field of the parsed one, texts included', async () => {
    const dir = temp().dir;
    const file = join(dir, 'full.yaml');
    const cacheDir = join(dir, 'cache');
    writeFileSync(file, full);
    const parsed = loadDeckFile(file);
    await openDeckFile(file, { cacheDir, salt: 't' });
    const cached = await openDeckFile(file, { cacheDir, salt: 't' });
    expect(JSON.parse(JSON.stringify(cached))).toEqual(JSON.parse(JSON.stringify(parsed)));
    expect(cached.cards.map((c) => c.prompt)).toEqual(parsed.cards.map((c) => c.prompt));
    expect(cached.cards[1]!.matches).toEqual([[], ['2nd']]);
    // Each field as the screens read it (a property, not the JSON), from a full read and from one that reads texts on demand.
    const listed = await openDeckFile(file, { cacheDir, salt: 't', cacheReadOnly: true, textsOnDemand: true });
    const fields = ['id', 'kind', 'prompt', 'answer', 'points', 'matches', 'tags', 'seconds', 'why', 'cue', 'ask', 'line'] as const;
    for (const deck of [cached, listed]) {
      for (const k of fields) expect(deck.cards.map((c) => c[k]), k).toEqual(parsed.cards.map((c) => c[k]));
    }
  });

  it('an entry edited or cut by hand is not trusted: the deck is read from its file again', async () => {
    const dir = temp().dir;
    const file = join(dir, 'full.yaml');
    const cacheDir = join(dir, 'cache');
    writeFileSync(file, full);
    await openDeckFile(file, { cacheDir, salt: 't' });
    const entry = join(cacheDir, 'decks', readdirSync(join(cacheDir, 'decks'))[0]!);
    const good = readFileSync(entry, 'utf8');
    expect(good).toContain('Because.');

    writeFileSync(entry, good.replace('Because.', 'Hacked!!'));
    const edited = await openDeckFile(file, { cacheDir, salt: 't', cacheReadOnly: true });
    expect(edited.cards[1]!.answer).toBe('Because.');

    writeFileSync(entry, good.slice(0, Math.floor(good.length / 2)));
    const cut = await openDeckFile(file, { cacheDir, salt: 't', cacheReadOnly: true });
    expect(cut.cards.map((c) => c.answer)).toEqual(loadDeckFile(file).cards.map((c) => c.answer));
    // Read-only: the bad entry stays as it was; a command that saves work rewrites it.
    expect(readFileSync(entry, 'utf8')).not.toBe(good);
    await openDeckFile(file, { cacheDir, salt: 't' });
    expect(readFileSync(entry, 'utf8')).toBe(good);
  });
});

describe('openDeckFile without a usable cache', () => {
  const temp = useTempHome('prep-cache-none-');

  it('a read-only open (list, stats --json) writes no cache entry', async () => {
    const dir = temp().dir;
    const file = join(dir, 'deck.yaml');
    writeFileSync(file, deck('Read only?'));
    const cacheDir = join(dir, 'cache');
    expect((await openDeckFile(file, { cacheDir, salt: 't', cacheReadOnly: true })).cards[0]!.prompt).toBe('Read only?');
    expect(existsSync(cacheDir)).toBe(false);
  });

  it('with no cache folder given, the deck is read from its file each time and nothing is written', async () => {
    const dir = temp().dir;
    const file = join(dir, 'deck.yaml');
    writeFileSync(file, deck('First?'));
    expect((await openDeckFile(file, { salt: 't' })).cards[0]!.prompt).toBe('First?');
    writeFileSync(file, deck('Second?'));
    expect((await openDeckFile(file, { salt: 't' })).cards[0]!.prompt).toBe('Second?');
    expect(readdirSync(dir)).toEqual(['deck.yaml']);
  });

  it('a cache folder that cannot be made costs only the cache: the deck loads, every time', async () => {
    const dir = temp().dir;
    const file = join(dir, 'deck.yaml');
    writeFileSync(file, deck('Still here?'));
    const cacheDir = join(dir, 'cache');
    writeFileSync(cacheDir, 'a file where the cache folder should be');
    for (let i = 0; i < 2; i++) expect((await openDeckFile(file, { cacheDir, salt: 't' })).cards[0]!.prompt).toBe('Still here?');
    expect(readFileSync(cacheDir, 'utf8')).toBe('a file where the cache folder should be');
  });

  it('a deck that cannot be read is reported as the user named it, cache or not', async () => {
    const dir = temp().dir;
    const cacheDir = join(dir, 'cache');
    await expect(openDeckFile(join(dir, 'gone.yaml'), { cacheDir, salt: 't', displayPath: 'gone.yaml' })).rejects.toThrow('gone.yaml:1:1 cannot read the file: there is no such file');
    await expect(openDeckFile(dir, { cacheDir, salt: 't', displayPath: 'folder.yaml' })).rejects.toThrow('folder.yaml:1:1 cannot read the file: it is a folder, not a file');
    expect(existsSync(cacheDir)).toBe(false);
  });

  it('the deck is named after its file and keeps its absolute path, from the cache too', async () => {
    const dir = temp().dir;
    writeFileSync(join(dir, 'acme.yml'), deck('Named?'));
    const opts = { cacheDir: join(dir, 'cache'), salt: 't' };
    const first = await openDeckFile(join(dir, 'acme.yml'), opts);
    const again = await openDeckFile(join(dir, 'acme.yml'), opts);
    for (const d of [first, again]) expect({ name: d.name, path: d.path }).toEqual({ name: 'acme', path: join(dir, 'acme.yml') });
  });

  // A long session (the home screen, sync) opens decks again and again; a leaked descriptor
  // per open would end in "too many files are open". Linux shows the open ones in /proc.
  it.runIf(existsSync('/proc/self/fd'))('opening decks again and again leaves no file open: hits, misses, folders and FIFOs alike', async () => {
    const dir = temp().dir;
    const file = join(dir, 'deck.yaml');
    writeFileSync(file, deck('Open?'));
    const opts = { cacheDir: join(dir, 'cache'), salt: 't' };
    await openDeckFile(file, opts);
    const open = () => readdirSync('/proc/self/fd').length;
    const before = open();
    for (let i = 0; i < 50; i++) {
      await openDeckFile(file, opts);
      await expect(openDeckFile(dir, opts)).rejects.toThrow('it is a folder, not a file');
      expect(() => loadDeckFile(file)).not.toThrow();
    }
    expect(open() - before).toBeLessThan(10);
  });
});
