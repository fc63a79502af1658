/** Small text clean-ups shared by the importers. */

// Tab and newline are kept; every other control character is dropped: in a deck it would only
// show as a symbol with a lint warning (see core/text/inert.ts).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

/** Text fit for a deck: CRLF made LF, tabs made spaces, control characters removed, ends trimmed. */
export function cleanText(text: string): string {
  return tidyText(text).trim();
}

/** {@link cleanText} but for the trimming: for a text cleaned a piece at a time. */
export function tidyText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/\t/g, ' ').replace(CONTROL, '');
}

/** One line: every run of white space (newlines too) becomes one space. */
export function oneLine(text: string): string {
  // Key points are made from sentences already on one line: one test spares four replaces.
  if (!NOT_ONE_LINE.test(text)) return text;
  return cleanText(text).replace(/\s+/g, ' ');
}

// What oneLine changes: a control character (tab and newline among them), white space other
// than a space, two spaces, or a space at either end.
// eslint-disable-next-line no-control-regex
const NOT_ONE_LINE = /[\u0000-\u001F\u007F-\u009F]|[^\S ]| {2}|^ | $/;

const QUOTE_PAIRS: [string, string][] = [
  ['"', '"'],
  ['“', '”'],
  ["'", "'"],
  ['‘', '’'],
];

/**
 * Removes quotes around the whole text (`"Why us?"` -> `Why us?`), also when punctuation follows
 * the closing quote; inner quotes of the same kind mean the quotes are not one pair, so they stay.
 */
export function unquote(text: string): string {
  const t = text.trim();
  for (const [open, close] of QUOTE_PAIRS) {
    if (!t.startsWith(open)) continue;
    const end = t.lastIndexOf(close);
    if (end <= 0) continue;
    const inner = t.slice(1, end);
    const tail = t.slice(end + 1);
    if (/^[\s.,:;!?]*$/.test(tail) && !inner.includes(close) && (open === close || !inner.includes(open))) {
      return inner.trim();
    }
  }
  return t;
}

/** Drops a leading list number or question label: `1. `, `Q3:`, `Question 2 -`. */
export function stripNumbering(text: string): string {
  return text.replace(/^\s*(?:(?:q(?:uestion)?\s*)?\d{1,3}\s*[.):\-–—]|q(?:uestion)?\s*\d{0,3}\s*[.:\-–—])(?=\s|$)\s*/i, '').trim();
}

/** Drops a leading answer label: `A:`, `Answer -`. */
export function stripAnswerLabel(text: string): string {
  return text.replace(/^\s*a(?:nswer)?\s*\d{0,3}\s*[:\-–—](?=\s|$)\s*/i, '');
}

/** A question as a card shows it: no numbering, no quotes around it, on one line. */
export function cleanQuestion(text: string): string {
  return unquote(stripNumbering(oneLine(text)));
}


/** The text cut at a word boundary to about `max` characters, for report lines. */
export function short(text: string, max = 60): string {
  if (text.length <= max) return text;
  const cut = text.lastIndexOf(' ', max - 1);
  return `${text.slice(0, cut > max / 2 ? cut : max - 1).trimEnd()}…`;
}
