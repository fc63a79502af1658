import { describe, expect, it } from 'vitest';
import { deriveBeats, derivePoints, sentences } from '../../../src/core/import/points.js';
import { figures } from '../../../src/core/answer/figures.js';
import { clauses, shortClaim } from '../../../src/core/import/claims.js';
import { cleanQuestion, unquote } from '../../../src/core/import/text.js';

describe('key points from prose', () => {
  it('splits sentences, but not after an abbreviation or inside a number', () => {
    expect(sentences('Use a queue, e.g. Kafka. It took 3.94s. Done!')).toEqual(['Use a queue, e.g. Kafka.', 'It took 3.94s.', 'Done!']);
    expect(sentences('"Quoted first." Then more?')).toEqual(['"Quoted first."', 'Then more?']);
    // A time in milliseconds ends a sentence; the title "Ms." does not.
    expect(sentences('It fell to 120 ms. The cache did it. Ask Ms. Lee.')).toEqual(['It fell to 120 ms.', 'The cache did it.', 'Ask Ms. Lee.']);
  });

  it('an answer that gives a time in ms gets one point per sentence, not the two run together', () => {
    expect(derivePoints(['We cut p99 latency from 800 ms to 120 ms. The cache took two weeks to build.'], [])).toEqual([
      'We cut p99 latency from 800 ms to 120 ms',
      'The cache took two weeks to build',
    ]);
  });

  it('bullets win over paragraphs, and repeats are dropped', () => {
    expect(derivePoints(['Prose. More.'], ['a', 'b', 'a'])).toEqual(['a', 'b']);
    expect(derivePoints(['Prose. More.'], ['a long bullet that goes on and on well past the twelve words a point may have'])).toEqual([
      'A long bullet that goes on',
    ]);
  });
});

describe('key points, one per claim', () => {
  const SIZING = 'I start from the peak write rate, not the average, which for us was 50 MB/s at month end. That gave 12 partitions so each consumer stays under its own limit. We keep replication factor 3 across racks, and I leave 40% headroom on disk and network for rebalances.';

  it('makes 2 to 6 points of at most 12 words, one per sentence or clause', () => {
    const points = derivePoints([SIZING], []);
    expect(points.length).toBeGreaterThanOrEqual(2);
    expect(points.length).toBeLessThanOrEqual(6);
    for (const p of points) expect(p.split(/\s+/).length).toBeLessThanOrEqual(12);
    expect(points).toContain('We keep replication factor 3 across racks');
    expect(points).toContain('I leave 40% headroom on disk and network for rebalances');
  });

  it('keeps every figure of the answer, with its unit or noun, in some point', () => {
    const points = derivePoints([SIZING], []).join(' | ');
    for (const f of ['50 MB/s', '12 partitions', 'replication factor 3', '40% headroom']) expect(points).toContain(f);
  });

  it('a figure cut from a long claim is kept at its end', () => {
    const p = shortClaim('Our nightly job copied every table from the primary into the analytics replica at roughly 900 GB per run');
    expect(p.split(/\s+/).length).toBeLessThanOrEqual(12);
    expect(p).toContain('900 GB');
  });

  it('splits a sentence at its clauses, and keeps a short lead-in with what follows', () => {
    expect(clauses('Stop the bleeding first, then find the cause.')).toEqual(['Stop the bleeding first', 'find the cause']);
    expect(clauses('Short version: the product.')).toEqual(['Short version: the product']);
    expect(clauses('Lag grows on one partition; that means a skewed key.')).toEqual(['Lag grows on one partition', 'that means a skewed key']);
  });

  it('figures come with their unit, or the noun before them', () => {
    expect(figures('50 MB/s through 12 partitions, replication factor 3, 40% headroom, p99').map((f) => f.text)).toEqual([
      '50 MB/s',
      '12 partitions',
      'factor 3',
      '40% headroom',
      'p99',
    ]);
  });

  it("a pitch's sentences become 3 to 6 beats", () => {
    const beats = deriveBeats('I build data pipelines. Lately I moved a bank off nightly batches. It cut staleness from a day to minutes. I want that at your scale.');
    expect(beats).toEqual(['I build data pipelines', 'Lately I moved a bank off nightly batches', 'It cut staleness from a day to minutes', 'I want that at your scale']);
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
