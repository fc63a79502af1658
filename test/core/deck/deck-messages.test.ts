import { describe, expect, it } from 'vitest';
import { lintDeckText } from '../../../src/core/deck/lint.js';
import { parseDeck } from '../../../src/core/deck/load-deck.js';
import { formatProblem } from '../../../src/core/deck/types.js';

// What a deck author reads for each mistake: the place, and words that say how to fix it.

const OPTS = { name: 'inline', path: '/abs/inline.yaml', displayPath: 'inline.yaml' };
const load = (text: string) => parseDeck(text, OPTS);
const problems = (text: string) => load(text).problems.map(formatProblem);
const lint = (text: string) => lintDeckText(text, OPTS).map(formatProblem);

describe('values of the wrong kind', () => {
  it('an interview date written as a number asks for a date, without the hint to quote it', () => {
    expect(problems('title: T\ninterview: 2026\nask: [Fine?]\n')).toEqual([
      'inline.yaml:2:1 interview: expected a date like 2026-03-05 or 2026-03-05T14:00, got a number (2026)',
    ]);
  });

  it('infinity where text belongs is named as such, with the hint to quote it', () => {
    expect(problems('title: .inf\nask: [Fine?]\n')).toEqual(['inline.yaml:1:1 title: expected text, got a number that is not finite: put it in quotes']);
  });

  it('a long text where a number belongs is shown cut to its first 39 characters', () => {
    const text = 'title: T\nquestions:\n  - id: q\n    question: Q\n    answer: A\n    seconds: This text is quite long and goes on beyond forty characters\n';
    expect(problems(text)).toEqual(['inline.yaml:6:5 questions[0].seconds: expected a number, got text ("This text is quite long and goes on bey…")']);
    const forty = 'x'.repeat(40);
    expect(problems(`title: T\npitch: {script: s, seconds: ${forty}}\n`)).toEqual([`inline.yaml:2:20 pitch.seconds: expected a number, got text ("${forty}")`]);
  });

  it('an id with no letters or digits is refused without a suggestion to copy', () => {
    expect(problems('title: T\nquestions:\n  - id: "---"\n    question: Q\n    answer: A\n')).toEqual([
      'inline.yaml:3:5 questions[0].id: invalid id "---": use lowercase letters and digits in words joined by single hyphens',
    ]);
  });
});

describe('unknown keys', () => {
  it('inside a point, a pitch and an ask item: the close key, or the keys that are allowed there', () => {
    const q = 'title: T\nquestions:\n  - id: q\n    question: Q\n    answer: A\n';
    expect(problems(`${q}    points: [{text: t, matchs: [x]}]\n`)).toEqual(['inline.yaml:6:24 questions[0].points[0]: unknown key "matchs" — did you mean "match"?']);
    expect(problems('title: T\npitch: {script: s, colour: red}\n')).toEqual([
      'inline.yaml:2:20 pitch: unknown key "colour" (expected one of: prompt, seconds, script, points)',
    ]);
    expect(problems('title: T\nask: [{question: Q, wy: x}]\n')).toEqual(['inline.yaml:2:21 ask[0]: unknown key "wy" — did you mean "why"?']);
  });
});

describe('ids and cards', () => {
  it('an id written with spaces around it is the same id', () => {
    expect(problems('title: T\nquestions:\n  - id: " q "\n    question: Q\n    answer: A\n  - id: q\n    question: R\n    answer: B\n')).toEqual([
      'inline.yaml:6:5 questions[1].id: duplicate id "q" (first used on line 3)',
    ]);
  });

  it('two plain ask items that make the same id are told apart by giving one an id', () => {
    expect(problems('title: T\nask: [How big is the team?, "How big is the team"]\n')).toEqual([
      'inline.yaml:2:29 ask[1]: duplicate id "how-big-is-the-team" made from the question text (first used on line 2): give one of them an "id"',
    ]);
  });

  it('an empty list of questions, or an empty pitch, is no card', () => {
    const none = 'inline.yaml:1:1 the deck has no cards: add a "pitch", some "questions" or some "ask" items';
    expect(problems('title: T\nquestions: []\n')).toEqual([none]);
    expect(problems('title: T\nask: []\n')).toEqual([none]);
    expect(problems('title: T\npitch: null\n')).toEqual([none, 'inline.yaml:2:1 pitch: expected a mapping, got nothing']);
  });

  it('a control character in a phrase a point accepts is found too, six levels down', () => {
    const text = 'title: T\nquestions:\n  - id: q\n    question: Q\n    answer: A\n    points: [{text: t, match: ["a\\u001b"]}]\n';
    const { deck, problems: found } = load(text);
    expect(found.map(formatProblem)).toEqual([
      'inline.yaml:6:32 warning: questions[0].points[0].match[0]: contains a terminal control character (U+001B): it is shown as "␛" and never sent to the terminal',
    ]);
    expect(deck?.cards[0]?.matches).toEqual([['a␛']]);
  });
});

