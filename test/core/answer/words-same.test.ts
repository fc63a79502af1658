import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { americanSpelling, fold, isNumberWord, keyOf, plainWord, words } from '../../../src/core/answer/words.js';
import * as old from './reference/words-old.js';

// The word functions serve the typed-answer check, `prep lint` and `prep import`; making them
// faster must not change what any of them gives for any word. Here the new ones are compared
// with the old code (reference/words-old.ts) over the repository's own texts and a generated
// list that meets every spelling pattern, number words, negations, apostrophes and Unicode.

const root = new URL('../../../', import.meta.url).pathname;

/** The texts of the README, the shipped decks and the text fixtures. */
function repositoryTexts(): string[] {
  const texts = [readFileSync(join(root, 'README.md'), 'utf8')];
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, e.name);
      if (e.isDirectory()) walk(path);
      else if (/\.(?:ya?ml|md|txt)$/.test(e.name)) texts.push(readFileSync(path, 'utf8'));
    }
  };
  walk(join(root, 'decks'));
  walk(join(root, 'test/fixtures'));
  return texts;
}

// Every ending of every spelling pattern, and near misses, after stems of every length and
// with the letters the patterns ask for before them (a vowel before "our", "t" or "b" before
// "re", "a" or "e" before "ll", "fen"/"cen"/"ten" before "ce").
const ENDINGS = (
  'ise ised ises ising isation isations iser isers isement yse ysed yses ysing ysis our ours oured ouring ourite ' +
  'ourites ourable ourful tre tres tred bre bres bred tred dre elled elling eller ellers alled alling aller allers ' +
  'illed olled ence ences ance ogue ogues ogued ize or er led ling ly ally ily y ies ied e es ed ing ment ness'
).split(' ');
const STEMS = (
  ' a ab org organ optim anal par col hon neighb flav de det of li cen fen ten offen defen preten pre dial catal ' +
  'lab mod trav canc c s st str bb ee ea ae ay u ii x1 é ü cl'
).split(' ');
const MORE = (
  'colour honour fibre centre theatre analyse paralyse catalogue dialogue monologue defence offence licence pretence ' +
  'modelling labelled travelling cancelled fuelled organisation optimise realise promise surprise exercise advise ' +
  'devise wise rise noise poise tour detour four pour hour flour your sour our ours centres fibres metres ' +
  'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen ' +
  'eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million dozen ones twenties ' +
  'not no never nobody nothing none neither nor without cannot instead but butted buts however ' +
  "dont didnt doesnt isnt wasnt werent arent cant couldnt wouldnt shouldnt wont hasnt havent hadnt mustnt don't " +
  "can’t won't isn’t agent's agent’s users' o'clock rock'n'roll ' ’ " +
  'hourly quickly only daily really family fly apply supply deploy deployment deployed queue queued queues note notes ' +
  'constructor toString valueOf hasOwnProperty __proto__ prototype per via vs etc the and with ' +
  '0 1 42 007 1.5 3.14.15 10k p99 3x 2nd ١٢ １２ ½ ² Ⅻ 1,000 ' +
  'Café CAFÉ naïve Ærø straße İstanbul ﬁle Σίσυφος ΟΔΟΣ москва Москва 東京 한국어 e\u0301te a\u0308lled ǅemal'
).split(' ');

/** A varied list of words: the generated ones, in three cases, then the repository's. */
function wordList(): string[] {
  const made = [...STEMS.flatMap((s) => ENDINGS.map((e) => s + e)), ...MORE];
  const cased = made.flatMap((w) => [w, w.charAt(0).toUpperCase() + w.slice(1), w.toUpperCase()]);
  const read = repositoryTexts().flatMap((t) => t.match(/\S+/g) ?? []);
  const inText = read.flatMap((t) => Array.from(t.matchAll(/\p{N}+(?:\.\p{N}+)+|[\p{L}\p{N}]+(?:['\u2019][\p{L}\p{N}]+)*/gu), (m) => m[0]));
  return [...cased, ...inText];
}

// What stands between words in the generated texts: spaces, marks that end a negation's
// reach, and the hyphens, dashes and slashes that join two words.
const GAPS = [' ', ', ', '-', '–', '‐', '/', ' (', ') ', '. ', ' but ', ' not ', " don't ", '; ', '  ', '\n', ' — ', ' -', '! ', '? ', ': ', ' never ', ' 😀 ', '--', ' / '];

function generatedTexts(list: readonly string[]): string[] {
  const texts: string[] = [];
  for (let i = 0; i < list.length; i += 40) {
    texts.push(list.slice(i, i + 40).map((w, j) => w + GAPS[(i + j * 7) % GAPS.length]).join(''));
  }
  return texts;
}

const LIST = wordList();

describe('the word functions give what they gave before they were made faster', () => {
  it('the list meets every spelling pattern, number words, adverbs, negations and more distinct forms than are remembered', () => {
    const plains = LIST.map(plainWord);
    for (const [pattern, by] of old.SPELLING_RULES) {
      expect(plains.filter((p) => p.length >= 5 && p.replace(pattern, by) !== p).length, String(pattern)).toBeGreaterThan(10);
    }
    expect(plains.filter((p) => isNumberWord(p)).length).toBeGreaterThan(30);
    expect(plains.filter((p) => p.length > 5 && p.endsWith('ly')).length).toBeGreaterThan(10);
    expect(new Set(LIST).size).toBeGreaterThan(2 * 4096);
  });

  it('fold, plainWord, americanSpelling, keyOf and isNumberWord, word by word', () => {
    const diff: string[] = [];
    for (const w of LIST) {
      const p = old.plainWord(w);
      const now = [fold(w), plainWord(w), americanSpelling(p), keyOf(p), isNumberWord(p)];
      const before = [old.fold(w), p, old.americanSpelling(p), old.keyOf(p), old.isNumberWord(p)];
      if (now.some((v, i) => v !== before[i])) diff.push(`${w}: ${JSON.stringify(now)} was ${JSON.stringify(before)}`);
    }
    expect(diff).toEqual([]);
  });

  it('words(), over the repository texts and generated ones, twice, so the second read comes from the table', () => {
    const texts = [...repositoryTexts(), ...generatedTexts(LIST)];
    for (let round = 0; round < 2; round++) {
      for (const text of texts) expect(words(text)).toEqual(old.words(text));
    }
  });

  it('words() of each word alone, after the table has been emptied many times over', () => {
    const unique = [...new Set(LIST)];
    for (const w of [...unique, ...unique.slice(0, 5000)]) expect(words(w)).toEqual(old.words(w));
  });
});
