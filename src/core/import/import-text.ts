import { extname } from 'node:path';
import { importAnki } from './anki.js';
import { lineEnd, utf8 } from './bytes.js';
import { importMarkdown } from './markdown.js';
import type { ImporterOptions, ImportResult } from './types.js';

/** The kinds of file `prep import` reads. */
export type ImportFormat = 'markdown' | 'anki';

const ANKI_HEADER = /^#(?:separator|html|columns|notetype|deck|tags|guid)\b[^:\n]*:/i;

/**
 * Tells a Markdown prep sheet from an Anki plain-text export: Anki's `#separator:`-style header
 * decides; else `.md` is Markdown, `.txt`/`.csv`/`.tsv` is Anki unless it has Markdown headings.
 */
export function detectFormat(fileName: string, text: string): ImportFormat {
  if (ANKI_HEADER.test(text.replace(/^\uFEFF/, ''))) return 'anki';
  const ext = extname(fileName).toLowerCase();
  if (['.txt', '.csv', '.tsv'].includes(ext)) return /^#{1,6}\s/m.test(text) ? 'markdown' : 'anki';
  return 'markdown';
}

/** Imports a file's text in the format it is in. */
export function importText(fileName: string, text: string, opts: ImporterOptions = {}): ImportResult & { format: ImportFormat } {
  const format = detectFormat(fileName, text);
  const body = text.replace(/^\uFEFF/, '');
  return { format, ...(format === 'anki' ? importAnki(body, opts) : importMarkdown(body, opts)) };
}

/** Text is decoded this much at a time (cut after a line end) when only a pattern is looked for. */
const CHUNK_BYTES = 1024 * 1024;

/**
 * {@link detectFormat} on a file's UTF-8 bytes, decoding its first line and, for a `.txt` that
 * has no Anki header, a megabyte at a time: the answer is the same as on the whole text.
 */
export function detectFormatOf(fileName: string, bytes: Uint8Array): ImportFormat {
  const first = utf8(bytes, 0, lineEnd(bytes, 0));
  if (ANKI_HEADER.test(first.replace(/^\uFEFF/, ''))) return 'anki';
  const ext = extname(fileName).toLowerCase();
  if (!['.txt', '.csv', '.tsv'].includes(ext)) return 'markdown';
  // Each part ends just after a "\n", so every line starts in the part it is read in.
  for (let at = 0; at < bytes.length; ) {
    const end = at + CHUNK_BYTES >= bytes.length ? bytes.length : lineEnd(bytes, at + CHUNK_BYTES) + 1;
    if (/^#{1,6}\s/m.test(utf8(bytes, at, end))) return 'markdown';
    at = end;
  }
  return 'anki';
}

/**
 * A file ready for its reader: its UTF-8 bytes, as both readers take bytes (csv-parse reads
 * bytes; the Markdown reader decodes a big sheet a chunk at a time).
 */
export type ImportInput = { format: ImportFormat; bytes: Uint8Array };

/**
 * A file's UTF-8 bytes (checked, leading byte-order mark dropped) made ready for {@link importInput}.
 * A Markdown sheet is not decoded whole: its text, twice its bytes once it holds a character
 * outside Latin-1 (a dash will do), was the biggest thing a big import held.
 */
export function prepareInput(fileName: string, bytes: Uint8Array): ImportInput {
  return { format: detectFormatOf(fileName, bytes), bytes: withoutBom(bytes) };
}

/** {@link importText} on a prepared file. */
export function importInput(input: ImportInput, opts: ImporterOptions = {}): ImportResult & { format: ImportFormat } {
  if (input.format === 'anki') return { format: input.format, ...importAnki(input.bytes, opts) };
  return { format: input.format, ...importMarkdown(input.bytes, opts) };
}

function withoutBom(bytes: Uint8Array): Uint8Array {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
}
