import { figures } from '../answer/figures.js';
import { oneLine } from './text.js';
import { isSpace } from './text-bytes.js';

/** Longest key point import makes, in words. */
export const MAX_CLAIM_WORDS = 12;

// Where a sentence holds a second claim: a semicolon, a colon, a dash, or a comma before a
// word that starts a new clause.
const CLAUSE_BREAK = /\s*;\s+|:\s+|\s+[—–-]\s+|,\s+(?=(?:and|but|so|then|while|which|whereas|because|after|before|until)\s)/giu;
// Words that join a claim to the one before and say nothing on their own.
const LEAD = /^(?:and|but|so|then|also|while|which|whereas|plus|first|second|finally|because)\b,?\s*/i;
// Words a key point can do without, dropped first when a claim is too long.
const LIGHT = new Set(['a', 'an', 'the', 'really', 'very', 'just', 'actually', 'basically', 'simply', 'also', 'then']);
// Words before which a long claim is best cut: what follows is a second claim.
const CLAUSE_WORD = new Set(['and', 'but', 'so', 'until', 'while', 'because', 'which', 'when', 'where', 'with']);

// Stryker disable next-line Regex: splitting at each space instead of each run gives empty words only, which the filter drops.
const wordsOf = (s: string): string[] => s.split(/\s+/).filter(Boolean);

/** `wordsOf(s).length`, counted without making the words. */
export function countOf(s: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < s.length; i++) {
    const space = isSpace(s.charCodeAt(i));
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

/**
 * The clauses of a sentence that each make a claim: split at a semicolon, a dash, a comma
 * before a clause word ("and", "but", "which"...) or a colon; a short lead-in before a colon
 * ("Short version:") and a piece under three words stay with what follows.
 */
export function clauses(sentence: string): string[] {
  const flat = oneLine(sentence);
  const out: string[] = [];
  let carry = '';
  let at = 0;
  const take = (piece: string, sep: string, last: boolean): void => {
    const p = piece.replace(LEAD, '').replace(/[.!…]+$/, '').trim();
    const joined = carry ? `${carry}${p}` : p;
    const n = countOf(joined);
    const short = n < 3 || (sep.trim() === ':' && n < 5);
    if (short && !last) carry = `${joined}${sep.trim() === ':' ? ': ' : ' '}`;
    else if (joined) {
      out.push(joined);
      carry = '';
    }
  };
  for (const m of flat.matchAll(CLAUSE_BREAK)) {
    take(flat.slice(at, m.index), m[0], false);
    at = m.index + m[0].length;
  }
  // Stryker disable next-line StringLiteral: the last piece is never carried, so its separator is never read.
  take(flat.slice(at), '', true);
  return out.flatMap(splitLong);
}

/** A clause too long for one point, split before an "and", "but" or "so" that leaves 3 words each side. */
function splitLong(clause: string): string[] {
  if (countOf(clause) <= MAX_CLAIM_WORDS) return [clause];
  const ws = wordsOf(clause);
  for (let i = ws.length - 4; i >= 3; i--) {
    if (/^(?:and|but|so)$/i.test(ws[i]!)) return [...splitLong(ws.slice(0, i).join(' ')), ws.slice(i + 1).join(' ')];
  }
  return [clause];
}

/**
 * A claim made short enough to be a key point ({@link MAX_CLAIM_WORDS} words at most): light
 * words ("the", "really") go first; then the tail is cut, except its figures with their units,
 * which are kept at the end ("... across racks, 50 MB/s").
 */
export function shortClaim(claim: string): string {
  let ws = wordsOf(claim.replace(LEAD, '').replace(/[.!…]+$/, ''));
  if (ws.length > MAX_CLAIM_WORDS) {
    ws = ws.filter((w, i) => i === 0 || !LIGHT.has(w.toLowerCase()));
    // "We dual-ran..." says as much as "Dual-ran..." in a key point.
    if (ws.length > MAX_CLAIM_WORDS && /^(?:i|we)$/i.test(ws[0]!)) ws = ws.slice(1);
  }
  if (ws.length <= MAX_CLAIM_WORDS) return capitalise(ws.join(' '));
  const text = ws.join(' ');
  const figs = figures(text);
  // Cut after the last comma, or before the last clause word, that keeps half the words.
  let keep = MAX_CLAIM_WORDS;
  for (let i = MAX_CLAIM_WORDS - 1; i >= MAX_CLAIM_WORDS / 2 - 1; i--) {
    if (ws[i]!.endsWith(',') || CLAUSE_WORD.has(ws[i + 1]!.toLowerCase())) {
      keep = i + 1;
      break;
    }
  }
  let head = '';
  let lost: string[] = [];
  // Shrink the head until the figures it cuts off fit after it.
  for (; keep > 2; keep--) {
    head = ws.slice(0, keep).join(' ').replace(/[,;:]$/, '');
    lost = figs.filter((f) => f.start >= head.length).map((f) => f.text);
    if (keep + lost.reduce((n, f) => n + countOf(f), 0) <= MAX_CLAIM_WORDS) break;
  }
  return capitalise(lost.length > 0 ? `${head}, ${lost.join(', ')}` : head);
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * Key points from prose: one per claim (a sentence, or a clause of a long one), each shortened
 * by {@link shortClaim}; at most `max`, those with figures first, in their order; then any
 * figure of the text no point holds is added, as its own point while there is room.
 */
export function claimPoints(sentences: readonly string[], opts: { min: number; max: number }): string[] {
  let claims = sentences.flatMap((s) => {
    const parts = clauses(s);
    // A sentence short enough to be one point stays one point.
    return parts.length > 1 && sentences.length >= opts.min && countOf(s) <= MAX_CLAIM_WORDS ? [s] : parts;
  });
  // Too few claims: split them at commas too, but a claim with no piece of three words stays whole
  // (dropping it left "The product." with no key point at all, and a short pitch with no beats).
  if (claims.length < opts.min) {
    claims = claims.flatMap((c) => {
      const pieces = c.split(/,\s+/).filter((p) => countOf(p) >= 3);
      return pieces.length > 0 ? pieces : [c];
    });
  }
  let points = [...new Set(claims.map(shortClaim).filter(Boolean))];
  // Stryker disable next-line ConditionalExpression,EqualityOperator: choosing `max` of at most `max` points keeps them all, in their order.
  if (points.length > opts.max) {
    const withFigure = (p: string) => figures(p).length > 0;
    const chosen = new Set([...points.filter(withFigure), ...points.filter((p) => !withFigure(p))].slice(0, opts.max));
    points = points.filter((p) => chosen.has(p));
  }
  const text = sentences.join(' ');
  for (const f of figures(text)) {
    if (points.some((p) => p.includes(f.number))) continue;
    if (points.length < opts.max) points.push(f.text);
    else points[points.length - 1] += `, ${f.text}`;
  }
  return points;
}

/** Bullets read as prose: each a sentence, capitalised and closed with a full stop. */
export function bulletProse(bullets: readonly string[]): string {
  return bullets
    .map((b) => capitalise(oneLine(b)))
    .filter(Boolean)
    .map((b) => (/[.!?…]$/.test(b) ? b : `${b}.`))
    .join(' ');
}
