import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDeckFile } from '../../../src/core/deck/open-deck-file.js';
import { useTempHome } from '../../helpers/temp-home.js';

// A cache entry is trusted only when it is exactly what prep wrote: its format line, its
// index and its texts, each with its own checksum. Anything else is a miss, and the deck is read from its file again.

const temp = useTempHome('prep-deck-cache-');
const DECK = 'title: Cached\nquestions:\n  - id: one\n    question: What is it?\n    answer: The real answer.\n';

/** A deck file opened once through the cache, and the entry that wrote. */
async function cached() {
  const dir = temp().dir;
  const file = join(dir, 'deck.yaml');
  const cacheDir = join(dir, 'cache');
  writeFileSync(file, DECK);
  await openDeckFile(file, { cacheDir, salt: 't' });
  const [name] = readdirSync(join(cacheDir, 'decks'));
  const entry = join(cacheDir, 'decks', name!);
  const open = (o: { textsOnDemand?: boolean } = {}) => openDeckFile(file, { cacheDir, salt: 't', cacheReadOnly: true, ...o });
  return { entry, open, text: readFileSync(entry, 'latin1') };
}

const sha = (body: string) => createHash('sha256').update(Buffer.from(body, 'utf8')).digest('hex');

/** A good entry's index line and texts, with its answer changed in the texts. */
function forged(text: string): { index: string; texts: string } {
  const [, index, ...rest] = text.split('\n');
  return { index: index!, texts: rest.join('\n').replace('The real answer.', 'A forged answer') };
}

/** An entry in the current format whose checksums fit what it holds (or the ones given). */
function entry(index: string, texts: string, sums: { index?: string; texts?: string } = {}): string {
  return `prep-deck-cache 3 ${sums.index ?? sha(index)} ${sums.texts ?? sha(texts)} ${Buffer.byteLength(index)}\n${index}\n${texts}`;
}

