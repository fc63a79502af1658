// A printed report drawn as Ink draws it, without Ink: no React, no layout engine, no
// WebAssembly to start. `prep stats` prints one picture and exits, and at 10,000 cards loading
// and running Ink took about a third of its time. The pieces here are the ones Ink uses (chalk
// for the styles, wrap-ansi and cli-truncate for the lines that do not fit, string-width for
// widths, ansi-tokenize for the final text), called the way Ink calls them, so the text comes
// out the same byte for byte; test/ui/screens/stats-text.test.tsx holds the two side by side.
import { styledCharsFromTokens, styledCharsToString, tokenize, type StyledChar } from '@alcalzone/ansi-tokenize';
import chalk from 'chalk';
import cliTruncate from 'cli-truncate';
import stringWidth from 'string-width';
import wrapAnsi from 'wrap-ansi';

/** What an Ink <Text> can say about its look, as far as the reports use it. */
export interface Look {
  color?: string;
  dim?: boolean;
  bold?: boolean;
}

/** How a line too long for its box is made to fit: Ink's `wrap` prop. */
export type Wrap = 'wrap' | 'truncate-end';

/** `text` styled as an Ink <Text> with `look` styles it (Text's transform: dim, colour, bold). */
export function styled(text: string, look: Look | undefined): string {
  if (!look || text === '') return text;
  let out = text;
  if (look.dim) out = chalk.dim(out);
  if (look.color) out = look.color.startsWith('#') ? chalk.hex(look.color)(out) : chalk[look.color as 'red'](out);
  if (look.bold) out = chalk.bold(out);
  return out;
}

/** As a <Tint>: styled while colour is on, plain text when it is off. */
export const tinted = (colour: boolean, text: string, look: Look) => (colour ? styled(text, look) : text);

/** The width of the widest line, ANSI codes not counted (Ink's widest-line). */
export function widest(text: string): number {
  let w = 0;
  for (const line of text.split('\n')) w = Math.max(w, stringWidth(line));
  return w;
}

/** Printable ASCII only: one column and one character each, no escape code. */
const PLAIN_ASCII = /^[\x20-\x7e]*$/;

/** Ink's wrapText: a line longer than `width` wrapped (hard, spaces kept) or cut with "…". */
export function fitText(text: string, width: number, wrap: Wrap): string {
  if (wrap === 'wrap') return wrapAnsi(text, width, { trim: false, hard: true });
  // What cli-truncate gives for plain ASCII cut at a whole column, without its ANSI-aware slicing
  // (a card's prompt is cut on every list row).
  if (Number.isInteger(width) && width > 1 && text.length > width && PLAIN_ASCII.test(text)) return `${text.slice(0, width - 1)}…`;
  return cliTruncate(text, width, { position: 'end' });
}

/** Ink's rounding of a box's edge to a whole column (halves go up). */
export const edge = (x: number) => Math.round(x);

/**
 * The picture as a grid of styled characters, filled by writes and turned into text line by
 * line, as Ink's Output does: each line's codes are re-made from the characters' styles, and
 * trailing blanks dropped. A write may run past the width, as in Ink.
 */
/**
 * An empty cell. One object for every cell not written (a write replaces cells, never changes
 * one): the stats picture at 120x60 is 7,200 cells, two objects each when every blank was its own.
 */
const BLANK: StyledChar = Object.freeze({ type: 'char', value: ' ', fullWidth: false, styles: Object.freeze([]) as unknown as StyledChar['styles'] });

/** A cell that adds nothing to a line but the blanks trimmed from its end: unstyled, a space or empty. */
const isBlank = (c: StyledChar) => c.styles.length === 0 && (c.value === ' ' || c.value === '');

export class TextFrame {
  private readonly rows: StyledChar[][];
  private readonly charsOf = new Map<string, StyledChar[]>();

  constructor(width: number, height: number) {
    this.rows = Array.from({ length: height }, () => new Array<StyledChar>(width).fill(BLANK));
  }

  /** Writes `text` (one or more lines) at column `x`, line `y`, each line styled with `look`. */
  write(x: number, y: number, text: string, look?: Look): void {
    if (!text) return;
    text.split('\n').forEach((raw, i) => {
      const row = this.rows[y + i];
      if (!row) return;
      const line = styled(raw, look);
      let chars = this.charsOf.get(line);
      if (!chars) this.charsOf.set(line, (chars = styledCharsFromTokens(tokenize(line))));
      let at = x;
      for (const ch of chars) {
        row[at] = ch;
        const w = Math.max(1, stringWidth(ch.value));
        for (let k = 1; k < w; k++) row[at + k] = { type: 'char', value: '', fullWidth: false, styles: ch.styles };
        at += w;
      }
    });
  }

  /**
   * Each line as Ink's Output gives it, with its trailing blanks trimmed. The blank cells at a
   * line's end are left out before it is made into text rather than trimmed after: they add only
   * spaces after the codes that end the last styles, which the trim takes off anyway.
   */
  toString(): string {
    return this.rows
      .map((row) => {
        const cells = row.filter((c) => c !== undefined);
        let end = cells.length;
        while (end > 0 && isBlank(cells[end - 1]!)) end--;
        return styledCharsToString(end === cells.length ? cells : cells.slice(0, end)).trimEnd();
      })
      .join('\n');
  }
}
