import wrapAnsi from 'wrap-ansi';

// A line's indent and list marker ("- ", "* ", "• ", "1. ", "2) "), if any.
const LEAD = /^\s*(?:[-*\u2022]\s+|\d+[.)]\s+)?/;
/** Narrower than this after the indent, wrapping is left to Ink. */
const MIN_ROOM = 12;

/**
 * Text wrapped to `width` columns the way a reader expects. Ink wraps with wrap-ansi's `trim`
 * off, so a line that breaks exactly at the width starts the next one with a space; here breaks
 * fall at spaces and none is carried over. A line's indent and list marker are kept, and its
 * continuation lines hang under the text after them. Lines that fit come back as they are, so
 * short text costs nothing (the first wrap compiles wrap-ansi's emoji expression).
 */
export function wrapProse(text: string, width: number): string {
  return text
    .split('\n')
    .map((line) => {
      if (line.length <= width) return line;
      const lead = LEAD.exec(line)![0];
      const room = width - lead.length;
      if (room < MIN_ROOM) return line;
      const rows = wrapAnsi(line.slice(lead.length), room, { hard: true, trim: true }).split('\n');
      const hang = ' '.repeat(lead.length);
      return rows.map((row, i) => (i === 0 ? lead : hang) + row).join('\n');
    })
    .join('\n');
}
