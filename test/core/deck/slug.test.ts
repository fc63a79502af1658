import { describe, expect, it } from 'vitest';
import { closestMatch } from '../../../src/core/deck/closest.js';
import { ID_PATTERN } from '../../../src/core/deck/schema.js';
import { slugify } from '../../../src/core/deck/slug.js';

describe('slugify', () => {
  it.each([
    ['Why Coder?', 'why-coder'],
    ['  Tell me about   yourself. ', 'tell-me-about-yourself'],
    ["What's your biggest weakness?", 'whats-your-biggest-weakness'],
    ['Déjà vu: naïve façade', 'deja-vu-naive-facade'],
    ['Straße, Ærø, Łódź', 'strasse-aero-lodz'],
    ['C++ vs. C#', 'c-vs-c'],
    ['???', ''],
  ])('%j -> %j', (text, slug) => {
    expect(slugify(text)).toBe(slug);
  });

  it('cuts long text at a word boundary, at most 48 characters', () => {
    const slug = slugify('Walk us through how you would design a sandboxed environment for an autonomous coding agent');
    expect(slug).toBe('walk-us-through-how-you-would-design-a-sandboxed');
    expect(slug.length).toBeLessThanOrEqual(48);
  });

  it('keeps a slug of exactly 48 characters whole', () => {
    expect(slugify('Walk us through how you would design a sandboxed')).toBe('walk-us-through-how-you-would-design-a-sandboxed');
  });

  it('cuts one endless word hard', () => {
    expect(slugify('a'.repeat(100))).toBe('a'.repeat(48));
  });

  it('always makes a valid card id when the text has a letter or digit', () => {
    for (const text of ['-x-', 'A  B', 'über-cool!!', '1 2 3', `${'word '.repeat(30)}end`]) {
      expect(slugify(text)).toMatch(ID_PATTERN);
    }
  });
});

describe('closestMatch', () => {
  const keys = ['id', 'question', 'answer', 'points', 'tags', 'seconds'];
  it('finds swapped letters, a missing letter and wrong case', () => {
    expect(closestMatch('anwser', keys)).toBe('answer');
    expect(closestMatch('tag', keys)).toBe('tags');
    expect(closestMatch('Question', keys)).toBe('question');
  });
  it('counts a swap of two neighbouring letters as one edit, so a short key with a swap is found', () => {
    expect(closestMatch('wyh', ['id', 'question', 'why', 'cue'])).toBe('why');
    expect(closestMatch('tilte', ['title', 'company', 'role', 'interview'])).toBe('title');
    expect(closestMatch('tgas', keys)).toBe('tags');
    // Two edits in a three-letter word is too far.
    expect(closestMatch('wya', ['id', 'question', 'why', 'cue'])).toBeUndefined();
  });

  it('between two equally close keys, suggests the one listed first', () => {
    expect(closestMatch('tag', ['tags', 'tab'])).toBe('tags');
    expect(closestMatch('tag', ['tab', 'tags'])).toBe('tab');
  });

  it('allows about one edit in three characters, so a long word may have two', () => {
    expect(closestMatch('qestin', keys)).toBe('question');
    expect(closestMatch('qstin', keys)).toBeUndefined();
  });

  it('finds a long deck name with a typo up to 64 characters, and nothing among no candidates', () => {
    const name = 'a'.repeat(63) + 'b';
    expect(closestMatch('a'.repeat(63) + 'c', [name])).toBe(name);
    expect(closestMatch('a'.repeat(64) + 'c', ['a'.repeat(64) + 'b'])).toBeUndefined();
    expect(closestMatch('coder', [])).toBeUndefined();
  });

  it('suggests nothing for a word that is not close to any key', () => {
    expect(closestMatch('colour', keys)).toBeUndefined();
    expect(closestMatch('x'.repeat(1000), keys)).toBeUndefined();
  });
});
