import { describe, expect, it } from 'vitest';
import { derivePoints, sentences, shortenPoint } from '../../../src/core/import/points.js';
import { cleanQuestion, unquote } from '../../../src/core/import/text.js';

describe('key points from prose', () => {
  it('splits sentences, but not after an abbreviation or inside a number', () => {
    expect(sentences('Use a queue, e.g. Kafka. It took 3.94s. Done!')).toEqual(['Use a queue, e.g. Kafka.', 'It took 3.94s.', 'Done!']);
    expect(sentences('"Quoted first." Then more?')).toEqual(['"Quoted first."', 'Then more?']);
  });

  it('keeps a short sentence whole, without its full stop', () => {
    expect(shortenPoint('Start with the threat model.')).toBe('Start with the threat model');
    expect(shortenPoint('Why not?')).toBe('Why not?');
  });

  it('cuts a long sentence at its last colon, semicolon or dash before a comma, else after 15 words', () => {
    expect(shortenPoint('Every agent action becomes an OTel span with structured attributes: what tool was called, what arguments were passed.')).toBe(
      'Every agent action becomes an OTel span with structured attributes',
    );
    expect(shortenPoint('We shipped it in a week, with tests and docs and a migration guide and a rollback plan for every step.')).toBe('We shipped it in a week');
    expect(shortenPoint('one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen')).toBe(
      'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen…',
    );
  });

  it('bullets win over paragraphs, and repeats are dropped', () => {
    expect(derivePoints(['Prose. More.'], ['a', 'b', 'a'])).toEqual(['a', 'b']);
    expect(derivePoints(['First. Second.', 'A: Third one. Fourth.'], [])).toEqual(['First', 'Third one']);
  });
});

describe('question text', () => {
  it('drops numbering, labels and the quotes around it', () => {
    expect(cleanQuestion('1. "Why us?"')).toBe('Why us?');
    expect(cleanQuestion('Q3: “Why us?”')).toBe('Why us?');
    expect(cleanQuestion('2) Tell me about a bug')).toBe('Tell me about a bug');
    // Not numbering: a version, a word that starts with Q.
    expect(cleanQuestion('3.94s latency: why?')).toBe('3.94s latency: why?');
    expect(cleanQuestion('Q-learning or not?')).toBe('Q-learning or not?');
  });

  it('keeps quotes that do not wrap the whole text', () => {
    expect(unquote('"Yes," she said, "no."')).toBe('"Yes," she said, "no."');
    expect(unquote('"Whole thing."')).toBe('Whole thing.');
  });
});
