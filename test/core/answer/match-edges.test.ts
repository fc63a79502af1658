import { describe, expect, it } from 'vitest';
import { coverage } from '../../../src/core/answer/match.js';
import { isNumberWord, keyOf } from '../../../src/core/answer/words.js';

/** One key point against a typed answer, through the one public rule. */
const matchPoint = (typed: string, point: string) => coverage(typed, [point]).points[0]!;

describe('key points a typed answer is checked against: edge cases a deck holds', () => {
  it('a point made only of small words is decided by all of them', () => {
    expect(matchPoint('what are they for', 'What are they?')).toMatchObject({ covered: true, words: ['What', 'are', 'they'] });
    expect(matchPoint('no idea', 'What are they?').covered).toBe(false);
  });

  it('a point with no words at all is covered by any answer', () => {
    expect(matchPoint('anything', '— …')).toMatchObject({ covered: true, words: [], matched: [] });
    expect(coverage('', ['—']).covered).toBe(1);
  });

  it("reads agent's as agent and don't as dont, with either apostrophe", () => {
    expect(matchPoint('each agent gets a sandbox', "the agent's sandbox").covered).toBe(true);
    expect(matchPoint('each agent gets a sandbox', 'the agent’s sandbox').covered).toBe(true);
    expect(matchPoint('dont retry blindly', "don't retry blindly").covered).toBe(true);
    expect(matchPoint('we dont', 'don’t').matched).toEqual(['don’t']);
  });

  it('tells numbers apart exactly: 1.5 is not 15', () => {
    expect(matchPoint('about 15 TB', '1.5 TB').covered).toBe(false);
    expect(matchPoint('about 1.5 tb', '1.5 TB').covered).toBe(true);
    expect(matchPoint('shipped 2.0.1', '2.0.1 shipped').covered).toBe(true);
  });

  it('finds the word in any case, accent or form', () => {
    expect(matchPoint('CACHÉ INVALIDATION', 'cache invalidated').covered).toBe(true);
    expect(matchPoint('we replay the log', 'replaying logs').covered).toBe(true);
  });

  it('marks in the answer only the words that hit some point, each run joined back', () => {
    const typed = 'Sandbox every agent; audit all';
    const c = coverage(typed, ['agent sandbox', 'audit logs']);
    expect(c.answer.filter((s) => s.hit).map((s) => s.text)).toEqual(['Sandbox', 'agent', 'audit']);
    expect(c.answer.map((s) => s.text).join('')).toBe(typed);
    expect(c.answer[0]).toEqual({ text: 'Sandbox', hit: true });
    expect(c.answer.at(-1)).toEqual({ text: ' all', hit: false });
    expect(c.points.map((p) => p.covered)).toEqual([true, false]);
  });
});

// Words that name what every JavaScript object has ("constructor", "toString") are words like
// any other: a table lookup must not find the object's own function under them.
describe('words that are also names on every object', () => {
  it('"constructor" is a word: its key is a string, and its plural matches it', () => {
    expect(keyOf('constructor')).toBe('constructor');
    expect(isNumberWord('constructor')).toBe(false);
    expect(matchPoint('the constructors take the dependencies', 'dependencies through the constructor').covered).toBe(true);
  });
});
