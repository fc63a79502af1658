import { describe, expect, it } from 'vitest';
import { textLength } from '../../../src/core/import/bytes.js';

// A big sheet's length in characters decides whether it is lexed whole or in chunks; it is
// counted from the bytes, never decoding them whole.

/** A small seeded generator, so a failure can be run again. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

// Letters of 1 to 4 bytes, every line end, and bytes that are not UTF-8 (a continuation byte
// alone, a sequence cut short, a byte no UTF-8 holds).
const VALID = ['a', 'word ', '\n', '\r\n', '\r', 'é', '—', '😀'].map((s) => Buffer.from(s, 'utf8'));
const INVALID = [[0x80], [0xe2, 0x82], [0xf0], [0xff]].map((b) => Buffer.from(b));

/** The rule, a byte at a time: one a lead byte, one more for a 4-byte lead, "\r\n" one. */
function byRule(bytes: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as number;
    if ((b & 0xc0) !== 0x80) n++;
    if (b >= 0xf0) n++;
    else if (b === 0x0d && bytes[i + 1] === 0x0a) n--;
  }
  return n;
}

function randomBytes(rand: () => number, parts: number, invalid: boolean): Buffer {
  const out: Buffer[] = [];
  for (let i = 0; i < parts; i++) {
    const pool = invalid && rand() < 0.05 ? INVALID : VALID;
    out.push(pool[Math.floor(rand() * pool.length)] as Buffer);
  }
  return Buffer.concat(out);
}

describe('the length of a text counted from its UTF-8 bytes', () => {
  it('is the length of the text decoded, "\\r\\n" made "\\n", for small and big texts (cut in parts), and ASCII', () => {
    const rand = prng(3);
    for (let i = 0; i < 300; i++) {
      const bytes = randomBytes(rand, i < 20 ? 60_000 : Math.floor(rand() * 200), false);
      expect([i, textLength(bytes)]).toEqual([i, bytes.toString('utf8').replace(/\r\n/g, '\n').length]);
    }
    expect(textLength(Buffer.from('ab\r\ncd\re\n'))).toBe(8);
  });

  it('follows the same rule for bytes that are not UTF-8, and for a part of a bigger buffer', () => {
    const rand = prng(4);
    for (let i = 0; i < 300; i++) {
      const bytes = randomBytes(rand, i < 10 ? 60_000 : Math.floor(rand() * 200), true);
      expect([i, textLength(bytes)]).toEqual([i, byRule(bytes)]);
      const part = bytes.subarray(Math.floor(bytes.length / 3), Math.floor((2 * bytes.length) / 3));
      expect([i, textLength(part)]).toEqual([i, byRule(part)]);
    }
  });
});
