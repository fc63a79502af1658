import { countWords } from '../deck/pace.js';
import { oneLine, stripAnswerLabel } from './text.js';

/** Longest key point we derive from prose, in words; longer sentences are cut. */
export const MAX_POINT_WORDS = 15;

// Words after which a full stop does not end a sentence.
const ABBREVIATIONS = new Set(['e.g', 'i.e', 'etc', 'vs', 'mr', 'mrs', 'ms', 'dr', 'st', 'inc', 'ltd', 'jr', 'sr', 'no', 'cf', 'approx']);

/** Splits prose into sentences at `.`, `!` or `?` followed by a space and a capital, a digit or a quote. */
export function sentences(text: string): string[] {
  const flat = oneLine(text);
  const out: string[] = [];
  let start = 0;
  const end = /[.!?…]+["'”’)]*\s+(?=["'“‘(]?[\p{Lu}\p{N}])/gu;
  for (const m of flat.matchAll(end)) {
    const before = flat.slice(start, m.index);
    const lastWord = (before.split(/\s+/).at(-1) ?? '').toLowerCase();
    if (m[0].startsWith('.') && ABBREVIATIONS.has(lastWord)) continue;
    out.push(flat.slice(start, m.index + m[0].trimEnd().length));
    start = m.index + m[0].length;
  }
  const rest = flat.slice(start).trim();
  if (rest) out.push(rest);
  return out;
}

/**
 * Makes a sentence short enough to be a key point: its closing full stop dropped, and when it
 * is longer than {@link MAX_POINT_WORDS} words, cut at the last clause break that keeps at least
 * four words (a colon, semicolon or dash before a comma), else after the word limit with `…`.
 */
export function shortenPoint(sentence: string): string {
  const s = oneLine(sentence).replace(/[.…]+$/, '').trim();
  if (countWords(s) <= MAX_POINT_WORDS) return s;
  const cut = lastBreak(s, /\s*(?:[:;]|\s[—–-])\s/g) ?? lastBreak(s, /\s*,\s/g);
  return cut ?? `${s.split(/\s+/).slice(0, MAX_POINT_WORDS).join(' ')}…`;
}

function lastBreak(s: string, breaks: RegExp): string | undefined {
  let best: string | undefined;
  for (const m of s.matchAll(breaks)) {
    const head = s.slice(0, m.index).trim();
    const words = countWords(head);
    if (words > MAX_POINT_WORDS) break;
    if (words >= 4) best = head;
  }
  return best;
}

/**
 * Key points for an answer: its bullets as they are when it has any; otherwise the leading
 * sentence of each paragraph, shortened.
 */
export function derivePoints(paragraphs: readonly string[], bullets: readonly string[]): string[] {
  const points = bullets.length > 0 ? bullets.map(oneLine) : paragraphs.map((p) => shortenPoint(sentences(stripAnswerLabel(p))[0] ?? ''));
  return [...new Set(points.filter((p) => p !== ''))];
}
