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
  it('suggests nothing for a word that is not close to any key', () => {
    expect(closestMatch('colour', keys)).toBeUndefined();
    expect(closestMatch('x'.repeat(1000), keys)).toBeUndefined();
  });
});
