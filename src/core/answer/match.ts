import { lexicon } from './lexicon.js';
import { americanSpelling, isNumberWord, keyOf, plainWord, words, type Word } from './words.js';

export { words, type Word } from './words.js';

/**
 * The share of a key point's content words a typed answer must contain for the point to count
 * as covered: "most of them". With 1 or 2 content words that means all; 3 of 4; 3 of 5.
 */
export const COVERAGE_THRESHOLD = 0.6;

/** A key point as the deck gives it: its text and the other phrasings it accepts (`match:`). */
export interface KeyPoint {
  text: string;
  match?: readonly string[];
}

/** What a deck adds to matching: `aliases:`, each side accepted for the other (`OTel: OpenTelemetry`). */
export interface MatchOptions {
  aliases?: Readonly<Record<string, string>>;
}

/** Why a point's word counts as said, when the answer did not use the very same word. */
export type MatchRule = 'word form' | 'number' | 'spelling' | 'hyphen' | 'alias' | 'synonym';

/** One point word found in the answer in another form, and through which rule. */
export interface WordMatch {
  /** The word of the point (or of the accepted phrasing). */
  point: string;
  /** What the answer said for it. */
  answer: string;
  rule: MatchRule;
}

/** A run of a text, marked when it is a word that matched. Joined, the runs give the text back. */
export interface Segment {
  text: string;
  hit: boolean;
}

/** How one key point fared against a typed answer. */
export interface PointCoverage {
  point: string;
  covered: boolean;
  /** The content words of the phrasing that scored best, as written, without repeats. */
  words: string[];
  /** Those of `words` the answer says, the same or through a rule in `via`. */
  matched: string[];
  /** The point, with its matched words marked, for highlighting. */
  segments: Segment[];
  /** The matched words the answer put differently, and the rule that accepted each. */
  via: WordMatch[];
  /** The accepted phrasing (`match:`) that scored better than the point's own text, if one did. */
  alternative?: string;
}

/** Every key point of a card against one typed answer. */
export interface Coverage {
  points: PointCoverage[];
  /** How many points are covered. */
  covered: number;
  total: number;
  /** Points covered count 1 each, the others their share of words said: 0..total. */
  score: number;
  /** The typed answer, with the words that matched some point marked. */
  answer: Segment[];
}

/** A word of the answer as the matcher looks it up; aliases add words the answer said in other terms. */
interface Said {
  word: Word;
  rule?: 'alias' | 'hyphen';
}

type Index = Map<string, Said[]>;

function add(index: Index, key: string, said: Said): void {
  const list = index.get(key);
  if (list) list.push(said);
  else index.set(key, [said]);
}

const keysOf = (phrase: string): string[] => words(phrase).filter((w) => !w.stop).map((w) => w.key);

/** Where `keys` stand one after another in `ws` (content words only), as the first word's index. */
function findRun(ws: readonly Word[], keys: readonly string[]): number[] {
  const content = ws.filter((w) => !w.stop);
  const at: number[] = [];
  if (keys.length === 0) return at;
  for (let i = 0; i + keys.length <= content.length; i++) {
    if (keys.every((k, j) => content[i + j]!.key === k)) at.push(ws.indexOf(content[i]!));
  }
  return at;
}

/** The typed answer's words by key, with two words run together ("post mortem") and aliases added. */
function indexAnswer(typed: readonly Word[], opts: MatchOptions): Index {
  const index: Index = new Map();
  typed.forEach((w, i) => {
    add(index, w.key, { word: w });
    const next = typed[i + 1];
    // Two numbers side by side are two figures: "1.2 5" must not say 1.25, nor "1 5" say 15.
    if (next && !(isFigure(w) && isFigure(next))) add(index, keyOf(plainWord(w.text) + plainWord(next.text)), { word: w, rule: 'hyphen' });
  });
  for (const [a, b] of Object.entries(opts.aliases ?? {})) {
    for (const [from, to] of [[a, b], [b, a]] as const) {
      for (const i of findRun(typed, keysOf(from))) for (const k of keysOf(to)) add(index, k, { word: typed[i]!, rule: 'alias' });
    }
  }
  return index;
}

/** The rule that made two different spellings of a word compare equal. */
function ruleFor(point: Word, said: Word): MatchRule | null {
  const p = plainWord(point.text);
  const s = plainWord(said.text);
  if (p === s) return null;
  if (isNumberWord(p) || isNumberWord(s)) return 'number';
  if (americanSpelling(p) !== p || americanSpelling(s) !== s) return 'spelling';
  return 'word form';
}

interface Scored {
  decide: Word[];
  hits: Map<Word, { said: Word; rule: MatchRule | null }>;
  share: number;
}

