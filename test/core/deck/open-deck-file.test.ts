import { describe, expect, it } from 'vitest';
import { readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
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
});
