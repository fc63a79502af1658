import { extname } from 'node:path';
import { importAnki } from './anki.js';
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
