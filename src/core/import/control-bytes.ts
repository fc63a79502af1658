import { eolByte } from './bytes.js';

// Import drops the control characters a card cannot show (see cleanText): a NUL byte in an Anki
// field, say. That is right for the deck, but the user is told where, once, not left to wonder
// why a word lost a letter or two ran together.

/** The first control character an import leaves out, where it is, and how many there are. */
export interface DroppedControls {
  /** Its line (lines end as the Anki reader ends them: see {@link eolByte}) and column, from 1. */
  line: number;
  column: number;
  /** Its code: 0 for NUL. */
  code: number;
  /** How many the file holds in all. */
  count: number;
}

/** The one-byte control characters dropped: all but tab and the line ends ("\n", "\r"). */
const DROPPED = new Uint8Array(256);
for (let b = 0; b < 0x20; b++) if (b !== 0x09 && b !== 0x0a && b !== 0x0d) DROPPED[b] = 1;
DROPPED[0x7f] = 1;

/** The bytes of {@link DROPPED}. */
const DROPPED_BYTES = [...DROPPED.keys()].filter((b) => DROPPED[b] === 1);

/** The control characters of a file's bytes that its import leaves out, or undefined when none. */
export function droppedControls(bytes: Uint8Array): DroppedControls | undefined {
  // Most files hold none: looked for one byte value at a time by indexOf (native code), not by a
  // loop over every byte in JavaScript, which V8's interpreter runs 20 ms a megabyte.
  if (DROPPED_BYTES.every((b) => bytes.indexOf(b) === -1)) return undefined;
  let first = -1;
  let count = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (DROPPED[bytes[i] as number] === 0) continue;
    if (first === -1) first = i;
    count++;
  }
  if (first === -1) return undefined;
  const eol = eolByte(bytes);
  let [line, start] = [1, 0];
  for (let at = bytes.indexOf(eol); at !== -1 && at < first; at = bytes.indexOf(eol, at + 1)) [line, start] = [line + 1, at + 1];
  // Columns in characters, as the other places import names: a UTF-8 continuation byte is no new one.
  let column = 1;
  for (let i = start; i < first; i++) if (((bytes[i] as number) & 0xc0) !== 0x80) column++;
  return { line, column, code: bytes[first] as number, count };
}

/** What {@link droppedControls} found, as the words after `file:line:column warning: `. */
export function droppedWords({ code, count }: DroppedControls): string {
  const what = code === 0 ? 'a NUL byte' : `a control character (U+${code.toString(16).toUpperCase().padStart(4, '0')})`;
  const more = count > 1 ? `, and ${count - 1} more after it` : '';
  return `${what} here is left out of the deck, as no card can show it${more}`;
}
