/**
 * The UTF-8 size of a text as the importers' white-space clean-ups would leave it, counted
 * without making that text. A card's text over the limit is refused by its size alone; made
 * whole first, a one-line answer of megabytes cost import twenty times its size in memory
 * (every replace over it a new string of megabytes, and one of a hundred thousand matches).
 */

/** Whether UTF-16 code unit `c` is white space as `/\s/` and `String.prototype.trim` see it. */
function isSpace(c: number): boolean {
  return (
    c === 0x20 ||
    (c >= 0x09 && c <= 0x0d) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** UTF-8 bytes of `s` from `from` to `to` (not past it), as Buffer.byteLength counts them (a lone surrogate is 3). */
function bytesOf(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < to && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** UTF-8 bytes of `text.replace(/\s+/g, ' ')`. */
export function oneLineBytes(text: string): number {
  let n = 0;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    if (!isSpace(text.charCodeAt(i))) continue;
    n += bytesOf(text, from, i) + 1;
    while (i + 1 < text.length && isSpace(text.charCodeAt(i + 1))) i++;
    from = i + 1;
  }
  return n + bytesOf(text, from, text.length);
}

/** UTF-8 bytes of line `from`..`to` of `text` with runs of spaces and no-break spaces made one space (the ends trimmed before). */
function lineBytes(text: string, from: number, to: number): number {
  let n = 0;
  let run = from;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0xa0) continue;
    n += bytesOf(text, run, i) + 1;
    while (i + 1 < to && (text.charCodeAt(i + 1) === 0x20 || text.charCodeAt(i + 1) === 0xa0)) i++;
    run = i + 1;
  }
  return n + bytesOf(text, run, to);
}

/**
 * UTF-8 bytes of {@link linedText}`(text)`: each line's runs of spaces and no-break spaces made
 * one, the line trimmed, and the lines joined with at most one empty line between them, the
 * whole trimmed.
 */
export function linedBytes(text: string): number {
  let n = 0;
  let lines = 0;
  let empty = 0;
  for (let start = 0; start <= text.length; ) {
    const nl = text.indexOf('\n', start);
    const end = nl === -1 ? text.length : nl;
    let a = start;
    let b = end;
    while (a < b && isSpace(text.charCodeAt(a))) a++;
    while (b > a && isSpace(text.charCodeAt(b - 1))) b--;
    if (a === b) empty++;
    else {
      if (lines > 0) n += Math.min(2, empty + 1);
      n += lineBytes(text, a, b);
      lines++;
      empty = 0;
    }
    start = end + 1;
  }
  return n;
}

/** Each line's runs of spaces and no-break spaces made one, the line trimmed; at most one empty line between two; the whole trimmed. */
export function linedText(text: string): string {
  const lines = text.split('\n').map((l) => l.replace(/[ \u00a0]+/g, ' ').trim());
  return lines.join('\n').replace(/\n{3,}/g, '\n\n').trim();
}
