import { stemmer } from 'stemmer';
import { eng } from 'stopword';

/**
 * The share of a key point's content words a typed answer must contain for the point to count
 * as covered: "most of them". With 1 or 2 content words that means all; 3 of 4; 3 of 5.
 */
export const COVERAGE_THRESHOLD = 0.6;

/** One word of a text, where it stands, and the form it is compared by. */
export interface Word {
  /** As written. */
  text: string;
  /** Offsets in the text: `text.slice(start, end)`. */
  start: number;
  end: number;
  /** Lower-case, accents off, stemmed: "Isolating" and "isolation" both give "isol". */
  key: string;
  /** A stop word ("the", "and", "with"...), which never decides coverage. */
  stop: boolean;
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
  /** The point's content words, as written in the point, without repeats. */
  words: string[];
  /** Those of `words` the answer contains. */
  matched: string[];
  /** The point, with its matched words marked, for highlighting. */
  segments: Segment[];
}

/** Every key point of a card against one typed answer. */
export interface Coverage {
  points: PointCoverage[];
  /** How many points are covered. */
  covered: number;
  total: number;
  /** The typed answer, with the words that matched some point marked. */
  answer: Segment[];
}

const STOP = new Set(eng);

// Letters and digits, with inner apostrophes (don't, agent's) and inner decimal points (1.5).
const WORD = /\p{N}+(?:\.\p{N}+)+|[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;
const NUMBER = /^\p{N}+(?:\.\p{N}+)*$/u;

/** Lower case, accents off: "Café" -> "cafe". */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

/**
 * The Porter stemmer (`stemmer`) is not quite consistent across one family: a final y becomes i
 * on some forms only ("deploy" -> "deploi" but "deployment" -> "deploy"), and a final e is kept
 * on some only ("queue" -> "queue" but "queued" -> "queu"). Both are folded here. The e rule
 * waits for five letters so that short stems ("note", "not") stay apart.
 */
function normaliseStem(stem: string): string {
  const s = stem.endsWith('y') ? `${stem.slice(0, -1)}i` : stem;
  return s.length >= 5 && s.endsWith('e') ? s.slice(0, -1) : s;
}

/** The comparison key of one word; numbers are kept as they are. */
function keyOf(folded: string): string {
  return NUMBER.test(folded) ? folded : normaliseStem(stemmer(folded));
}

/**
 * The words of a text: case- and accent-insensitive, stemmed, stop words flagged (the English
 * list of `stopword`), numbers kept. A possessive 's is dropped and other apostrophes removed,
 * so "agent's" is "agent" and "don't" is "dont".
 */
export function words(text: string): Word[] {
  const out: Word[] = [];
  for (const m of text.matchAll(WORD)) {
    const folded = fold(m[0])
      .replace(/['’]s$/, '')
      .replace(/['’]/g, '');
    out.push({ text: m[0], start: m.index, end: m.index + m[0].length, key: keyOf(folded), stop: STOP.has(folded) });
  }
  return out;
}

/** The words that decide a point: its content words, or all of them when it has only stop words. */
function deciding(ws: readonly Word[]): Word[] {
  const content = ws.filter((w) => !w.stop);
  return content.length > 0 ? content : [...ws];
}

/** Splits `text` into runs, marking the words for which `hit` is true. */
function segment(text: string, ws: readonly Word[], hit: (w: Word) => boolean): Segment[] {
  const out: Segment[] = [];
  let at = 0;
  const push = (s: string, h: boolean) => {
    if (!s) return;
    const last = out[out.length - 1];
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

/** One key point against the keys of a typed answer (see `words`), with the keys that hit. */
function matchKeys(point: string, typed: ReadonlySet<string>): { result: PointCoverage; hits: Set<string> } {
  const ws = words(point);
  const decide = deciding(ws);
  const firsts = new Map<string, Word>();
  for (const w of decide) if (!firsts.has(w.key)) firsts.set(w.key, w);
  const hits = new Set([...firsts.keys()].filter((k) => typed.has(k)));
  // A point with no word at all asks for nothing that could be missed.
  const covered = firsts.size === 0 || hits.size / firsts.size >= COVERAGE_THRESHOLD;
  const deciders = new Set(decide);
  const result = {
    point,
    covered,
    words: [...firsts.values()].map((w) => w.text),
    matched: [...firsts.values()].filter((w) => hits.has(w.key)).map((w) => w.text),
    segments: segment(point, ws, (w) => deciders.has(w) && hits.has(w.key)),
  };
  return { result, hits };
}

/**
 * Every key point against a typed answer, with the matched words marked on both sides. A typed
 * answer covers a key point when at least COVERAGE_THRESHOLD of the point's content words appear
 * in it, compared as `words` does. It checks words, not meaning: a synonym is a miss, and a
 * negated sentence still matches.
 */
export function coverage(typed: string, points: readonly string[]): Coverage {
  const typedWords = words(typed);
  const keys = new Set(typedWords.map((w) => w.key));
  const matches = points.map((p) => matchKeys(p, keys));
  const hit = new Set(matches.flatMap((m) => [...m.hits]));
  const results = matches.map((m) => m.result);
  return {
    points: results,
    covered: results.filter((r) => r.covered).length,
    total: results.length,
    answer: segment(typed, typedWords, (w) => hit.has(w.key)),
  };
}