describe('the YAML itself', () => {
  it('a repeated key leaves the rest of the file checked: its other mistakes are reported too', () => {
    expect(problems('title: T\ntitle: U\nquestions:\n  - question: Q\n')).toEqual([
      'inline.yaml:2:1 duplicate key "title" (first used on line 1)',
      'inline.yaml:4:5 questions[0]: missing "answer"',
    ]);
  });

  it('a stray token followed by one more error names that one error', () => {
    expect(problems('title: T\nquestions: [a]] ]\n')).toEqual([
      'inline.yaml:2:15 Unexpected flow-seq-end token in YAML stream: "]" (the YAML breaks here; the error after it follows from this one)',
    ]);
    expect(problems('title: T\nquestions: [a]]\n')).toEqual(['inline.yaml:2:15 Unexpected flow-seq-end token in YAML stream: "]"']);
  });

  it('a YAML warning is placed and shown as a warning; the deck still loads', () => {
    const { deck, problems: found } = load('title: !foo T\nask: [Fine?]\n');
    expect(found.map(formatProblem)).toEqual(['inline.yaml:1:8 warning: Unresolved tag: !foo']);
    expect(deck?.title).toBe('T');
  });
});

describe('lint advice', () => {
  it('a pitch without its script is told what the script is', () => {
    expect(lint('title: T\npitch: {seconds: 20}\n')).toEqual(['inline.yaml:2:1 pitch: missing "script": add "script:", the pitch as you would say it']);
  });

  it("a question without its text is told whose question it is: the interviewer's, or the user's own for an ask item", () => {
    expect(lint('title: T\nquestions:\n  - {id: q, answer: a, points: [p]}\n')).toEqual([
      'inline.yaml:3:5 questions[0]: missing "question": add "question:", the question as the interviewer would ask it',
    ]);
    expect(lint('title: T\nask:\n  - {why: w}\n')).toEqual(['inline.yaml:3:5 ask[0]: missing "question": add "question:", the question you will ask them']);
  });

  it('a zero seconds target is an error, never also an answer "over its 0 s target"', () => {
    const text = 'title: T\nquestions:\n  - id: q\n    question: Why?\n    points: [p]\n    seconds: 0\n    answer: one two three four five six seven eight nine ten\n';
    expect(lint(text)).toEqual(['inline.yaml:6:5 questions[0].seconds: must be a positive number, got 0']);
  });

  it('an empty points list is flagged at the list', () => {
    expect(lint('title: T\nquestions:\n  - id: q\n    question: Why?\n    points: []\n    answer: a\n')).toEqual([
      'inline.yaml:5:5 warning: questions[0].points: no key points: list under "points:" the few things the answer must hit (the drill shows them with the answer)',
    ]);
  });

  it('a cue that repeats its question is flagged whatever the spaces around it, on any ask card', () => {
    const gives = 'the cue is the question itself, so the card gives its answer away: say in a few words what it is about';
    expect(lint('title: T\nask:\n  - {question: "What is on-call like?", cue: "  What is on-call like?  "}\n  - {question: Who?, why: w}\n')).toEqual([
      `inline.yaml:3:41 warning: ask[0].cue: ${gives}`,
    ]);
    expect(lint('title: T\nask:\n  - {question: "What is on-call like?", cue: "on-call"}\n  - {question: Who?, cue: Who?}\n')).toEqual([
      `inline.yaml:4:22 warning: ask[1].cue: ${gives}`,
    ]);
  });
});
