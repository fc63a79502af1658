import { describe, expect, it } from 'vitest';
import { figures } from '../../../src/core/answer/figures.js';

// The figures `prep lint` quotes when an answer's number is in no key point: the number with
// the word that says what it counts, exactly as the answer wrote it.

const TABLE: ReadonlyArray<[string, Array<[text: string, number: string]>]> = [
  ['We run 12 partitions at 50 MB/s.', [['12 partitions', '12'], ['50 MB/s', '50']]],
  ['at 50\u00a0MB/s', [['50 MB/s'.replace(' ', '\u00a0'), '50']]],
  ['replication factor 3', [['factor 3', '3']]],
  ['HTTP 429 on overload', [['HTTP 429', '429']]],
  ['a 40% cut', [['40% cut', '40%']]],
  ['A 40 % cut', [['40 %', '40']]],
  ['3x faster', [['3x faster', '3x']]],
  ['took 5× less', [['5× less', '5×']]],
  ['10k users', [['10k users', '10k']]],
  ['p99 under 200 ms', [['p99', 'p99'], ['200 ms', '200']]],
  ['cost 1,200 dollars', [['1,200 dollars', '1,200']]],
  ['about 1.5 TB', [['1.5 TB', '1.5']]],
  ['shipped in 2026.', [['2026', '2026']]],
  ['in 2024, we moved', [['2024', '2024']]],
  ['all 3 of them', [['3', '3']]],
  ['a1b2c3 is an id', [['a1b2c3', 'a1b2c3']]],
];

describe('the figures of an answer', () => {
  it.each(TABLE)('%j has %j', (text, expected) => {
    const found = figures(text);
    expect(found.map((f) => [f.text, f.number])).toEqual(expected);
    // Each figure's place gives its text back, for pointing at it.
    for (const f of found) expect(text.slice(f.start, f.end)).toBe(f.text);
  });

  it('a word before the number counts only when it is not a small word, and only the one word', () => {
    expect(figures('the 3').map((f) => f.text)).toEqual(['3']);
    expect(figures('to the Kafka cluster of 3').map((f) => f.text)).toEqual(['3']);
    expect(figures('Kafka brokers 3').map((f) => f.text)).toEqual(['brokers 3']);
  });

  it('finds no figure in words alone, nor in a number glued inside a word', () => {
    expect(figures('no numbers here at all')).toEqual([]);
    expect(figures('three partitions')).toEqual([]);
  });
});