/** One phrasing of a point against the indexed answer. */
function score(phrase: string, index: Index): Scored & { all: Word[] } {
  const all = words(phrase);
  const content = all.filter((w) => !w.stop);
  const pool = content.length > 0 ? content : all;
  const seen = new Set<string>();
  const decide = pool.filter((w) => !seen.has(w.key) && seen.add(w.key));
  const hits: Scored['hits'] = new Map();
  const find = (key: string, negated: boolean): Said | undefined => index.get(key)?.find((s) => s.word.negated === negated);
  for (const w of decide) {
    const direct = find(w.key, w.negated);
    if (direct) {
      hits.set(w, { said: direct.word, rule: direct.rule ?? ruleFor(w, direct.word) });
      continue;
    }
    // "post-mortem" in the point, "postmortem" in the answer.
    const i = all.indexOf(w);
    const next = all[i + 1];
    const prev = all[i - 1];
    const joined =
      (w.joinedToNext && next && find(keyOf(plainWord(w.text) + plainWord(next.text)), w.negated)) ||
      (prev?.joinedToNext && find(keyOf(plainWord(prev.text) + plainWord(w.text)), w.negated));
    if (joined) {
      hits.set(w, { said: joined.word, rule: 'hyphen' });
      continue;
    }
    if (w.stop || isFigure(w)) continue;
    for (const syn of lexicon().synonyms(plainWord(w.text), w.key)) {
      const s = find(syn, w.negated);
      if (s) {
        hits.set(w, { said: s.word, rule: 'synonym' });
        break;
      }
    }
  }
  return { all, decide, hits, share: decide.length === 0 ? 1 : hits.size / decide.length };
}

/** Splits `text` into runs, marking the words for which `hit` is true. */
function segment(text: string, ws: readonly Word[], hit: (w: Word) => boolean): Segment[] {
  const out: Segment[] = [];
  let at = 0;
  const push = (s: string, h: boolean) => {
    if (!s) return;
    // Stryker disable next-line ArithmeticOperator: runs alternate (text between hits, then a hit), so two runs of one kind never meet
    const last = out[out.length - 1];
    // Stryker disable next-line ConditionalExpression,AssignmentOperator: runs alternate, so two runs of one kind never meet
    if (last && last.hit === h) last.text += s;
    else out.push({ text: s, hit: h });
  };
  for (const w of ws) {
    if (!hit(w)) continue;
    push(text.slice(at, w.start), false);
    push(text.slice(w.start, w.end), true);
    at = w.end;
  }
  push(text.slice(at), false);
  return out;
}

function pointCoverage(point: KeyPoint, index: Index, said: Set<string>): PointCoverage {
  const own = score(point.text, index);
  let best: Scored = own;
  let alternative: string | undefined;
  // Stryker disable next-line ArrayDeclaration: a made-up phrasing in the mutant would score only against an answer that says it
  for (const alt of point.match ?? []) {
    const s = score(alt, index);
    if (s.share > best.share) [best, alternative] = [s, alt];
  }
  for (const { said: w } of best.hits.values()) said.add(w.key);
  const via: WordMatch[] = [];
  for (const [w, h] of best.hits) if (h.rule) via.push({ point: w.text, answer: h.said.text, rule: h.rule });
  return {
    point: point.text,
    // A point with no word at all asks for nothing that could be missed; a figure must be said.
    covered: best.share >= COVERAGE_THRESHOLD && best.decide.every((w) => !isFigure(w) || best.hits.has(w)),
    words: best.decide.map((w) => w.text),
    matched: best.decide.filter((w) => best.hits.has(w)).map((w) => w.text),
    segments: segment(point.text, own.all, (w) => own.hits.has(w) && alternative === undefined),
    via,
    // Stryker disable next-line ConditionalExpression: an alternative key holding undefined reads the same as none
    ...(alternative === undefined ? {} : { alternative }),
  };
}

/** A number, or a word with digits in it ("p99", "3x"): the figures a point stands on. */
const isFigure = (w: Word): boolean => /\p{N}/u.test(w.key);

const asPoint = (p: string | KeyPoint): KeyPoint => (typeof p === 'string' ? { text: p } : p);

/**
 * Every key point against a typed answer, with the matched words marked on both sides. A typed
 * answer covers a key point when at least COVERAGE_THRESHOLD of the point's content words are
 * said in it, the same or through a rule: another form of the word, a number in words, a British
 * spelling, a hyphen, a deck alias, a WordNet synonym. A word said under a negation ("never",
 * "not") only matches a word negated in the point too.
 */
export function coverage(typed: string, points: readonly (string | KeyPoint)[], opts: MatchOptions = {}): Coverage {
  const typedWords = words(typed);
  const index = indexAnswer(typedWords, opts);
  const said = new Set<string>();
  const results = points.map((p) => pointCoverage(asPoint(p), index, said));
  // Stryker disable next-line ConditionalExpression: a point with no words is always covered, so the 0 branch is never reached
  const share = (r: PointCoverage) => (r.covered ? 1 : r.words.length === 0 ? 0 : r.matched.length / r.words.length);
  return {
    points: results,
    covered: results.filter((r) => r.covered).length,
    total: results.length,
    score: results.reduce((sum, r) => sum + share(r), 0),
    answer: segment(typed, typedWords, (w) => !w.stop && said.has(w.key)),
  };
}
