/**
 * The UTF-8 size of a text as the importers' white-space clean-ups would leave it, counted
 * without making that text. A card's text over the limit is refused by its size alone; made
 * whole first, a one-line answer of megabytes cost import twenty times its size in memory
 * (every replace over it a new string of megabytes, and one of a hundred thousand matches).
 */

/** Whether UTF-16 code unit `c` is white space as `/\s/` and `String.prototype.trim` see it. */
export function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
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

/**
 * UTF-8 bytes of {@link linedText}`(text)`: each line's runs of spaces and no-break spaces made
 * one, the line trimmed, and the lines joined with at most one empty line between them, the
 * whole trimmed.
 */
export function linedBytes(text: string): number {
  return new LinedCount().add(text).bytes();
}

/**
 * {@link linedBytes} of a text given in pieces, one after another, none of them kept: the
 * bytes of linedText of all the pieces joined, wherever they were cut.
 */
export class LinedCount {
  /** Bytes of the lines with text ended so far, and the line ends between them. */
  private done = 0;
  /** Lines with text ended so far, and empty lines since the last of them. */
  private lines = 0;
  private empty = 0;
  /** Bytes of the line being read, up to its last character that is not white space (0: none yet). */
  private line = 0;
  /** Bytes of the white space after that, as the line keeps it if more text follows. */
  private gap = 0;
  /** Whether the last character was a space or a no-break space (a run of them is one space). */
  private inRun = false;
  /** Whether the last character was a high surrogate (3 bytes alone, 4 with a low one after it). */
  private high = false;

  /** Counts `text` as the next piece. */
  add(text: string): this {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x0a) {
        this.endLine();
      } else if (c === 0x20 || c === 0xa0) {
        if (!this.inRun) this.gap++;
        this.inRun = true;
        this.high = false;
      } else if (isSpace(c)) {
        this.gap += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
        this.inRun = false;
        this.high = false;
      } else {
        if (this.line > 0) this.line += this.gap;
        this.gap = 0;
        this.inRun = false;
        const low = c >= 0xdc00 && c <= 0xdfff;
        // A low surrogate after a high one makes the pair 4 bytes: 1 more than the high one's 3.
        this.line += low && this.high ? 1 : c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
        this.high = !low && c >= 0xd800 && c <= 0xdbff;
      }
    }
    return this;
  }

  /** The bytes of linedText of the pieces so far. */
  bytes(): number {
    return this.line > 0 ? this.done + (this.lines > 0 ? Math.min(2, this.empty + 1) : 0) + this.line : this.done;
  }

  private endLine(): void {
    if (this.line > 0) {
      this.done = this.bytes();
      this.lines++;
      this.empty = 0;
    } else this.empty++;
    this.line = 0;
    this.gap = 0;
    this.inRun = false;
    this.high = false;
  }
}

/** Each line's runs of spaces and no-break spaces made one, the line trimmed; at most one empty line between two; the whole trimmed. */
export function linedText(text: string): string {
  // Most fields are one line: no array of lines and a call for each (a tenth of reading an
  // export in V8's interpreter), for the same text.
  if (!text.includes('\n')) return text.replace(/[ \u00a0]+/g, ' ').trim();
  const lines = text.split('\n').map((l) => l.replace(/[ \u00a0]+/g, ' ').trim());
  return lines.join('\n').replace(/\n{3,}/g, '\n\n').trim();
}
