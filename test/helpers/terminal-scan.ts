/**
 * What a program may write to a terminal, as far as prep goes: text, and the sequences Ink
 * itself writes. Anything else found in the raw output is a sequence the program let through.
 *
 * Ink writes: SGR colours and styles `ESC[...m`; cursor moves and erases `ESC[nA`, `ESC[G`, `ESC[E`,
 * `ESC[2K`, `ESC[J`, `ESC[H` (with the row/column forms of those); cursor hide/show
 * `ESC[?25l`/`ESC[?25h`; synchronized output `ESC[?2026h`/`ESC[?2026l`.
 */
// eslint-disable-next-line no-control-regex
const INK_CSI = /^\x1b\[(?:[0-9;]*[mABCDEGHJK]|\?(?:25|2026)[hl])$/;

// A CSI: ESC [, parameter bytes, intermediate bytes, one final byte. Or ESC and any one character.
// eslint-disable-next-line no-control-regex
const ESCAPE = /\x1b(?:\[[0-?]*[ -/]*[@-~]|[\s\S]?)/g;
// Controls a terminal acts on, other than ESC (scanned above) and CR, LF and tab.
// eslint-disable-next-line no-control-regex
const OTHER_CONTROL = /[\x00-\x08\x0b\x0c\x0e-\x1a\x1c-\x1f\x7f-\x9f]/g;

/** One unsafe thing found in terminal output, with a little context to read it by. */
export interface Finding {
  what: string;
  at: number;
  context: string;
}

/**
 * Every escape sequence Ink would not write (OSC `ESC ]`, `ESC c`, private modes, device
 * queries...) and every other control character (BEL, NUL, DEL, C1 such as U+009B) in `raw`.
 */
export function unsafeSequences(raw: string): Finding[] {
  const out: Finding[] = [];
  const context = (at: number) => JSON.stringify(raw.slice(Math.max(0, at - 30), at + 30));
  for (const m of raw.matchAll(ESCAPE)) {
    if (!INK_CSI.test(m[0])) out.push({ what: JSON.stringify(m[0]), at: m.index, context: context(m.index) });
  }
  for (const m of raw.matchAll(OTHER_CONTROL)) {
    out.push({ what: `U+${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`, at: m.index, context: context(m.index) });
  }
  return out;
}

/** True when the last cursor-show comes after the last cursor-hide: the cursor was given back. */
export function cursorRestored(raw: string): boolean {
  const shown = raw.lastIndexOf('\x1b[?25h');
  return shown >= 0 && shown > raw.lastIndexOf('\x1b[?25l');
}
