// Stands in for string-width in the bundles (scripts/build.mjs routes every import of it here,
// each to its own version underneath). Ink measures every piece of text with string-width, and a
// string with any character beyond ASCII (prep's "·", "—", box lines, sparkline bars) goes down
// its full path: grapheme segmentation and a regular expression of every emoji, which V8 compiles
// on first use. That first use cost `prep list` about a sixth of its time. The characters below
// are one column wide in every version of string-width (the default, ambiguous = narrow), so a
// string made only of them is as wide as it is long; anything else goes to the package.
// test/scripts/string-width-fast.test.ts checks every one of them against both versions.

/** Inclusive ranges of UTF-16 code units, each one column wide on its own. */
export const NARROW = [
  [0x20, 0x7e], // ASCII, printable
  [0xa0, 0xa8], // Latin-1 (not 0xA9 and 0xAE, which wrap-ansi's copy counts as emoji,
  [0xaa, 0xac], // nor 0xAD, the soft hyphen, which is invisible)
  [0xaf, 0x2ff], // Latin-1, Latin Extended, IPA, spacing modifier letters
  [0x2010, 0x2027], // dashes, quotes, bullets, ellipsis
  [0x2030, 0x203b], // per mille, primes, angle quotes
  [0x2190, 0x2193], // arrows
  [0x2248, 0x2248], // almost equal to
  [0x2500, 0x259f], // box drawing, block elements
  [0x25a0, 0x25a0], // black square
  [0x25b8, 0x25b8], // small right-pointing triangle
  [0x2713, 0x2713], // check mark
  [0x2717, 0x2717], // ballot x
];

const LIMIT = 0x2718;
const table = new Uint8Array(LIMIT);
for (const [from, to] of NARROW) table.fill(1, from, to + 1);

/**
 * Where the colour or style code (SGR: ESC [ numbers and semicolons m) starting at `i` ends, or
 * -1 when it is anything else. Ink hands string-width text with these codes in it, which the
 * package strips before measuring; a number of more than four digits is left to the package,
 * whose pattern reads such a code differently.
 */
function styleCodeEnd(text, i) {
  if (text.charCodeAt(i + 1) !== 0x5b) return -1;
  let digits = 0;
  for (let j = i + 2; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === 0x6d) return j;
    if (c === 0x3b) digits = 0;
    else if (c >= 0x30 && c <= 0x39 && ++digits <= 4) continue;
    else return -1;
  }
  return -1;
}

/** The width of `text` when every character of it is in NARROW or in a style code, else undefined. */
export function narrowWidth(text, options) {
  if (typeof text !== 'string' || options?.ambiguousIsNarrow === false || options?.countAnsiEscapeCodes) return undefined;
  let width = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x1b) {
      const end = styleCodeEnd(text, i);
      if (end < 0) return undefined;
      width -= end - i + 1;
      i = end;
    } else if (c >= LIMIT || table[c] === 0) return undefined;
  }
  return width;
}