describe('the deck cache', () => {
  it('serves a good entry as it was written: an entry with right checksums is used', async () => {
    const { entry: file, open } = await cached();
    // Proof that the cache answers: a forged entry written in the right format is believed.
    const { index, texts } = forged(readFileSync(file, 'utf8'));
    writeFileSync(file, entry(index, texts));
    expect((await open()).cards[0]!.answer).toBe('A forged answer');
    expect((await open({ textsOnDemand: true })).cards[0]!.answer).toBe('A forged answer');
  });

  it('does not trust an entry of another format version, even with a right checksum', async () => {
    const { entry: file, open } = await cached();
    const { index, texts } = forged(readFileSync(file, 'utf8'));
    const body = `${index}\n${texts}`;
    writeFileSync(file, `prep-deck-cache 2 ${sha(body)}\n${body}`);
    expect((await open()).cards[0]!.answer).toBe('The real answer.');
    writeFileSync(file, entry(index, texts).replace('prep-deck-cache 3', 'prep-deck-cache 4'));
    expect((await open({ textsOnDemand: true })).cards[0]!.answer).toBe('The real answer.');
  });

  it('does not trust an entry whose format line does not end where it should', async () => {
    const { entry: file, open } = await cached();
    const { index, texts } = forged(readFileSync(file, 'utf8'));
    const good = entry(index, texts);
    const headEnd = good.indexOf('\n');
    for (const bad of [
      `${good.slice(0, headEnd)} ${good.slice(headEnd + 1)}`,
      good.slice(0, headEnd),
      `${good.slice(0, headEnd)}\n`,
      // Something before the format's name, or after the index's length, on the format line.
      `x${good}`,
      `${good.slice(0, headEnd)} x${good.slice(headEnd)}`,
      // The index's length one byte off either way.
      good.replace(` ${Buffer.byteLength(index)}\n`, ` ${Buffer.byteLength(index) - 1}\n`),
      good.replace(` ${Buffer.byteLength(index)}\n`, ` ${Buffer.byteLength(index) + 1}\n`),
    ]) {
      writeFileSync(file, bad);
      expect((await open()).cards[0]!.answer).toBe('The real answer.');
      expect((await open({ textsOnDemand: true })).cards[0]!.answer).toBe('The real answer.');
    }
  });

  it('does not trust an entry whose index is not a deck, even with a right checksum', async () => {
    const { entry: file, open } = await cached();
    for (const index of ['not json at all', '{}', '{"deck":{"title":7},"cards":[]}', '{"deck":{"title":"T"},"cards":{}}', 'null']) {
      writeFileSync(file, entry(index, ''));
      const deck = await open({ textsOnDemand: true });
      expect(deck.title).toBe('Cached');
      expect(deck.cards.map((c) => c.answer)).toEqual(['The real answer.']);
    }
  });

  it('does not trust an index that does not match its checksum, even when only the index is read', async () => {
    const { entry: file, open } = await cached();
    const { index, texts } = forged(readFileSync(file, 'utf8'));
    // The index names a forged title; its checksum is the real index's.
    writeFileSync(file, entry(index.replace('"Cached"', '"Forged"'), texts, { index: sha(index) }));
    expect((await open({ textsOnDemand: true })).title).toBe('Cached');
    expect((await open()).title).toBe('Cached');
  });

  it('never shows a tampered text after a valid index: a start reads the deck file, a list cannot show it', async () => {
    const { entry: file, open } = await cached();
    const real = readFileSync(file, 'utf8');
    const { index, texts } = forged(real);
    // The texts were edited after the entry was written: their checksum is the real texts'.
    writeFileSync(file, entry(index, texts, { texts: sha(real.split('\n').slice(2).join('\n')) }));
    // A start checks the texts as it opens the entry, finds them changed, and reads the YAML.
    const deck = await open();
    expect(deck.cards.map((c) => c.answer)).toEqual(['The real answer.']);
    // A reader that asked only for the index gets it, and an error, not the text, when it reads one.
    const listed = await open({ textsOnDemand: true });
    expect(listed.cards.map((c) => c.id)).toEqual(['one']);
    expect(() => listed.cards[0]!.answer).toThrow(/deck cache entry .* changed/);
    expect(() => listed.cards[0]!.prompt).toThrow(/changed/);
  });

  it('checks texts read on demand against the index it opened, even when the entry changed since', async () => {
    const { entry: file, open, text: real } = await cached();
    const listed = await open({ textsOnDemand: true });
    // Another entry, right in itself, took its place after the index was read.
    const { index, texts } = forged(real);
    writeFileSync(file, entry(index, texts));
    expect(() => listed.cards[0]!.answer).toThrow(/changed/);
    writeFileSync(file, real, 'latin1');
    expect(listed.cards[0]!.answer).toBe('The real answer.');
  });

  it('keeps showing the deck it opened when another run rewrites the entry meanwhile', async () => {
    const { entry: file, open } = await cached();
    const deck = await open();
    const { index, texts } = forged(readFileSync(file, 'utf8'));
    writeFileSync(file, entry(index, texts));
    expect(deck.cards[0]!.answer).toBe('The real answer.');
  });

  it('says to run the command again when the entry is gone before a text read on demand', async () => {
    const { entry: file, open } = await cached();
    const listed = await open({ textsOnDemand: true });
    rmSync(file);
    expect(() => listed.cards[0]!.answer).toThrow(/deck cache entry .* changed after it was opened; run the command again/);
  });

  it('reads the deck from its file when the entry is a folder or a FIFO, without hanging', async () => {
    const { entry, open } = await cached();
    rmSync(entry);
    mkdirSync(entry);
    expect((await open()).cards[0]!.answer).toBe('The real answer.');
    rmSync(entry, { recursive: true });
    // mkfifo is in coreutils; a FIFO opened for reading would wait forever for a writer.
    expect(spawnSync('mkfifo', [entry]).status).toBe(0);
    expect((await open()).cards[0]!.answer).toBe('The real answer.');
  });
});
