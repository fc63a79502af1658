import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { allChunksMatch, CacheTextError, CHUNK_BYTES, checkOf, isTextsCheck, sliceOnDemand } from '../../../src/core/deck/cache-texts.js';
import { useTempHome } from '../../helpers/temp-home.js';

const home = useTempHome('prep-cache-texts-');

/** Texts of `chunks` whole chunks and `extra` bytes, every byte different from its neighbours'. */
function texts(chunks: number, extra = 0): Buffer {
  const b = Buffer.alloc(chunks * CHUNK_BYTES + extra);
  for (let i = 0; i < b.length; i++) b[i] = 97 + ((i * 7 + Math.floor(i / 26)) % 26);
  return b;
}

const readAt = (fd: number, position: number, length: number): Buffer => {
  const b = Buffer.alloc(length);
  const n = fs.readSync(fd, b, 0, length, position);
  return b.subarray(0, n);
};

/** An entry file: a head of `at` bytes, then the texts (optionally cut), and a reader on demand. */
function entry(t: Buffer, { at = 37, cut = 0 } = {}) {
  const { dir } = home();
  const file = path.join(dir, 'entry');
  fs.writeFileSync(file, Buffer.concat([Buffer.alloc(at, 35), t.subarray(0, t.length - cut)]));
  return { file, slice: sliceOnDemand(file, at, checkOf(t), readAt) };
}

describe('card texts checked per chunk', () => {
  it('a check holds the length and one digest per started chunk', () => {
    expect(checkOf(Buffer.alloc(0))).toEqual({ bytes: 0, chunks: [] });
    expect(checkOf(texts(2)).chunks).toHaveLength(2);
    expect(checkOf(texts(2, 1)).chunks).toHaveLength(3);
    expect(new Set(checkOf(texts(3)).chunks).size).toBe(3);
  });

  it('only a check of the right shape is taken from an index', () => {
    const good = checkOf(texts(1, 5));
    expect(isTextsCheck(good)).toBe(true);
    expect(isTextsCheck({ bytes: 0, chunks: [] })).toBe(true);
    for (const bad of [
      null,
      'x',
      { chunks: good.chunks },
      { bytes: -1, chunks: [] },
      { bytes: 1.5, chunks: good.chunks },
      { bytes: good.bytes, chunks: 'ab' },
      { bytes: good.bytes, chunks: good.chunks.slice(1) },
      { bytes: good.bytes, chunks: [...good.chunks, good.chunks[0]] },
      { bytes: good.bytes, chunks: [good.chunks[0], 7] },
      { bytes: good.bytes, chunks: [7, good.chunks[1]] },
    ])
      expect(isTextsCheck(bad), JSON.stringify(bad)).toBe(false);
  });

  it('all texts match their check; one changed byte in a later chunk, or a byte more or less, does not', () => {
    const t = texts(3, 100);
    const check = checkOf(t);
    expect(allChunksMatch(t, check)).toBe(true);
    const changed = Buffer.from(t);
    changed.writeUInt8(changed.readUInt8(2 * CHUNK_BYTES + 50) ^ 1, 2 * CHUNK_BYTES + 50);
    expect(allChunksMatch(changed, check)).toBe(false);
    expect(allChunksMatch(t.subarray(0, t.length - 1), check)).toBe(false);
    expect(allChunksMatch(Buffer.concat([t, Buffer.from('x')]), check)).toBe(false);
  });

  it('reads any range on demand, in any order, across chunk edges, up to the very last byte', () => {
    const t = texts(3);
    const { slice } = entry(t);
    const ranges: [number, number][] = [
      [2 * CHUNK_BYTES + 10, 2 * CHUNK_BYTES + 90],
      [CHUNK_BYTES - 20, CHUNK_BYTES + 20],
      [3 * CHUNK_BYTES - 10, 3 * CHUNK_BYTES],
      [0, 5],
      [CHUNK_BYTES - 5, 2 * CHUNK_BYTES + 5],
      [CHUNK_BYTES, 2 * CHUNK_BYTES],
    ];
    for (const [from, to] of ranges) expect(slice(from, to), `${from}-${to}`).toBe(t.toString('utf8', from, to));
  });

  it('a range outside the texts, or none at all, is refused', () => {
    const t = texts(2, 10);
    const { slice } = entry(t);
    for (const [from, to] of [[-1, 4], [10, t.length + 1], [0, 0]] as const) expect(() => slice(from, to)).toThrow(CacheTextError);
    expect(slice(t.length - 4, t.length)).toBe(t.toString('utf8', t.length - 4, t.length));
  });

  it('an entry cut short, edited after its index was read, or gone, shows no text', () => {
    const t = texts(2, 300);
    expect(() => entry(t, { cut: 1 }).slice(2 * CHUNK_BYTES, 2 * CHUNK_BYTES + 10)).toThrow(CacheTextError);
    const edited = entry(t);
    const fd = fs.openSync(edited.file, 'r+');
    fs.writeSync(fd, Buffer.from('Z'), 0, 1, 37 + CHUNK_BYTES + 3);
    fs.closeSync(fd);
    expect(edited.slice(0, 10)).toBe(t.toString('utf8', 0, 10));
    expect(() => edited.slice(CHUNK_BYTES + 1, CHUNK_BYTES + 9)).toThrow(CacheTextError);
    const gone = entry(t);
    fs.rmSync(gone.file);
    expect(() => gone.slice(0, 10)).toThrow(/changed after it was opened; run the command again/);
  });

  it('a chunk checked once is not read again, so an edit after it was shown changes nothing', () => {
    const t = texts(2);
    const { file, slice } = entry(t);
    expect(slice(CHUNK_BYTES + 1, CHUNK_BYTES + 40)).toBe(t.toString('utf8', CHUNK_BYTES + 1, CHUNK_BYTES + 40));
    fs.writeFileSync(file, 'gone');
    expect(slice(CHUNK_BYTES + 2, CHUNK_BYTES + 30)).toBe(t.toString('utf8', CHUNK_BYTES + 2, CHUNK_BYTES + 30));
    expect(() => slice(0, 4)).toThrow(CacheTextError);
  });

  it('a reader that returns fewer bytes than asked shows no text', () => {
    const t = texts(1, 50);
    const { dir } = home();
    const file = path.join(dir, 'entry');
    fs.writeFileSync(file, t);
    const short = sliceOnDemand(file, 0, checkOf(t), (fd, position, length) => readAt(fd, position, length - 1));
    expect(() => short(0, 10)).toThrow(CacheTextError);
  });

  it('a folder where the entry was is refused like a missing file', () => {
    const t = texts(1);
    const { dir } = home();
    expect(() => sliceOnDemand(dir, 0, checkOf(t), readAt)(0, 10)).toThrow(CacheTextError);
  });
});
