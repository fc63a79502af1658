import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { styledCharsFromTokens, styledCharsToString, tokenize } from '@alcalzone/ansi-tokenize';
// @ts-expect-error: a plain .mjs build script without types
import { styledCharsToString as fastUntyped } from '../../scripts/ansi-tokenize-fast.mjs';

// The bundles draw every frame through scripts/ansi-tokenize-fast.mjs instead of the package:
// whatever a line holds, it must come out as the very same string.
const fastToString = fastUntyped as typeof styledCharsToString;
const cells = (line: string) => styledCharsFromTokens(tokenize(line));

const CODES = ['\x1b[1m', '\x1b[2m', '\x1b[22m', '\x1b[3m', '\x1b[23m', '\x1b[4m', '\x1b[24m', '\x1b[7m', '\x1b[27m', '\x1b[31m', '\x1b[32m', '\x1b[39m', '\x1b[44m', '\x1b[49m', '\x1b[38;5;208m', '\x1b[0m'];
const TEXT = [' ', '   ', 'a', 'Good', '─', '│', '█', '字', '😀', '·'];

describe("the bundles' frame-to-text step", () => {
  it('writes a line exactly as the package does, for any mix of text and styles', () => {
    const line = fc.array(fc.constantFrom(...CODES, ...TEXT), { maxLength: 40 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(line, (l) => {
        expect(fastToString(cells(l))).toBe(styledCharsToString(cells(l)));
      }),
      { numRuns: 2000 },
    );
  });

  it('adds no escape code inside a run of cells styled alike, and closes the styles at the end', () => {
    const dimBorder = cells(`\x1b[2m${'─'.repeat(5)}\x1b[22m${' '.repeat(5)}\x1b[31mred\x1b[39m`);
    expect(fastToString(dimBorder)).toBe(`\x1b[2m─────\x1b[22m     \x1b[31mred\x1b[39m`);
    expect(fastToString(cells(' '.repeat(100)))).toBe(' '.repeat(100));
  });
});
