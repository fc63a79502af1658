import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CacheTextError } from '../../../src/core/deck/deck-cache.js';
import { loadDeckFile } from '../../../src/core/deck/load-deck.js';
import { openDeckFile } from '../../../src/core/deck/open-deck-file.js';
import { useTempHome } from '../../helpers/temp-home.js';

// A cache entry is trusted only when it is exactly what prep wrote: its format line, its
// index and its texts, each with its own checksum. Anything else is a miss, and the deck is read from its file again.

const temp = useTempHome('prep-deck-cache-');
// The benchmark's generator, plain JavaScript: about 1 KB of text a card.
const { writeDeck } = (await import(new URL('../../../bench/generate.mjs', import.meta.url).href)) as { writeDeck: (home: string, name: string, cards: number) => void };
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

const sha = (body: string | Buffer) => createHash('sha256').update(typeof body === 'string' ? Buffer.from(body, 'utf8') : body).digest('hex');
const CHUNK = 16 * 1024;

/** The check of texts an index carries: their length and a SHA-256 per 16 KB chunk. */
function checkOf(texts: string): { bytes: number; chunks: string[] } {
  const bytes = Buffer.from(texts, 'utf8');
  const chunks: string[] = [];
  for (let at = 0; at < bytes.length; at += CHUNK) chunks.push(sha(bytes.subarray(at, at + CHUNK)));
  return { bytes: bytes.length, chunks };
}

/** A good entry's index (without its texts' check) and texts, with its answer changed in the texts (to one as long). */
function forged(text: string): { index: string; texts: string } {
  const [, index, ...rest] = text.split('\n');
  const { texts: _check, ...parsed } = JSON.parse(index!) as Record<string, unknown>;
  return { index: JSON.stringify(parsed), texts: rest.join('\n').replace('The real answer.', 'A forged answer!') };
}

/** An index with the check of `texts` put in (or the check given). */
const withCheck = (index: string, texts: string, check: unknown = checkOf(texts)) => JSON.stringify({ ...(JSON.parse(index) as object), texts: check });

/** An entry in the current format whose index holds a right check of its texts, and whose checksum fits the index (or the one given). */
function entry(index: string, texts: string, sums: { index?: string; check?: unknown } = {}): string {
  const body = withCheck(index, texts, sums.check);
  return raw(body, texts, sums.index);
}

/** An entry in the current format with this very index (checked by its checksum, or the one given). */
const raw = (index: string, texts: string, sum = sha(index)) => `prep-deck-cache 6 ${sum} ${Buffer.byteLength(index)}\n${index}\n${texts}`;

