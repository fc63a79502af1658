import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { keyOf } from './words.js';

/**
 * Synonyms from WordNet 3.1: the synonym sets that scripts/make-lexicon.mjs writes next to the
 * bundle (dist/wordnet-synonyms.txt, about 470 KB), one set a line. Only a word's two most common
 * senses put it in a set, and only words of the same set count as synonyms: no broader or
 * narrower terms, so "network" never matches "system".
 */
export interface Lexicon {
  /**
   * The keys (see `keyOf`) of the words that share a synonym set with a word, given as
   * `plainWord` leaves it and by its key; without the key itself.
   */
  synonyms(plain: string, key: string): ReadonlySet<string>;
  /** How many synonym sets it holds (0 when the file was not found). */
  size: number;
}

const FILE = 'wordnet-synonyms.txt';
// The bundles sit beside the file (dist/prep.js), or one folder down (dist/bench); the sources
// find it in dist/ of the checkout, where the build and the test setup write it.
const PLACES = [`./${FILE}`, `../${FILE}`, `../../../dist/${FILE}`];

let loaded: Lexicon | undefined;

/** Where the synonym file is, or undefined when this install has none. */
export function lexiconPath(): string | undefined {
  for (const place of PLACES) {
    const path = fileURLToPath(new URL(place, import.meta.url));
    if (existsSync(path)) return path;
  }
  return undefined;
}

/** A word's likely dictionary forms: itself, and itself without a plural or tense ending. */
function baseForms(plain: string): string[] {
  const out = [plain];
  const strip = (suffix: string, add = '') => {
    if (plain.length > suffix.length + 2 && plain.endsWith(suffix)) out.push(plain.slice(0, -suffix.length) + add);
  };
  strip('s');
  strip('es');
  strip('ies', 'y');
  strip('ed');
  strip('ed', 'e');
  strip('ing');
  strip('ing', 'e');
  strip('ly');
  return out;
}

/**
 * Builds a lexicon from the file's text: lines of words, `#` lines are comments. Words are
 * indexed as written; a word's comparison key is worked out only for the few sets a typed
 * answer asks about, since stemming all 45,000 words would cost half a second.
 */
export function parseLexicon(text: string): Lexicon {
  const lines = text.split('\n').filter((l) => l && !l.startsWith('#'));
  const byWord = new Map<string, number[]>();
  lines.forEach((line, i) => {
    for (const w of line.split(' ')) {
      const list = byWord.get(w);
      if (list) list.push(i);
      else byWord.set(w, [i]);
    }
  });
  const cache = new Map<string, ReadonlySet<string>>();
  return {
    size: lines.length,
    synonyms(plain, key) {
      let out = cache.get(plain);
      if (!out) {
        const s = new Set<string>();
        for (const form of baseForms(plain)) {
          if (keyOf(form) !== key) continue;
          for (const i of byWord.get(form) ?? []) for (const w of lines[i]!.split(' ')) s.add(keyOf(w));
        }
        s.delete(key);
        cache.set(plain, (out = s));
      }
      return out;
    },
  };
}

const EMPTY: Lexicon = { size: 0, synonyms: () => new Set() };

/**
 * The lexicon, read on first use only: checking a typed answer is the one thing that needs it,
 * so a drill's start never pays for it. An install without the file matches without synonyms.
 */
export function lexicon(): Lexicon {
  // Stryker disable next-line ConditionalExpression: a cache; reading the file again gives the same lexicon
  if (!loaded) {
    const path = lexiconPath();
    loaded = path ? parseLexicon(readFileSync(path, 'utf8')) : EMPTY;
  }
  return loaded;
}
