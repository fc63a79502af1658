// Stands in for @alcalzone/ansi-tokenize in the bundles (scripts/build.mjs aliases it here): the
// package as it is, with one function made cheaper. Ink (6.8) turns every frame into text through
// styledCharsToString, one call per line and one style diff per cell, blank cells included, and
// each diff builds three Sets and four arrays. A drill screen fills the window (100 x 30 is 3,000
// cells), so the first frame allocated 5.9 MB there where the shorter screens before it took 2.8,
// and paid about 20 ms of CPU for it at start-up (and again at every redraw, such as each tick of
// the pitch clock). Two neighbouring cells with the same styles (a blank run, a word in one colour)
// need no escape code between them: that case now skips the diff and gives the same string.
// test/scripts/ansi-tokenize-fast.test.ts compares the two on any mix of text and styles.
import { ansiCodesToString, diffAnsiCodes } from '../node_modules/@alcalzone/ansi-tokenize/build/index.js';

export * from '../node_modules/@alcalzone/ansi-tokenize/build/index.js';

/** True when two cells carry the same styles in the same order, so no escape code goes between them. */
function sameStyles(a, b) {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    if (a[i].code !== b[i].code || a[i].endCode !== b[i].endCode) return false;
  }
  return true;
}

/** The package's styledCharsToString, without the diff between cells whose styles are the same. */
export function styledCharsToString(chars) {
  let ret = '';
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i];
    if (i === 0) {
      if (char.styles.length > 0) ret += ansiCodesToString(char.styles);
    } else if (!sameStyles(chars[i - 1].styles, char.styles)) {
      ret += ansiCodesToString(diffAnsiCodes(chars[i - 1].styles, char.styles));
    }
    ret += char.value;
    // Reset what is still on at the end of the line.
    if (i === chars.length - 1 && char.styles.length > 0) ret += ansiCodesToString(diffAnsiCodes(char.styles, []));
  }
  return ret;
}
