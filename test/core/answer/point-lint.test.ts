import { describe, expect, it } from 'vitest';
import { pointWarnings } from '../../../src/core/answer/point-lint.js';
import { lintDeckText } from '../../../src/core/deck/lint.js';
import { formatProblem } from '../../../src/core/deck/types.js';

function lint(text: string): string[] {
  return lintDeckText(text, { name: 'inline', path: '/abs/inline.yaml', displayPath: 'inline.yaml' }, [pointWarnings])
    .filter((p) => !p.message.startsWith('no "id"'))
    .map(formatProblem);
}

const deck = (question: string, pitch = '') => `title: T\n${pitch}questions:\n${question}`;

describe('lint asks for key points worth checking', () => {
  it('warns, with its place and a hint, about a question with a single point', () => {
    const text = deck('  - question: Q\n    answer: We shard by tenant. Reads go to replicas.\n    points: [We shard by tenant]\n');
    expect(lint(text)).toEqual([
      'inline.yaml:5:5 warning: questions[0].points: only one key point: list 2 to 6, one for each claim of the answer, so a typed answer can be checked against each',
    ]);
  });

  it('warns about a point longer than 15 words, at the point', () => {
    const long = 'we moved every service off the shared database one at a time over two quarters with no downtime';
    const text = deck(`  - question: Q\n    answer: A.\n    points:\n      - Short point here\n      - ${long}\n`);
    expect(lint(text)).toEqual([
      `inline.yaml:7:9 warning: questions[0].points[1]: 18 words is more than a key point (at most 15): keep the claim's few telling words, or split it in two`,
    ]);
  });

  it('warns about a point that repeats the whole answer', () => {
    const text = deck('  - question: Q\n    answer: Cache the hot keys near the reader.\n    points:\n      - cache the hot keys near the reader\n      - Measure first\n');
    expect(lint(text)).toEqual(['inline.yaml:6:9 warning: questions[0].points[0]: repeats the whole answer: a key point is one claim of it, in a few words']);
  });

  it('warns about a figure of the answer no point mentions, and takes a point object and number words into account', () => {
    const answer = 'We run 12 partitions at 50 MB/s with replication factor 3 and seven brokers.';
    const text = deck(`  - question: Q\n    answer: ${answer}\n    points:\n      - text: Twelve partitions\n        match: [a dozen partitions]\n      - Replication factor 3\n`);
    expect(lint(text)).toEqual([
      'inline.yaml:4:5 warning: questions[0].answer: the figure "50 MB/s" is in the answer but in no key point: add it to the point it proves, so a typed answer must say it',
    ]);
  });

  it('warns about a pitch without beats', () => {
    const text = deck('  - question: Q\n    answer: A.\n    points: [One, Two]\n', 'pitch:\n  script: I build pipelines.\n');
    expect(lint(text)).toEqual([
      'inline.yaml:2:1 warning: pitch: the pitch has no beats: list under "points:" the 3 to 6 things it must hit, so prep pitch can tick them off',
    ]);
  });

  it('these are warnings: the deck still has no errors', () => {
    const text = deck('  - question: Q\n    answer: A 40% cut.\n    points: [A cut]\n', 'pitch:\n  script: I build.\n');
    const problems = lintDeckText(text, { name: 'i', path: '/i.yaml' }, [pointWarnings]);
    expect(problems.length).toBeGreaterThanOrEqual(3);
    expect(problems.every((p) => p.severity === 'warning')).toBe(true);
  });
});
