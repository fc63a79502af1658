import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import path from 'node:path';
// @ts-expect-error: a plain .mjs build script without types
import { ALONE as aloneUntyped, graphemeSegmenter, withLazySegmenter } from '../../scripts/graphemes-fast.mjs';

// The bundles split text into graphemes through scripts/graphemes-fast.mjs, which answers
// strings of characters that stand alone itself and hands the rest to Intl.Segmenter: whatever
// it answers must be what Intl.Segmenter answers.
const ALONE = aloneUntyped as [number, number][];
const aloneChars = ALONE.flatMap(([from, to]) => Array.from({ length: to - from + 1 }, (_, i) => String.fromCharCode(from + i)));
const real = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const fast = (graphemeSegmenter as () => Intl.Segmenter)();

const parts = (s: Iterable<Intl.SegmentData>) => [...s].map(({ segment, index, input }) => [segment, index, input]);

describe("the bundles' grapheme segmenter", () => {
  it('splits every character of its list, before and after any other of them, as Intl.Segmenter does', () => {
    // Each character between two neighbours from the list, so every one meets every kind of neighbour over the run.
    for (let i = 0; i < aloneChars.length; i++) {
      const text = `${aloneChars[(i * 7919) % aloneChars.length]}${aloneChars[i]}${aloneChars[(i * 104729 + 13) % aloneChars.length]}`;
      expect(parts(fast.segment(text))).toEqual(parts(real.segment(text)));
    }
  });

  it('splits any string, and finds the grapheme at any index, as Intl.Segmenter does', () => {
    // Characters that join their neighbours: line ends, combining marks, joiners, emoji, flags, Hangul jamo, variation selectors.
    const joiners = ['\r', '\n', '\r\n', '\u0301', '\u200d', '\u200c', '\ufe0f', '👍🏽', '👩‍💻', '🇫🇷', '\u1100\u1161', 'ก\u0e33', '\u0915\u094d\u0937', '字', '😀'];
    const text = fc
      .array(fc.constantFrom(...aloneChars.filter((_, i) => i % 11 === 0), 'a', ' ', '·', '—', '─', '▁', '\x1b[31m', '\x1b[2m', ...joiners), { maxLength: 24 })
      .map((p) => p.join(''));
    fc.assert(
      fc.property(text, fc.integer({ min: -2, max: 40 }), (t, at) => {
        expect(parts(fast.segment(t))).toEqual(parts(real.segment(t)));
        const a = fast.segment(t).containing(at);
        const b = real.segment(t).containing(at);
        expect(a && [a.segment, a.index, a.input]).toEqual(b && [b.segment, b.index, b.input]);
      }),
      { numRuns: 3000 },
    );
  });

  it('is put in place of the segmenter of both packages that split graphemes when they load', () => {
    const root = path.resolve(import.meta.dirname, '../..');
    for (const file of ['node_modules/@alcalzone/ansi-tokenize/build/tokenize.js', 'node_modules/slice-ansi/tokenize-ansi.js']) {
      const source = (withLazySegmenter as (f: string) => string)(path.join(root, file));
      expect(source).not.toContain('new Intl.Segmenter');
      expect(source).toContain('__graphemeSegmenter()');
    }
  });
});
