import { describe, expect, it } from 'vitest';
import { cardById, DeckError, formatProblem, type DeckProblem } from '../../../src/core/deck/types.js';
import { makeDeck, question } from '../../helpers/deck.js';

const problem: DeckProblem = { file: 'decks/acme.yaml', line: 12, column: 5, path: 'questions[2].answer', message: 'expected text, got a list', severity: 'error' };

describe('formatProblem', () => {
  it('writes file:line:column, the path and the message on one line; a warning says so; the deck as a whole has no path', () => {
    expect(formatProblem(problem)).toBe('decks/acme.yaml:12:5 questions[2].answer: expected text, got a list');
    expect(formatProblem({ ...problem, severity: 'warning' })).toBe('decks/acme.yaml:12:5 warning: questions[2].answer: expected text, got a list');
    expect(formatProblem({ ...problem, path: '', line: 1, column: 1, message: 'the file is empty' })).toBe('decks/acme.yaml:1:1 the file is empty');
  });

  it('never sends a control character from a file name or a message to the terminal', () => {
    expect(formatProblem({ ...problem, file: 'evil\u001b[2J.yaml', message: 'bell\u0007' })).toBe('evil␛[2J.yaml:12:5 questions[2].answer: bell␇');
  });
});

describe('DeckError', () => {
  it('carries every problem, one line each in its message', () => {
    const err = new DeckError([problem, { ...problem, line: 14, message: 'missing "answer"', path: 'questions[3]' }]);
    expect(err.message).toBe('decks/acme.yaml:12:5 questions[2].answer: expected text, got a list\ndecks/acme.yaml:14:5 questions[3]: missing "answer"');
    expect(err.name).toBe('DeckError');
    expect(err.problems).toHaveLength(2);
  });

  it("is recognised when it comes from the authoring bundle's own copy of the class, and nothing else is", () => {
    const fromOtherCopy = Object.assign(new Error('x'), { [Symbol.for('prep.DeckError')]: true, problems: [] });
    expect(fromOtherCopy instanceof DeckError).toBe(true);
    expect(new DeckError([]) instanceof DeckError).toBe(true);
    for (const other of [new Error('x'), { [Symbol.for('prep.DeckError')]: 'yes' }, null, undefined, 'DeckError']) {
      expect(other instanceof DeckError).toBe(false);
    }
  });
});

describe('cardById', () => {
  it("finds a deck's card by its id; an unknown or absent id finds none", () => {
    const deck = makeDeck(3);
    expect(cardById(deck, 'q2')).toBe(deck.cards[1]);
    expect(cardById(deck, 'q9')).toBeUndefined();
    expect(cardById(deck, undefined)).toBeUndefined();
  });

  it('a deck loaded again (new cards) is looked up in its new cards, not the old ones', () => {
    const before = makeDeck(2);
    expect(cardById(before, 'q1')?.prompt).toBe('Question q1?');
    const after = { ...before, cards: [question('q1', { prompt: 'Reworded?' })] };
    expect(cardById(after, 'q1')?.prompt).toBe('Reworded?');
    expect(cardById(after, 'q2')).toBeUndefined();
    expect(cardById(before, 'q2')).toBe(before.cards[1]);
  });
});
