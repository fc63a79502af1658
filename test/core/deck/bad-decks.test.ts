import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadDeckFile, parseDeck } from '../../../src/core/deck/load-deck.js';
import { DeckError, formatProblem } from '../../../src/core/deck/types.js';

const BAD = fileURLToPath(new URL('../../fixtures/decks/bad/', import.meta.url));

/** Loads a bad fixture and returns every problem as the user would read it. */
function problemsOf(file: string): string[] {
  try {
    loadDeckFile(BAD + file, `bad/${file}`);
  } catch (err) {
    if (err instanceof DeckError) return err.problems.map(formatProblem);
    throw err;
  }
  throw new Error(`${file} loaded, but it should not`);
}

function problemsOfText(text: string): string[] {
  const { deck, problems } = parseDeck(text, { name: 'inline', path: '/abs/inline.yaml', displayPath: 'inline.yaml' });
  expect(deck).toBeUndefined();
  return problems.map(formatProblem);
}

describe('bad decks: every problem with its line, column and words', () => {
  it('YAML syntax error: the parser message on one line, with a hint', () => {
    expect(problemsOf('syntax-error.yaml')).toEqual([
      'bad/syntax-error.yaml:3:15 Nested mappings are not allowed in compact mappings: put text that contains ": " in quotes',
    ]);
  });

  it('wrong type: an answer written as a list, placed at the key', () => {
    expect(problemsOf('answer-is-list.yaml')).toEqual(['bad/answer-is-list.yaml:11:5 questions[2].answer: expected text, got a list']);
  });

  it('unknown key: did-you-mean when close, the allowed keys when not', () => {
    expect(problemsOf('unknown-key.yaml')).toEqual([
      'bad/unknown-key.yaml:4:5 questions[0]: unknown key "anwser" — did you mean "answer"?',
      'bad/unknown-key.yaml:5:5 questions[0]: unknown key "colour" (expected one of: id, question, answer, points, tags, seconds)',
    ]);
  });

  it('missing required field: placed at the item that lacks it', () => {
    expect(problemsOf('missing-answer.yaml')).toEqual(['bad/missing-answer.yaml:5:5 questions[1]: missing "answer"']);
  });

  it('missing title', () => {
    expect(problemsOf('missing-title.yaml')).toEqual(['bad/missing-title.yaml:1:1 missing "title"']);
  });

  it('duplicate ids: at the second one, naming the first one\'s line (explicit, slugged, and the pitch)', () => {
    expect(problemsOf('duplicate-ids.yaml')).toEqual([
      'bad/duplicate-ids.yaml:11:5 questions[2].id: duplicate id "sandbox-design" (first used on line 8)',
      'bad/duplicate-ids.yaml:14:5 questions[3].question: duplicate id "what-is-a-closure" made from the question text (first used on line 5): give one of them an "id"',
      'bad/duplicate-ids.yaml:16:5 questions[4].id: duplicate id "pitch" (first used on line 2)',
    ]);
  });

  it('invalid id format, with a suggested id', () => {
    expect(problemsOf('invalid-id.yaml')).toEqual([
      'bad/invalid-id.yaml:3:5 questions[0].id: invalid id "Sandbox Design": use lowercase letters and digits in words joined by single hyphens, e.g. "sandbox-design"',
      'bad/invalid-id.yaml:7:5 ask[0].id: invalid id "team--size": use lowercase letters and digits in words joined by single hyphens, e.g. "team-size"',
    ]);
  });

  it('empty file: comments only, truly empty, or only blank space', () => {
    const message = 'the file is empty: a deck needs a "title" and at least one card (a "pitch", "questions" or "ask")';
    expect(problemsOf('empty.yaml')).toEqual([`bad/empty.yaml:1:1 ${message}`]);
    expect(problemsOfText('')).toEqual([`inline.yaml:1:1 ${message}`]);
    expect(problemsOfText('\n  \n')).toEqual([`inline.yaml:1:1 ${message}`]);
  });

  it('a deck with a title but no cards', () => {
    expect(problemsOf('no-cards.yaml')).toEqual([
      'bad/no-cards.yaml:1:1 the deck has no cards: add a "pitch", some "questions" or some "ask" items',
    ]);
  });

  it('top-level list or scalar', () => {
    expect(problemsOf('top-level-list.yaml')).toEqual([
      'bad/top-level-list.yaml:1:1 a deck must be a mapping with keys like "title:" and "questions:", got a list',
    ]);
    expect(problemsOfText('just some words\n')).toEqual([
      'inline.yaml:1:1 a deck must be a mapping with keys like "title:" and "questions:", got text ("just some words")',
    ]);
  });

  it('interview date in the wrong format', () => {
    expect(problemsOf('bad-interview-date.yaml')).toEqual([
      'bad/bad-interview-date.yaml:2:1 interview: expected a date like 2026-03-05 or 2026-03-05T14:00, got "March 5th"',
    ]);
  });

  it('interview date that does not exist, or a time of day that does not', () => {
    expect(problemsOf('impossible-date.yaml')).toEqual(['bad/impossible-date.yaml:2:1 interview: "2026-02-30" is not a real date']);
    expect(problemsOfText('title: T\ninterview: 2026-03-05T24:10\npitch: {script: s}\n')).toEqual([
      'inline.yaml:2:1 interview: "2026-03-05T24:10" is not a real time of day',
    ]);
  });

  it('negative and zero seconds', () => {
    expect(problemsOf('negative-seconds.yaml')).toEqual([
      'bad/negative-seconds.yaml:4:3 pitch.seconds: must be a positive number, got -30',
      'bad/negative-seconds.yaml:8:5 questions[0].seconds: must be a positive number, got 0',
    ]);
  });

  it('duplicate key in a mapping: at the second key, naming the first', () => {
    expect(problemsOf('duplicate-key.yaml')).toEqual([
      'bad/duplicate-key.yaml:6:5 questions[0]: duplicate key "answer" (first used on line 4)',
    ]);
  });

  it('tabs used for indentation', () => {
    expect(problemsOf('tab-indent.yaml')).toEqual([
      'bad/tab-indent.yaml:3:1 tabs are not allowed as indentation in YAML: indent with spaces',
    ]);
  });

  it('an alias bomb (billion laughs) is refused, and quickly', () => {
    const started = performance.now();
    expect(problemsOf('alias-bomb.yaml')).toEqual([
      'bad/alias-bomb.yaml:1:1 too many YAML aliases (more than 100 for one value): the file looks like an alias bomb and was not loaded',
    ]);
    // Expanded, this file would hold 9^9 strings; refusing it must not take noticeable time.
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('a second YAML document in the file', () => {
    expect(problemsOf('two-documents.yaml')).toEqual([
      'bad/two-documents.yaml:4:1 a deck file holds one YAML document, but a second one starts here',
    ]);
  });

  it('bad ask items: unknown key, missing question, a list instead of a question', () => {
    expect(problemsOf('bad-ask.yaml')).toEqual([
      'bad/bad-ask.yaml:5:5 ask[1]: unknown key "whyy" — did you mean "why"?',
      'bad/bad-ask.yaml:6:5 ask[2]: missing "question"',
      'bad/bad-ask.yaml:7:5 ask[3]: expected text or a mapping, got a list',
    ]);
  });

  it('numbers where text belongs: a hint to quote them', () => {
    expect(problemsOf('numbers-for-text.yaml')).toEqual([
      'bad/numbers-for-text.yaml:1:1 title: expected text, got a number (2026): put it in quotes',
      'bad/numbers-for-text.yaml:6:7 pitch.points[1]: expected text, got a number (42): put it in quotes',
    ]);
  });

  it('aliases written as a list, or with an empty word, in words of the deck format', () => {
    expect(problemsOfText('title: T\naliases: [k8s, kubernetes]\nask: [Fine?]\n')).toEqual(['inline.yaml:2:1 aliases: expected a mapping, got a list']);
    expect(problemsOfText('title: T\naliases: {"  ": kubernetes, k8s: ""}\nask: [Fine?]\n')).toEqual([
      'inline.yaml:2:11 aliases["  "]: the word on the left must not be empty',
      'inline.yaml:2:29 aliases.k8s: must not be empty',
    ]);
  });

  it('a deck with many mistakes reports every one, in line order', () => {
    expect(problemsOf('many-errors.yaml')).toEqual([
      'bad/many-errors.yaml:1:1 unknown key "titel" — did you mean "title"?',
      'bad/many-errors.yaml:3:3 pitch.script: must not be empty',
      'bad/many-errors.yaml:4:3 pitch.seconds: expected a number, got text ("soon")',
      'bad/many-errors.yaml:7:5 questions[0].answer: expected text, got a list',
      'bad/many-errors.yaml:8:5 questions[1].id: invalid id "Bad_Id": use lowercase letters and digits in words joined by single hyphens, e.g. "bad-id"',
      'bad/many-errors.yaml:8:5 questions[1]: missing "answer"',
      'bad/many-errors.yaml:10:5 questions[2].question: expected text, got a number (42): put it in quotes',
      'bad/many-errors.yaml:12:5 questions[2].tags: expected a list, got text ("security")',
      'bad/many-errors.yaml:14:5 ask[0]: expected text or a mapping, got a number (7)',
    ]);
  });

  it('problems on one line are listed left to right, whichever check found them first', () => {
    // The unknown key is the schema's finding, the control character a later check's: the list reads along the line.
    expect(problemsOfText('title: T\nquestions:\n  - {question: "Q\\e", answer: A, colour: red}\n')).toEqual([
      'inline.yaml:3:6 warning: questions[0].question: contains a terminal control character (U+001B): it is shown as "␛" and never sent to the terminal',
      'inline.yaml:3:34 questions[0]: unknown key "colour" (expected one of: id, question, answer, points, tags, seconds)',
    ]);
  });

  it('an empty pitch or question item is reported as such, not as a duplicate id or a crash', () => {
    expect(problemsOfText('title: T\npitch: ~\nquestions:\n  - {id: pitch, question: Q?, answer: A.}\n  -\n  - [Q?]\n')).toEqual([
      'inline.yaml:2:1 pitch: expected a mapping, got nothing',
      'inline.yaml:5:4 questions[1]: expected a mapping, got nothing',
      'inline.yaml:6:5 questions[2]: expected a mapping, got a list',
    ]);
  });

  it('whitespace-only text where text is required counts as empty', () => {
    expect(problemsOfText('title: "   "\nquestions:\n  - question: Q\n    answer: "  "\n')).toEqual([
      'inline.yaml:1:1 title: must not be empty',
      'inline.yaml:4:5 questions[0].answer: must not be empty',
    ]);
  });

  it('a question with no letters or digits needs an explicit id', () => {
    expect(problemsOfText('title: T\nquestions:\n  - question: "???"\n    answer: Nothing to slug.\n')).toEqual([
      'inline.yaml:3:5 questions[0].question: this question has no letters or digits to make an id from: give the card an "id"',
    ]);
  });
});

describe('text that would reach the terminal', () => {
  it('loads control characters as visible symbols with a warning each, keeping tabs and newlines', () => {
    const text = 'title: T\nquestions:\n  - question: "Clear the screen\\e[2J"\n    answer: "tab\\there\\nnewline"\n    points: ["bell\\a"]\n';
    const { deck, problems } = parseDeck(text, { name: 'inline', path: '/abs/inline.yaml', displayPath: 'inline.yaml' });
    expect(problems.map(formatProblem)).toEqual([
      'inline.yaml:3:5 warning: questions[0].question: contains a terminal control character (U+001B): it is shown as "␛" and never sent to the terminal',
      'inline.yaml:5:14 warning: questions[0].points[0]: contains a terminal control character (U+0007): it is shown as "␇" and never sent to the terminal',
    ]);
    expect(deck?.cards[0]).toMatchObject({ prompt: 'Clear the screen␛[2J', answer: 'tab\there\nnewline', points: ['bell␇'] });
  });
});
