import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lintDeckFile, lintDeckText, LONG_ANSWER_RATIO, speakingSeconds } from '../../../src/core/deck/lint.js';
import { parseDeck } from '../../../src/core/deck/load-deck.js';
import { formatProblem } from '../../../src/core/deck/types.js';

const LINT = fileURLToPath(new URL('../../fixtures/lint/', import.meta.url));
const CODER = fileURLToPath(new URL('../../../decks/coder.yaml', import.meta.url));

function lintText(text: string): string[] {
  return lintDeckText(text, { name: 'inline', path: '/abs/inline.yaml', displayPath: 'inline.yaml' }).map(formatProblem);
}

/** `n` words of filler. */
function words(n: number): string {
  return Array.from({ length: n }, (_, i) => `word${i}`).join(' ');
}

describe('lint: errors and warnings together, each at its place', () => {
  it('reports every problem of a deck with several errors and warnings, in file order', () => {
    expect(lintDeckFile(`${LINT}many-problems.yaml`, 'many-problems.yaml').map(formatProblem)).toEqual([
      'many-problems.yaml:4:3 warning: pitch.script: cannot fit its 10 s target: 31 words take about 12 s at 150 words a minute; cut about 6 words or raise "seconds"',
      'many-problems.yaml:8:5 warning: questions[0]: no "id", so rewording the question would reset its progress: add one, e.g. "id: what-is-a-closure"',
      'many-problems.yaml:11:5 questions[1].id: invalid id "Bad Id": use lowercase letters and digits in words joined by single hyphens, e.g. "bad-id"',
      'many-problems.yaml:15:5 warning: questions[2]: no key points: list under "points:" the few things the answer must hit (the drill shows them with the answer)',
      'many-problems.yaml:17:5 questions[2]: unknown key "anwser" — did you mean "answer"?',
      'many-problems.yaml:20:5 warning: questions[3].answer: takes about 18 s to say at 150 words a minute, well over its 10 s target: shorten it to about 25 words or raise "seconds"',
      'many-problems.yaml:24:5 warning: questions[3].points: no key points: list under "points:" the few things the answer must hit (the drill shows them with the answer)',
      'many-problems.yaml:29:5 ask[1].id: duplicate id "team-size" (first used on line 27)',
    ]);
  });

  it('the shipped coder deck has no problems at all', () => {
    expect(lintDeckFile(CODER).map(formatProblem)).toEqual([]);
  });

  it('a file that cannot be read is one error at 1:1', () => {
    expect(lintDeckFile(`${LINT}no-such-deck.yaml`, 'no-such-deck.yaml').map(formatProblem)).toEqual([
      'no-such-deck.yaml:1:1 cannot read the file: there is no such file',
    ]);
  });

  it('broken YAML gets the parser error and no advice built on guesses', () => {
    const problems = lintText('title: x\nquestions:\n  - question: a\n   answer: [b\n');
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((p) => !p.includes('warning:'))).toBe(true);
  });

  it('adds a hint to the loader\'s terse messages', () => {
    expect(lintText('company: Acme\nquestions:\n  - id: q\n    question: ""\n    answer: a\n    points: [p]\n')).toEqual([
      'inline.yaml:1:1 missing "title": add "title:", the deck title, e.g. "Acme — Backend Engineer"',
      'inline.yaml:4:5 questions[0].question: must not be empty: write the text, or remove the key',
    ]);
  });

  it('the drill loader is unchanged: a deck with only warnings loads, with no problems of its own', () => {
    const text = 'title: t\nquestions:\n  - question: What is a closure?\n    answer: A function and its scope.\n';
    const { deck, problems } = parseDeck(text, { name: 'inline', path: '/abs/inline.yaml' });
    expect(deck?.cards).toHaveLength(1);
    expect(problems).toEqual([]);
    expect(lintText(text)).toEqual([
      'inline.yaml:3:5 warning: questions[0]: no "id", so rewording the question would reset its progress: add one, e.g. "id: what-is-a-closure"',
      'inline.yaml:3:5 warning: questions[0]: no key points: list under "points:" the few things the answer must hit (the drill shows them with the answer)',
    ]);
  });
});

describe('lint warnings', () => {
  const question = (extra: string) => `title: t\nquestions:\n  - id: q\n    question: Why?\n    points: [p]\n${extra}`;

  it('an answer warns only when it takes well over its target at 150 words a minute', () => {
    // 60 s at 150 wpm is 150 words; the warning starts past LONG_ANSWER_RATIO times that.
    const limit = Math.floor(150 * LONG_ANSWER_RATIO);
    expect(lintText(question(`    seconds: 60\n    answer: ${words(limit)}\n`))).toEqual([]);
    expect(lintText(question(`    seconds: 60\n    answer: ${words(limit + 1)}\n`))).toEqual([
      'inline.yaml:7:5 warning: questions[0].answer: takes about 75 s to say at 150 words a minute, well over its 60 s target: shorten it to about 150 words or raise "seconds"',
    ]);
  });

  it('an answer without a seconds target is never too long', () => {
    expect(lintText(question(`    answer: ${words(1000)}\n`))).toEqual([]);
  });

  it('a pitch warns when it cannot fit its target, the default 30 s when it sets none', () => {
    expect(lintText(`title: t\npitch:\n  script: ${words(80)}\n`)).toEqual([]);
    expect(lintText(`title: t\npitch:\n  script: ${words(100)}\n`)).toEqual([
      'inline.yaml:3:3 warning: pitch.script: cannot fit its 30 s target (the default): 100 words take about 40 s at 150 words a minute; cut about 25 words or raise "seconds"',
    ]);
    expect(lintText(`title: t\npitch:\n  seconds: 45\n  script: ${words(100)}\n`)).toEqual([]);
  });

  it('two or more ask cards: a plain one is told it has no cue; a cue that repeats the question is flagged', () => {
    const problems = lintText('title: t\nask:\n  - How big is the team?\n  - question: What is on-call like?\n    cue: What is on-call like?\n  - { question: Who reviews code?, cue: code review }\n');
    expect(problems.map((p) => p.split(': ').slice(0, 2).join(': '))).toEqual([
      'inline.yaml:3:5 warning: ask[0]',
      'inline.yaml:5:5 warning: ask[1].cue',
    ]);
    expect(problems[0]).toContain('no "cue" or "why"');
    expect(problems[1]).toContain('the cue is the question itself, so the card gives its answer away');
  });

  it('no id and no points are reported for questions only; ask cards may be plain text', () => {
    expect(lintText('title: t\nask:\n  - How big is the team?\n')).toEqual([]);
  });

  it('advice comes alongside errors: a question missing its answer still gets its missing id noted', () => {
    expect(lintText('title: t\nquestions:\n  - question: Why?\n    points: [p]\n')).toEqual([
      'inline.yaml:3:5 questions[0]: missing "answer": add "answer:", your model answer',
      'inline.yaml:3:5 warning: questions[0]: no "id", so rewording the question would reset its progress: add one, e.g. "id: why"',
    ]);
  });
});

describe('speakingSeconds', () => {
  it('counts spoken words at 150 a minute by default, ignoring lone dashes', () => {
    expect(speakingSeconds(words(150))).toBe(60);
    expect(speakingSeconds('one — two - three')).toBeCloseTo(1.2);
    expect(speakingSeconds(words(100), 200)).toBe(30);
    expect(speakingSeconds('   ')).toBe(0);
  });
});
