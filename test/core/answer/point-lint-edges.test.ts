import { describe, expect, it } from 'vitest';
import { pointWarnings } from '../../../src/core/answer/point-lint.js';
import { lintDeckText } from '../../../src/core/deck/lint.js';
import { formatProblem } from '../../../src/core/deck/types.js';
import { readYaml } from '../../../src/core/deck/yaml-source.js';

// Where the key-point advice of `prep lint` stays quiet, and where it speaks once.

function lint(text: string): string[] {
  return lintDeckText(text, { name: 'inline', path: '/abs/inline.yaml', displayPath: 'inline.yaml' }, [pointWarnings])
    .filter((p) => p.severity === 'warning' && !p.message.startsWith('no "id"'))
    .map(formatProblem);
}

const deck = (question: string, pitch = '') => `title: T\n${pitch}questions:\n${question}`;
const words = (n: number) => Array.from({ length: n }, (_, i) => `w${String.fromCharCode(97 + i)}`).join(' ');

describe('key-point advice', () => {
  it('15 words is still one point; 16 is more', () => {
    const at = (n: number) => lint(deck(`  - question: Q\n    answer: A.\n    points:\n      - Short point\n      - ${words(n)}\n`));
    expect(at(15)).toEqual([]);
    expect(at(16)).toEqual([
      "inline.yaml:7:9 warning: questions[0].points[1]: 16 words is more than a key point (at most 15): keep the claim's few telling words, or split it in two",
    ]);
  });

  it('names a figure the answer says twice only once, and each missing figure by its own words', () => {
    const text = deck('  - question: Q\n    answer: 50 MB/s in, 50 MB/s out, over 3 brokers.\n    points: [Throughput, Brokers]\n');
    expect(lint(text)).toEqual([
      'inline.yaml:4:5 warning: questions[0].answer: the figure "50 MB/s" is in the answer but in no key point: add it to the point it proves, so a typed answer must say it',
      'inline.yaml:4:5 warning: questions[0].answer: the figure "3 brokers" is in the answer but in no key point: add it to the point it proves, so a typed answer must say it',
    ]);
  });

  it('a figure in a point or in one of its accepted phrasings is said; a non-text phrasing is passed over', () => {
    const text = deck('  - question: Q\n    answer: We run 12 partitions and 3 brokers.\n    points:\n      - text: Partitions\n        match: [12 partitions, 7]\n      - 3 brokers\n');
    expect(lint(text)).toEqual([]);
  });

  it('each point is held against the answer: two of three repeat it, the point between does not; a point with no text says its phrasings still', () => {
    const text = deck('  - question: Q\n    answer: Cache the hot keys.\n    points:\n      - cache the hot keys\n      - Cache the keys\n      - Caching the hot key\n');
    expect(lint(text)).toEqual([
      'inline.yaml:6:9 warning: questions[0].points[0]: repeats the whole answer: a key point is one claim of it, in a few words',
      'inline.yaml:8:9 warning: questions[0].points[2]: repeats the whole answer: a key point is one claim of it, in a few words',
    ]);
    const src = readYaml('x: 1\n');
    const q = { questions: [{ answer: 'We run 12 partitions on 3 brokers.', points: [{ match: ['12 partitions'] }, '3 brokers'] }] };
    expect(pointWarnings(q, src)).toEqual([]);
  });

  it('the digits of a terminal escape in the answer are not figures', () => {
    const text = deck('  - question: Q\n    answer: "Red \\e[31mwarnings\\e[0m first"\n    points: [Red, Warnings]\n');
    expect(lint(text).filter((l) => l.includes('figure'))).toEqual([]);
  });

  it('an accepted phrasing that is not text is passed over; a text one counts', () => {
    const src = readYaml('x: 1\n');
    const q = (match: unknown[]) => ({ questions: [{ answer: 'We run 12 partitions.', points: [{ text: 'Partitions', match }, 'Brokers'] }] });
    expect(pointWarnings(q([7, '12 partitions']), src)).toEqual([]);
    expect(pointWarnings(q([12]), src).map((f) => f.message)).toEqual([expect.stringMatching(/^the figure "12 partitions"/)]);
  });

  it('a pitch whose beats are not a list gets the advice; a pitch without a script does not', () => {
    const src = readYaml('x: 1\n');
    expect(pointWarnings({ pitch: { script: 'I build.', points: 'Build' } }, src).map((f) => f.message)).toEqual([expect.stringMatching(/^the pitch has no beats/)]);
    expect(pointWarnings({ pitch: { points: [] } }, src)).toEqual([]);
  });

  it('a pitch with beats, or without a script, gets no advice', () => {
    expect(lint(deck('  - question: Q\n    answer: A.\n    points: [One, Two]\n', 'pitch:\n  script: I build.\n  points: [Build]\n'))).toEqual([]);
  });

  it('reads anything without failing: a deck that is a list, a question that is not a map, points that are not text', () => {
    const src = readYaml('x: 1\n');
    expect(pointWarnings(['a'], src)).toEqual([]);
    expect(pointWarnings(null, src)).toEqual([]);
    expect(pointWarnings({ questions: ['just text', { points: 'not a list' }, { points: [] }] }, src)).toEqual([]);
    expect(pointWarnings({ questions: [{ answer: 'We run 12 partitions.', points: [{ nope: 1 }, 5, { text: '12 partitions' }] }] }, src)).toEqual([]);
    expect(pointWarnings({ pitch: 'just text' }, src)).toEqual([]);
    expect(pointWarnings({ questions: [{ answer: 42, points: [null, 'one', 'two'] }] }, src)).toEqual([]);
    // No points at all is the deck check's to report, not a figure missing from them.
    expect(pointWarnings({ questions: [{ answer: 'We run 12 partitions.', points: [] }] }, src)).toEqual([]);
  });
});
