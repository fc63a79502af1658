import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import stringWidth from 'string-width';
// wrap-ansi's own older copy, reached by its path
import olderStringWidth from '../../node_modules/wrap-ansi/node_modules/string-width/index.js';
// @ts-expect-error: a plain .mjs build script without types
import { NARROW as narrowUntyped, narrowWidth as narrowUntypedWidth } from '../../scripts/string-width-fast.mjs';

// The bundles measure text through scripts/string-width-fast.mjs, on top of the package (both of
// its versions in the bundle): whatever it answers must be what the package answers.
const NARROW = narrowUntyped as [number, number][];
const narrowWidth = narrowUntypedWidth as (text: unknown, options?: { ambiguousIsNarrow?: boolean }) => number | undefined;
const older = olderStringWidth as typeof stringWidth;
const narrowChars = NARROW.flatMap(([from, to]) => Array.from({ length: to - from + 1 }, (_, i) => String.fromCharCode(from + i)));

describe("the bundles' text measure", () => {
  it('takes every character of its own list as one column, as both versions of string-width do', () => {
    for (const c of narrowChars) {
      expect([c, narrowWidth(c)]).toEqual([c, 1]);
      expect([c, stringWidth(c)]).toEqual([c, 1]);
      expect([c, older(c)]).toEqual([c, 1]);
    }
  });

  it('measures any string as the package does, and leaves to it every string with another character', () => {
    const others = ['', '\x1b[31m', '\u00ad', '©', '®', '\u0301', '字', '😀', '❤️', '\t', '\n', '\u200b', 'ｱ', '\u25fe', '\u2714', '\u203c'];
    const text = fc.array(fc.constantFrom(...narrowChars.filter((_, i) => i % 7 === 0), ' ', 'a', '·', '—', '─', ...others), { maxLength: 30 }).map((p) => p.join(''));
    fc.assert(
      fc.property(text, (t) => {
        const fast = narrowWidth(t);
        if (fast !== undefined) {
          expect(fast).toBe(stringWidth(t));
          expect(fast).toBe(older(t));
        }
        if (others.some((o) => o !== '' && t.includes(o))) expect(fast).toBeUndefined();
      }),
      { numRuns: 2000 },
    );
  });

  it('leaves a wide reading of ambiguous characters, and what is not a string, to the package', () => {
    expect(narrowWidth('a — b', { ambiguousIsNarrow: false })).toBeUndefined();
    expect(stringWidth('a — b', { ambiguousIsNarrow: false })).toBe(6);
    expect(narrowWidth(undefined)).toBeUndefined();
    expect(narrowWidth('Coder — Software Engineer · shipped')).toBe(35);
  });
});
