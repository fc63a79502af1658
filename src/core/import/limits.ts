// How long one card's text, and one piece of the source, may be in an import. The loader's own
// limit is the whole deck's 16 MiB; a field of megabytes fits under it, yet it is no flashcard:
// nobody drills an answer that takes an hour to read, and reading one cost import many times its
// size in time and memory (a 10 MB note: 28 s and 800 MB).

/**
 * The most a card's question or answer (or the pitch's script, an ask card's question or reason)
 * may hold, in UTF-8 bytes: about 10,000 words, sixteen times what a typed answer keeps
 * (MAX_ANSWER_CHARS). Decks people write stay far below it (the shipped deck's longest answer is
 * 625 characters); an answer over it is a document pasted by mistake.
 */
export const MAX_CARD_TEXT_BYTES = 64 * 1024;

/**
 * The most one piece of the source may take before it is read: an Anki note (all its fields,
 * HTML included), or a Markdown block (the lines between two blank lines). Past it the piece is
 * refused unread, so a stray megabyte-long line costs little. Room for HTML markup and inline
 * images around a card's text; a Markdown block of about 7 MB is more than the Markdown reader
 * can read anyway (its rules overflow the stack).
 */
export const MAX_PIECE_BYTES = 4 * 1024 * 1024;

/** Why an import stops at a place in its file: a card's text or a piece of the source too long. */
export class TooLongError extends Error {
  constructor(
    message: string,
    /** 1-based line and, where known, column of the file where the text starts. */
    readonly line: number,
    readonly column?: number,
  ) {
    super(message);
    this.name = 'TooLongError';
  }
}

/** A size in words: `10.0 MB`, `64 KB`. */
export function sizeWords(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/**
 * Throws a {@link TooLongError} when `text` (`what`: "the answer", "the note's back") is over
 * {@link MAX_CARD_TEXT_BYTES}, at the place `place` gives (worked out only then). Checked before the text's key points and checks are made, which
 * for a long text took seconds.
 */
export function checkCardText(text: string, what: string, place: () => { line: number; column?: number }): void {
  // Under a third of the limit in characters, the bytes cannot be over it (3 bytes a character at most).
  if (text.length * 3 <= MAX_CARD_TEXT_BYTES) return;
  checkCardBytes(Buffer.byteLength(text, 'utf8'), what, place);
}

/** {@link checkCardText} for a text of `bytes` UTF-8 bytes, known without the text being made. */
export function checkCardBytes(bytes: number, what: string, place: () => { line: number; column?: number }): void {
  if (bytes <= MAX_CARD_TEXT_BYTES) return;
  const { line, column } = place();
  throw new TooLongError(`${what} is ${sizeWords(bytes)} of text, over the ${sizeWords(MAX_CARD_TEXT_BYTES)} a card's text may hold`, line, column);
}
