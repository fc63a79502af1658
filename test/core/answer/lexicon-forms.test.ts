import { describe, expect, it } from 'vitest';
import { parseLexicon } from '../../../src/core/answer/lexicon.js';
import { keyOf } from '../../../src/core/answer/words.js';

// A word typed in an answer finds its synonym set through its dictionary form: the plural,
// the past and the -ing form of a word in the set all count (the file lists dictionary forms).

const lx = parseLexicon('# dictionary forms only\nbox crate\nreply answer\ntest trial\nscale climb\nquick speedy\ncache stash\near lug\n\n');
const synonymsOf = (w: string) => [...lx.synonyms(w, keyOf(w))];

describe('synonyms of a word in another form', () => {
  it.each([
    ['caches', 'stash'],
    ['boxes', 'crate'],
    ['replies', 'answer'],
    ['tested', 'trial'],
    ['testing', 'trial'],
    ['scaled', 'climb'],
    ['scaling', 'climb'],
    ['quickly', 'speedy'],
  ])('%s finds %s', (word, synonym) => {
    expect(synonymsOf(word)).toEqual([keyOf(synonym)]);
  });

  it('a form that is another word is not taken for it: "early" is not "ear"', () => {
    expect(synonymsOf('early')).toEqual([]);
    expect(synonymsOf('ear')).toEqual([keyOf('lug')]);
  });

  it('a word in two sets has the words of both', () => {
    const two = parseLexicon('fast quick\nfast firm\n');
    expect([...two.synonyms('fast', keyOf('fast'))].sort()).toEqual([keyOf('firm'), keyOf('quick')].sort());
  });

  it('blank lines and comments hold no set; asking twice gives the same answer', () => {
    expect(lx.size).toBe(7);
    expect(lx.synonyms('boxes', keyOf('boxes'))).toBe(lx.synonyms('boxes', keyOf('boxes')));
  });
});
