// The word functions of src/core/answer/words.ts as they were before they were made faster
// (a table of written forms, one test before the spelling replaces, no slices between words),
// kept unchanged so that test/core/answer/words-same.test.ts can show the new ones give the
// same results. Not used by prep itself.
import { stemmer } from 'stemmer';
import { eng } from 'stopword';

/** One word of a text, where it stands, and the form it is compared by. */
export interface Word {
  /** As written. */
  text: string;
  /** Offsets in the text: `text.slice(start, end)`. */
  start: number;
  end: number;
  /**
   * Lower-case, accents off, British spelling made American, a number word made digits, then
   * stemmed: "Isolating" and "isolation" both give "isol", "seven" gives "7".
   */
  key: string;
  /** A stop word ("the", "and", "with"...), which never decides coverage. */
  stop: boolean;
  /** Said under a negation ("never", "not", "no", "don't"...) a few words before, in its clause. */
  negated: boolean;
  /** Joined to the next word by a hyphen or a slash in the text ("post-mortem", "MB/s"). */
  joinedToNext: boolean;
}

// `stopword`'s English list leaves out a few words that carry no point of their own.
const STOP = new Set([...eng, 'per', 'via', 'vs', 'etc']);

// Letters and digits, with inner apostrophes (don't, agent's) and inner decimal points (1.5).
const WORD = /\p{N}+(?:\.\p{N}+)+|[\p{L}\p{N}]+(?:['\u2019][\p{L}\p{N}]+)*/gu;
const NUMBER = /^\p{N}+(?:\.\p{N}+)*$/u;

const NUMBER_WORDS: Record<string, string> = {
  zero: '0', one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9',
  ten: '10', eleven: '11', twelve: '12', thirteen: '13', fourteen: '14', fifteen: '15', sixteen: '16',
  seventeen: '17', eighteen: '18', nineteen: '19', twenty: '20', thirty: '30', forty: '40', fifty: '50',
  sixty: '60', seventy: '70', eighty: '80', ninety: '90', hundred: '100', thousand: '1000', million: '1000000',
  dozen: '12',
};

/** Words that turn what follows in their clause around ("never", "not", "don't"). */
const NEGATIONS = new Set(['not', 'no', 'never', 'nobody', 'nothing', 'none', 'neither', 'nor', 'without', 'cannot', 'instead']);
/** How many content words after a negation it reaches. */
const NEGATION_REACH = 3;

/** Lower case, accents off: "Café" -> "cafe". */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

/**
 * British spellings made American, by the regular patterns: optimise/optimize, colour/color,
 * analyse/analyze, centre/center, modelling/modeling, defence/defense, catalogue/catalog. Both
 * sides of a comparison go through it, so a word it changes needlessly ("promise" -> "promize")
 * still compares equal to itself.
 */
export function americanSpelling(w: string): string {
  if (w.length < 5) return w;
  return w
    .replace(/(?<=\w{3})is(e|ed|es|ing|ation|ations|er|ers)$/, 'iz$1')
    .replace(/(?<=\w{3})ys(e|ed|es|ing)$/, 'yz$1')
    .replace(/(?<=\w{2}[^aeiou])our(s|ed|ing|ite|ites|able)?$/, 'or$1')
    .replace(/(?<=\w{2}[tb])re(s|d)?$/, 'er$1')
    .replace(/(?<=\w{2}[ae])ll(ed|ing|er|ers)$/, 'l$1')
    .replace(/(?<=\w{2}(?:fen|cen|ten))ce(s)?$/, 'se$1')
    .replace(/(?<=\w{3})ogue(s)?$/, 'og$1');
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

/** A word as it is looked up: folded, apostrophes off, a possessive 's dropped. */
export function plainWord(text: string): string {
  return fold(text)
    .replace(/['\u2019]s$/, '')
    .replace(/['\u2019]/g, '');
}

/** The comparison key of one plain word (see {@link plainWord}); numbers are kept as they are. */
export function keyOf(plain: string): string {
  if (NUMBER.test(plain)) return plain;
  // The one change from the old code: it found Object's own function under "constructor".
  const number = Object.hasOwn(NUMBER_WORDS, plain) ? NUMBER_WORDS[plain] : undefined;
  if (number) return number;
  // An adverb is its adjective or noun: hourly = hour, quickly = quick (not "only", "daily").
  const word = plain.length > 5 && plain.endsWith('ly') ? plain.slice(0, -2) : plain;
  return normaliseStem(stemmer(americanSpelling(word)));
}

/** True when a word is written as a number word that {@link keyOf} turns into digits. */
export function isNumberWord(plain: string): boolean {
  return Object.hasOwn(NUMBER_WORDS, plain);
}

// "-n't" words as `plainWord` leaves them, for when the apostrophe was left out.
const NT = new Set(['dont', 'didnt', 'doesnt', 'isnt', 'wasnt', 'werent', 'arent', 'cant', 'couldnt', 'wouldnt', 'shouldnt', 'wont', 'hasnt', 'havent', 'hadnt', 'mustnt']);

function negates(written: string, plain: string): boolean {
  return NEGATIONS.has(plain) || NT.has(plain) || /n['\u2019]t$/i.test(written);
}

/**
 * The words of a text: case- and accent-insensitive, stemmed, stop words flagged (the English
 * list of `stopword`), numbers kept, number words read as numbers. A possessive 's is dropped
 * and other apostrophes removed, so "agent's" is "agent" and "don't" is "dont". A word is
 * marked negated when "not", "never", "no", a "-n't" word... stands up to three content words before it
 * with no comma, full stop or "but" between.
 */
export function words(text: string): Word[] {
  const out: Word[] = [];
  // Content words a negation still reaches.
  let reach = 0;
  let prevEnd = 0;
  for (const m of text.matchAll(WORD)) {
    const plain = plainWord(m[0]);
    const gap = text.slice(prevEnd, m.index);
    if (/[,.;:!?()]/.test(gap) || plain === 'but') reach = 0;
    const last = out[out.length - 1];
    if (last && /^[-\u2010\u2013/]$/.test(gap)) last.joinedToNext = true;
    const isNeg = negates(m[0], plain);
    const stop = STOP.has(plain) || isNeg;
    out.push({
      text: m[0],
      start: m.index,
      end: m.index + m[0].length,
      key: keyOf(plain),
      stop,
      negated: !isNeg && reach > 0,
      joinedToNext: false,
    });
    if (isNeg) reach = NEGATION_REACH;
    else if (!stop && reach > 0) reach--;
    prevEnd = m.index + m[0].length;
  }
  return out;
}

/** americanSpelling's patterns one by one, so the test can show its words meet each of them. */
export const SPELLING_RULES: ReadonlyArray<[RegExp, string]> = [
  [/(?<=\w{3})is(e|ed|es|ing|ation|ations|er|ers)$/, 'iz$1'],
  [/(?<=\w{3})ys(e|ed|es|ing)$/, 'yz$1'],
  [/(?<=\w{2}[^aeiou])our(s|ed|ing|ite|ites|able)?$/, 'or$1'],
  [/(?<=\w{2}[tb])re(s|d)?$/, 'er$1'],
  [/(?<=\w{2}[ae])ll(ed|ing|er|ers)$/, 'l$1'],
  [/(?<=\w{2}(?:fen|cen|ten))ce(s)?$/, 'se$1'],
  [/(?<=\w{3})ogue(s)?$/, 'og$1'],
];