describe('the deck cache', () => {
  it('serves a good entry as it was written: an entry with right checksums is used', async () => {
    const { entry: file, open } = await cached();
    // Proof that the cache answers: a forged entry written in the right format is believed.
    const { index, texts } = forged(readFileSync(file, 'utf8'));
    writeFileSync(file, entry(index, texts));
    expect((await open()).cards[0]!.answer).toBe('A forged answer!');
    expect((await open({ textsOnDemand: true })).cards[0]!.answer).toBe('A forged answer!');
  });

  it('gives back every field of every kind of card as parsed, the tag lists shared but never changed through a card', async () => {
    // The shipped deck: a pitch card with its seconds, questions with tag lists (some alike), asks.
    const dir = temp().dir;
    const file = join(dir, 'coder.yaml');
    writeFileSync(file, readFileSync(new URL('../../../decks/coder.yaml', import.meta.url)));
    const cacheDir = join(dir, 'cache');
    await openDeckFile(file, { cacheDir, salt: 't' });
    const parsed = loadDeckFile(file);
    const kinds = new Set(parsed.cards.map((c) => c.kind));
    expect([...kinds].sort()).toEqual(['ask', 'pitch', 'question']);
    expect(parsed.cards.some((c) => c.ask !== undefined) && parsed.cards.some((c) => c.seconds !== undefined)).toBe(true);
    for (const textsOnDemand of [false, true]) {
      const deck = await openDeckFile(file, { cacheDir, salt: 't', cacheReadOnly: true, textsOnDemand });
      expect(JSON.parse(JSON.stringify(deck.cards))).toEqual(JSON.parse(JSON.stringify(parsed.cards)));
      expect(deck.cards.map((c) => [c.id, c.kind, c.line, c.tags, c.seconds, c.ask])).toEqual(parsed.cards.map((c) => [c.id, c.kind, c.line, c.tags, c.seconds, c.ask]));
      const tagged = deck.cards.find((c) => c.tags.length > 0)!;
      expect(() => tagged.tags.push('changed')).toThrow(TypeError);
      expect(deck.cards.every((c) => !c.tags.includes('changed'))).toBe(true);
    }
  });

  it('does not trust an entry of another format version, even with a right checksum', async () => {
    const { entry: file, open } = await cached();
    const { index, texts } = forged(readFileSync(file, 'utf8'));
    const body = `${index}\n${texts}`;
    writeFileSync(file, `prep-deck-cache 2 ${sha(body)}\n${body}`);
    expect((await open()).cards[0]!.answer).toBe('The real answer.');
    // The last format (one checksum for all the texts), right in itself.
    writeFileSync(file, `prep-deck-cache 3 ${sha(index)} ${sha(texts)} ${Buffer.byteLength(index)}\n${index}\n${texts}`);
    expect((await open()).cards[0]!.answer).toBe('The real answer.');
    expect((await open({ textsOnDemand: true })).cards[0]!.answer).toBe('The real answer.');
    writeFileSync(file, entry(index, texts).replace('prep-deck-cache 6', 'prep-deck-cache 5'));
    expect((await open({ textsOnDemand: true })).cards[0]!.answer).toBe('The real answer.');
    // Version 4 (a row per card), right in itself and holding the same deck.
    type Columns = { ids: string[]; kinds: string[]; kindOf: number[]; lines: number[]; tagSets: string[][]; tagsOf: number[]; seconds: unknown[]; asks: unknown[]; ends: number[] };
    const { cards, ...rest } = JSON.parse(index) as { cards: Columns };
    const rows = cards.ids.map((id, i) => [id, cards.kinds[cards.kindOf[i]!], cards.lines[i], cards.tagSets[cards.tagsOf[i]!], cards.seconds[i], cards.asks[i], i ? cards.ends[i - 1] : 0, cards.ends[i]]);
    const v4 = withCheck(JSON.stringify({ ...rest, cards: rows }), texts);
    writeFileSync(file, `prep-deck-cache 4 ${sha(v4)} ${Buffer.byteLength(v4)}\n${v4}\n${texts}`);
    expect((await open()).cards[0]!.answer).toBe('The real answer.');
    expect((await open({ textsOnDemand: true })).cards[0]!.answer).toBe('The real answer.');
    // The same rows under this version's line: not this version's index.
    writeFileSync(file, raw(v4, texts));
    expect((await open({ textsOnDemand: true })).cards[0]!.answer).toBe('The real answer.');
  });

  it('does not trust an entry whose format line does not end where it should', async () => {
    const { entry: file, open } = await cached();
    const { index, texts } = forged(readFileSync(file, 'utf8'));
    const good = entry(index, texts);
    const headEnd = good.indexOf('\n');
    const length = Buffer.byteLength(withCheck(index, texts));
    for (const bad of [
      `${good.slice(0, headEnd)} ${good.slice(headEnd + 1)}`,
      good.slice(0, headEnd),
      `${good.slice(0, headEnd)}\n`,
      // Something before the format's name, or after the index's length, on the format line.
      `x${good}`,
      `${good.slice(0, headEnd)} x${good.slice(headEnd)}`,
      // The index's length one byte off either way.
      good.replace(` ${length}\n`, ` ${length - 1}\n`),
      good.replace(` ${length}\n`, ` ${length + 1}\n`),
      // Cut short by a byte, or a byte longer, than the texts' check says.
      good.slice(0, -1),
      `${good} `,
    ]) {
      writeFileSync(file, bad);
      expect((await open()).cards[0]!.answer).toBe('The real answer.');
      expect((await open({ textsOnDemand: true })).cards[0]!.answer).toBe('The real answer.');
    }
  });

  it('does not trust an entry whose index is not a deck, even with a right checksum', async () => {
    const { entry: file, open } = await cached();
    const none = checkOf('');
    const oneCard = { ids: ['one'], kinds: ['question'], kindOf: [0], lines: [3], tagSets: [[]], tagsOf: [0], seconds: [null], asks: [null], ends: [0] };
    for (const index of [
      'not json at all',
      '{}',
      'null',
      `{"deck":{"title":7},"cards":[],"texts":${JSON.stringify(none)}}`,
      `{"deck":{"title":"T"},"cards":{},"texts":${JSON.stringify(none)}}`,
      // Columns of other lengths than the ids', or one missing.
      `{"deck":{"title":"T"},"cards":${JSON.stringify({ ...oneCard, ends: [] })},"texts":${JSON.stringify(none)}}`,
      `{"deck":{"title":"T"},"cards":${JSON.stringify({ ...oneCard, kindOf: [0, 0] })},"texts":${JSON.stringify(none)}}`,
      `{"deck":{"title":"T"},"cards":${JSON.stringify({ ...oneCard, tagsOf: undefined })},"texts":${JSON.stringify(none)}}`,
      `{"deck":{"title":"T"},"cards":${JSON.stringify({ ...oneCard, tagSets: undefined })},"texts":${JSON.stringify(none)}}`,
      // A deck, but no check of its texts, or one of the wrong shape.
      '{"deck":{"title":"T"},"cards":[]}',
      '{"deck":{"title":"T"},"cards":[],"texts":{"bytes":1,"chunks":[]}}',
      '{"deck":{"title":"T"},"cards":[],"texts":{"bytes":-1,"chunks":[]}}',
      '{"deck":{"title":"T"},"cards":[],"texts":{"bytes":0,"chunks":"x"}}',
    ]) {
      writeFileSync(file, raw(index, ''));
      const deck = await open({ textsOnDemand: true });
      expect(deck.title).toBe('Cached');
      expect(deck.cards.map((c) => c.answer)).toEqual(['The real answer.']);
    }
  });

  it('does not trust an index that does not match its checksum, even when only the index is read', async () => {
    const { entry: file, open } = await cached();
    const { index, texts } = forged(readFileSync(file, 'utf8'));
    // The index names a forged title; its checksum is the real index's.
    writeFileSync(file, entry(index.replace('"Cached"', '"Forged"'), texts, { index: sha(withCheck(index, texts)) }));
    expect((await open({ textsOnDemand: true })).title).toBe('Cached');
    expect((await open()).title).toBe('Cached');
  });

  it('never shows a tampered text after a valid index: a start reads the deck file, a list cannot show it', async () => {
    const { entry: file, open } = await cached();
    const real = readFileSync(file, 'utf8');
    const { index, texts } = forged(real);
    // The texts were edited after the entry was written: their check is the real texts'.
    writeFileSync(file, entry(index, texts, { check: checkOf(real.split('\n').slice(2).join('\n')) }));
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

  it('never shows a text read on demand from an entry cut short after it was opened', async () => {
    const { entry: file, open, text: real } = await cached();
    const listed = await open({ textsOnDemand: true });
    writeFileSync(file, real.slice(0, real.length - 5), 'latin1');
    expect(() => listed.cards[0]!.answer).toThrow(CacheTextError);
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

describe('the deck cache, texts checked chunk by chunk', () => {
  /** A 300-card deck (about 300 KB of texts: five chunks) opened once through the cache. */
  async function big() {
    const dir = temp().dir;
    writeDeck(dir, 'big', 300);
    const file = join(dir, 'decks', 'big.yaml');
    const cacheDir = join(dir, 'cache');
    await openDeckFile(file, { cacheDir, salt: 't' });
    const entry = join(cacheDir, 'decks', readdirSync(join(cacheDir, 'decks'))[0]!);
    const bytes = readFileSync(entry);
    const textsAt = bytes.indexOf(0x0a, bytes.indexOf(0x0a) + 1) + 1;
    const { ends } = (JSON.parse(bytes.toString('utf8', bytes.indexOf(0x0a) + 1, textsAt - 1)) as { cards: { ends: number[] } }).cards;
    // Where card i's texts lie in the file (from where the card before's end), and the chunks they fall in.
    const start = (i: number) => (i === 0 ? 0 : ends[i - 1]!);
    const span = (i: number) => ({ from: textsAt + start(i), to: textsAt + ends[i]! });
    const chunksOf = (i: number) => [Math.floor(start(i) / CHUNK), Math.floor((ends[i]! - 1) / CHUNK)];
    const open = (o: { textsOnDemand?: boolean } = {}) => openDeckFile(file, { cacheDir, salt: 't', cacheReadOnly: true, ...o });
    return { file, entry, bytes, span, chunksOf, open, parsed: loadDeckFile(file) };
  }

  it('reads every card on demand as parsed, those whose texts span two chunks too', async () => {
    const { parsed, chunksOf, open } = await big();
    const straddling = parsed.cards.map((_, i) => i).filter((i) => chunksOf(i)[0] !== chunksOf(i)[1]);
    expect(straddling.length).toBeGreaterThanOrEqual(3);
    const onDemand = await open({ textsOnDemand: true });
    // Cards read out of order: the straddling ones first, so each of their chunks is read with them.
    for (const i of [...straddling, ...parsed.cards.keys()]) expect(JSON.parse(JSON.stringify(onDemand.cards[i]))).toEqual(JSON.parse(JSON.stringify(parsed.cards[i])));
    const all = await open();
    expect(all.cards.map((c) => c.answer)).toEqual(parsed.cards.map((c) => c.answer));
  });

  it('a damaged byte in one chunk: the texts in it are never shown, those in other chunks are, and a full read reads the deck file', async () => {
    const { entry, bytes, span, chunksOf, open, parsed } = await big();
    // A card wholly inside chunk 2, and a letter of its answer changed.
    const hit = parsed.cards.findIndex((_, i) => chunksOf(i)[0] === 2 && chunksOf(i)[1] === 2);
    const { from, to } = span(hit);
    const at = bytes.indexOf(parsed.cards[hit]!.answer.slice(0, 20), from);
    expect(at).toBeGreaterThan(from);
    expect(at).toBeLessThan(to);
    const damaged = Buffer.from(bytes);
    damaged[at] = damaged[at] === 0x58 ? 0x59 : 0x58;
    writeFileSync(entry, damaged);

    const onDemand = await open({ textsOnDemand: true });
    // Chunk 0 is checked and read: the damage elsewhere is not looked at.
    expect(onDemand.cards[0]!.answer).toBe(parsed.cards[0]!.answer);
    expect(() => onDemand.cards[hit]!.answer).toThrow(CacheTextError);
    // Any other card in the damaged chunk fails alike, and asking again does not let it through.
    const neighbour = parsed.cards.findIndex((_, i) => i !== hit && chunksOf(i).includes(2));
    expect(() => onDemand.cards[neighbour]!.prompt).toThrow(CacheTextError);
    expect(() => onDemand.cards[hit]!.prompt).toThrow(CacheTextError);
    const last = parsed.cards.length - 1;
    expect(chunksOf(last)[0]).toBeGreaterThan(2);
    expect(onDemand.cards[last]!.answer).toBe(parsed.cards[last]!.answer);
    // A full read checks every chunk as it opens the entry, and reads the YAML instead.
    expect((await open()).cards[hit]!.answer).toBe(parsed.cards[hit]!.answer);
    // Read-only: the damaged entry is left as it is.
    expect(readFileSync(entry).equals(damaged)).toBe(true);
  });
});

