// Key-point derivation (src/core/import/claims.ts, points.ts and text.ts's oneLine) as it was
// before it was made faster (words counted without arrays, no second oneLine of a sentence),
// kept unchanged so that test/core/import/points-same.test.ts can show the new code gives the
// same points. Not used by prep itself.
import { figures } from '../../../../src/core/answer/figures.js';
import { countWords } from '../../../../src/core/deck/pace.js';
import { cleanText, stripAnswerLabel } from '../../../../src/core/import/text.js';

export function oneLine(text: string): string {
  return cleanText(text).replace(/\s+/g, ' ');
}

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

const wordsOf = (s: string): string[] => s.split(/\s+/).filter(Boolean);

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
    const short = wordsOf(joined).length < 3 || (sep.trim() === ':' && wordsOf(joined).length < 5);
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
  take(flat.slice(at), '', true);
  return out.flatMap(splitLong);
}

/** A clause too long for one point, split before an "and", "but" or "so" that leaves 3 words each side. */
function splitLong(clause: string): string[] {
  const ws = wordsOf(clause);
  if (ws.length <= MAX_CLAIM_WORDS) return [clause];
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
    if (keep + lost.reduce((n, f) => n + wordsOf(f).length, 0) <= MAX_CLAIM_WORDS) break;
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
    return wordsOf(s).length <= MAX_CLAIM_WORDS && parts.length > 1 && sentences.length >= opts.min ? [s] : parts;
  });
  // Too few claims: split them at commas too, but a claim with no piece of three words stays whole
  // (dropping it left "The product." with no key point at all, and a short pitch with no beats).
  if (claims.length < opts.min) {
    claims = claims.flatMap((c) => {
      const pieces = c.split(/,\s+/).filter((p) => wordsOf(p).length >= 3);
      return pieces.length > 0 ? pieces : [c];
    });
  }
  let points = [...new Set(claims.map(shortClaim).filter(Boolean))];
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
    const written = before.split(/\s+/).at(-1) ?? '';
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
