import { countWords } from '../deck/pace.js';
import { claimPoints, MAX_CLAIM_WORDS, shortClaim } from './claims.js';
import { isSpace } from './text-bytes.js';
import { oneLine, stripAnswerLabel } from './text.js';

// Words after which a full stop does not end a sentence.
const ABBREVIATIONS = new Set(['e.g', 'i.e', 'etc', 'vs', 'mr', 'mrs', 'ms', 'dr', 'st', 'inc', 'ltd', 'jr', 'sr', 'no', 'cf', 'approx']);

/** Splits prose into sentences at `.`, `!` or `?` followed by a space and a capital, a digit or a quote. */
export function sentences(text: string): string[] {
  const flat = oneLine(text);
  const out: string[] = [];
  let start = 0;
  const end = /[.!?…]+["'”’)]*\s+(?=["'“‘(]?[\p{Lu}\p{N}])/gu;
  for (const m of flat.matchAll(end)) {
    const written = lastWord(flat, start, m.index);
    // "Ms." is a title, but "120 ms." ends a sentence on a unit: answers give times in ms far more often.
    const unit = written === 'ms';
    if (m[0].startsWith('.') && ABBREVIATIONS.has(written.toLowerCase()) && !unit) continue;
    out.push(flat.slice(start, m.index + m[0].trimEnd().length));
    start = m.index + m[0].length;
  }
  const rest = flat.slice(start).trim();
  if (rest) out.push(rest);
  return out;
}

/** The text after the last white space in `text.slice(start, end)`: the word a full stop follows. */
function lastWord(text: string, start: number, end: number): string {
  let i = end;
  while (i > start && !isSpace(text.charCodeAt(i - 1))) i--;
  return text.slice(i, end);
}

/** How many key points import aims for on an answer, and beats on a pitch. */
export const POINTS = { min: 2, max: 6 } as const;
export const BEATS = { min: 3, max: 6 } as const;

/**
 * Key points for an answer: its bullets when it has any (each kept short); otherwise one per
 * claim of its prose, 2 to 6, each at most 12 words, with every figure and its unit kept in
 * some point.
 */
export function derivePoints(paragraphs: readonly string[], bullets: readonly string[]): string[] {
  const points =
    bullets.length > 0
      ? bullets.map((b) => (countWords(b) > MAX_CLAIM_WORDS ? shortClaim(b) : oneLine(b)))
      : claimPoints(
          paragraphs.flatMap((p) => sentences(stripAnswerLabel(p))),
          POINTS,
        );
  return [...new Set(points.filter((p) => p !== ''))];
}

/** A pitch's beats when the sheet lists none: its sentences (or clauses), 3 to 6. */
export function deriveBeats(script: string): string[] {
  return claimPoints(sentences(script), BEATS);
}
