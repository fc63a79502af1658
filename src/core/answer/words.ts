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
// Stryker disable next-line Regex: keyOf's fast path for numbers; the stemmer leaves digits as they are
const NUMBER = /^\p{N}+(?:\.\p{N}+)*$/u;

// A Map, not an object: a word is looked up in it, and "constructor" is a key of every object.
const NUMBER_WORDS = new Map(
  Object.entries({
    zero: '0', one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9',
    ten: '10', eleven: '11', twelve: '12', thirteen: '13', fourteen: '14', fifteen: '15', sixteen: '16',
    seventeen: '17', eighteen: '18', nineteen: '19', twenty: '20', thirty: '30', forty: '40', fifty: '50',
    sixty: '60', seventy: '70', eighty: '80', ninety: '90', hundred: '100', thousand: '1000', million: '1000000',
    dozen: '12',
  }),
);

/** Words that turn what follows in their clause around ("never", "not", "don't"). */
const NEGATIONS = new Set(['not', 'no', 'never', 'nobody', 'nothing', 'none', 'neither', 'nor', 'without', 'cannot', 'instead']);
/** How many content words after a negation it reaches. */
const NEGATION_REACH = 3;

/** Lower case, accents off: "Café" -> "cafe". */
export function fold(text: string): string {
  // Stryker disable next-line Regex: with the g flag, marks one at a time are removed all the same
  return text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

// The endings of americanSpelling's patterns, without what they ask of the letters before: a
// word with none of them matches no pattern and is left as it is. Most words have none, and
// one test costs less than seven replaces.
// Stryker disable next-line Regex: a fast path; a wider test only sends more words to the replaces
const BRITISH_ENDING = /(?:is(?:e|ed|es|ing|ation|ations|er|ers)|ys(?:e|ed|es|ing)|our(?:s|ed|ing|ite|ites|able)?|[tb]re[sd]?|[ae]ll(?:ed|ing|er|ers)|(?:fen|cen|ten)ces?|ogues?)$/;

/**
 * British spellings made American, by the regular patterns: optimise/optimize, colour/color,
 * analyse/analyze, centre/center, modelling/modeling, defence/defense, catalogue/catalog. Both
 * sides of a comparison go through it, so a word it changes needlessly ("promise" -> "promize")
 * still compares equal to itself.
 */
export function americanSpelling(w: string): string {
  // Stryker disable next-line ConditionalExpression: a fast path; no pattern below matches a word under 5 letters
  if (w.length < 5 || !BRITISH_ENDING.test(w)) return w;
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
  // Stryker disable next-line ConditionalExpression: a fast path; the stemmer leaves digits as they are
  if (NUMBER.test(plain)) return plain;
  const number = NUMBER_WORDS.get(plain);
  if (number) return number;
  // An adverb is its adjective or noun: hourly = hour, quickly = quick (not "only", "daily").
  const word = plain.length > 5 && plain.endsWith('ly') ? plain.slice(0, -2) : plain;
  return normaliseStem(stemmer(americanSpelling(word)));
}

/** True when a word is written as a number word that {@link keyOf} turns into digits. */
export function isNumberWord(plain: string): boolean {
  return NUMBER_WORDS.has(plain);
}

// "-n't" words as `plainWord` leaves them, for when the apostrophe was left out.
const NT = new Set(['dont', 'didnt', 'doesnt', 'isnt', 'wasnt', 'werent', 'arent', 'cant', 'couldnt', 'wouldnt', 'shouldnt', 'wont', 'hasnt', 'havent', 'hadnt', 'mustnt']);

function negates(written: string, plain: string): boolean {
  return NEGATIONS.has(plain) || NT.has(plain) || /n['\u2019]t$/i.test(written);
}

/** What a written word says, worked out once per distinct form (see {@link readWord}). */
interface WordForm {
  key: string;
  stop: boolean;
  negation: boolean;
  /** The word is "but", which ends a negation's reach. */
  but: boolean;
}

/**
 * How many distinct written forms {@link readWord} remembers. Words in text are far from evenly
 * spread: in 2 MB of English package documentation (282,000 words, 16,000 distinct), the last
 * 4,096 forms seen catch 86% of words (1,024: 75%; 8,192: 90%). A full table holds about
 * 0.7 MB of heap; when full it is emptied, and fills again with the words in use.
 */
const FORMS_KEPT = 4096;
const forms = new Map<string, WordForm>();

/** A written word's key, stop flag and negation, from the table or worked out and added to it. */
function readWord(written: string): WordForm {
  let form = forms.get(written);
  if (form === undefined) {
    // Stryker disable next-line ConditionalExpression,EqualityOperator: emptying the table sooner or never gives the same words
    if (forms.size >= FORMS_KEPT) forms.clear();
    // A copy of the word, not the match: V8 may make a matched word of 13 letters or more a
    // view into the whole text (a regex match stored in a Map kept 2,000 texts of 49 KB alive,
    // 100 MB, in a test of Node 20), and the table must not hold on to the answers and YAML
    // pieces its words came from. The key and plain forms are made from the copy too.
    const own = (' ' + written).slice(1);
    const plain = plainWord(own);
    const negation = negates(own, plain);
    form = { key: keyOf(plain), stop: STOP.has(plain) || negation, negation, but: plain === 'but' };
    forms.set(own, form);
  }
  return form;
}

/** True when the text between two words holds a mark that ends a negation's reach: `,.;:!?()`. */
function breaksClause(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    switch (text.charCodeAt(i)) {
      case 0x2c: case 0x2e: case 0x3b: case 0x3a: case 0x21: case 0x3f: case 0x28: case 0x29:
        return true;
    }
  }
  return false;
}

/** True when the text between two words is a hyphen, a dash or a slash alone: "post-mortem", "MB/s". */
function joins(text: string, from: number, to: number): boolean {
  if (to - from !== 1) return false;
  const c = text.charCodeAt(from);
  return c === 0x2d || c === 0x2010 || c === 0x2013 || c === 0x2f;
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
    const written = m[0];
    const start = m.index;
    const form = readWord(written);
    if (breaksClause(text, prevEnd, start) || form.but) reach = 0;
    const last = out[out.length - 1];
    if (last && joins(text, prevEnd, start)) last.joinedToNext = true;
    out.push({
      text: written,
      start,
      end: start + written.length,
      key: form.key,
      stop: form.stop,
      // Stryker disable next-line EqualityOperator: `reach <= 0` flips the flag of every word on both sides of each comparison alike
      negated: !form.negation && reach > 0,
      joinedToNext: false,
    });
    if (form.negation) reach = NEGATION_REACH;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: a reach below 0 reads as 0
    else if (!form.stop && reach > 0) reach--;
    prevEnd = start + written.length;
  }
  return out;
}
