import { decode } from 'html-entities';
import { checkCardBytes, MAX_CARD_TEXT_BYTES } from './limits.js';
import { LinedCount, linedText } from './text-bytes.js';
import { cleanText, tidyText } from './text.js';

// An Anki field as the plain text a card keeps. A long field is cleaned a piece at a time: each
// clean-up over the whole of a field of megabytes thick with HTML made a copy of all of it (a
// 2 MB note of `<div>word &amp; <b>more</b></div>` peaked at 17 times its size), for a text that
// is then refused as over a card's limit.

const SOUND = /\[sound:[^\]]*\]/g;

/** How much of a long field (in characters) is cleaned at a time. */
const PIECE_CHARS = 32 * 1024;

/** A field as plain text: with `html`, line-breaking tags become newlines, other tags go, entities are decoded. */
export function toText(field: string, html: boolean): string {
  return linedText(cleanText(markupFree(field.replace(SOUND, ''), html)));
}

/**
 * {@link toText}, refused (a TooLongError naming `what` at `place`) when over a card's text,
 * from its size counted a piece at a time: neither it nor a copy of the field is ever made whole.
 */
export function checkedText(field: string, html: boolean, what: string, place: () => { line: number; column?: number }): string {
  // No clean-up makes a text longer: a field under a third of the limit in characters cannot give one over it.
  if (field.length * 3 <= MAX_CARD_TEXT_BYTES) return toText(field, html);
  const { bytes, text } = measuredText(field, html);
  checkCardBytes(bytes, what, place);
  return text ?? '';
}

/**
 * The UTF-8 size of {@link toText}`(field, html)`, and that text when it fits a card (at most
 * MAX_CARD_TEXT_BYTES), cleaned `pieceChars` characters at a time (more where a piece may not
 * end). Exported for its tests, which cut small pieces.
 */
export function measuredText(field: string, html: boolean, pieceChars = PIECE_CHARS): { bytes: number; text?: string } {
  const count = new LinedCount();
  const kept: string[] = [];
  for (const piece of cleanPieces(field.replace(SOUND, ''), html, pieceChars)) {
    count.add(piece);
    // The count only grows: once over the limit, the text is not wanted.
    if (count.bytes() <= MAX_CARD_TEXT_BYTES) kept.push(squeeze(piece));
  }
  const bytes = count.bytes();
  return bytes <= MAX_CARD_TEXT_BYTES ? { bytes, text: linedText(kept.join('')) } : { bytes };
}

/** With `html`: tags that break a line made line ends (a list item's "- "), other tags dropped, entities decoded. */
function markupFree(text: string, html: boolean): string {
  return html ? decode(withoutTags(text)) : text;
}

function withoutTags(text: string): string {
  return text
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<li\b[^>]*>/gi, '\n- ')
    .replace(/<\/li>/gi, '')
    .replace(/<\/(?:div|p|ul|ol|h[1-6]|tr)>|<(?:div|p|ul|ol|h[1-6]|tr)\b[^>]*>/gi, '\n')
    .replace(/<[^>]*>/g, '');
}

/**
 * `text` (sounds removed) cleaned as {@link toText} cleans it but for the lines' tidying, a
 * piece at a time: the pieces joined are the whole text cleaned. A piece ends only where no
 * clean-up could reach across: outside a tag (a tag's match runs from its "<" to the first ">"
 * after it, so while every "<" has its ">" before the next "<", each clean-up of tags replaces
 * whole tags, with text holding neither), and not after what could
 * be the start of an entity or of a "\r\n" once the tags are gone. After a "<" that meets
 * another "<" before its ">", tags may join up in ways not worth following: the rest of the
 * text is one piece, cleaned as before. A "<" with no ">" after it anywhere is only text.
 */
function* cleanPieces(text: string, html: boolean, pieceChars: number): Generator<string> {
  const lastClose = html ? text.lastIndexOf('>') : -1;
  let open = false;
  let tangled = false;
  // The scan's place: `open` and `tangled` are as they stand before text[at].
  let at = 0;
  const cutFrom = (from: number): number => {
    for (; at < text.length; at++) {
      const c = text.charCodeAt(at);
      if (at >= from && !open && !tangled) return at;
      if (c === 0x3c && at < lastClose) {
        tangled ||= open;
        open = true;
      } else if (c === 0x3e) open = false;
    }
    return text.length;
  };
  for (let start = 0; start < text.length; ) {
    for (let want = pieceChars; ; want *= 2) {
      const end = cutFrom(start + want);
      const piece = cleanPiece(text.slice(start, end), html);
      if (end === text.length || piece.endsClean) {
        yield piece.text;
        start = end;
        break;
      }
    }
  }
}

/** A piece cleaned, and whether it may end where it does (see {@link cleanPieces}). */
function cleanPiece(piece: string, html: boolean): { text: string; endsClean: boolean } {
  let text = piece;
  let endsClean = true;
  if (html) {
    text = withoutTags(text);
    // An entity's name or number, cut in two, would decode as something else.
    const amp = text.lastIndexOf('&');
    endsClean = amp === -1 || /[^#0-9a-zA-Z]/.test(text.slice(amp + 1));
    text = decode(text);
  }
  // "\r" then "\n" is one line end, where the two apart would be two.
  return { text: tidyText(text), endsClean: endsClean && !text.endsWith('\r') };
}

/**
 * The white space of a piece made shorter, as linedText would leave it in any text the piece is
 * part of: a run of spaces and no-break spaces is one space; white space holding two line ends
 * or more, one empty line (linedText keeps at most one empty line, and trims the lines around it).
 */
function squeeze(piece: string): string {
  return piece.replace(/[ \u00a0]+/g, ' ').replace(/\n\s*\n/g, '\n\n');
}
