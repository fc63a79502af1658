import { beforeEach, describe, expect, it } from 'vitest';
import { pointWarnings } from '../../../src/core/answer/point-lint.js';
import { lintDeckText, type Advisor } from '../../../src/core/deck/lint.js';
import type { DeckProblem } from '../../../src/core/deck/types.js';
import { PieceChecker, UnloadableDeckError } from '../../../src/core/import/checked-pieces.js';
import { deckYaml, deckYamlPieces, type DeckPiece } from '../../../src/core/import/to-yaml.js';
import type { DraftDeck, DraftQuestion } from '../../../src/core/import/types.js';

// An advisor is asked once per document checked: counting its calls tells a batch checked as
// one from one checked card by card.
let documents = 0;
const counting: Advisor = () => {
  documents++;
  return [];
};
beforeEach(() => {
  documents = 0;
});

const TARGET = { name: 'big', path: '/decks/big.yaml', displayPath: 'decks/big.yaml' };
const OPTS = { fallbackTitle: 'Big', schema: 'file:///opt/prep/schema/deck.schema.json', source: 'big.md' };
/** Checks each later card as a document of its own: what the checker did before batches. */
const ALONE = 1;

/**
 * Card i has its own mix of advice, so every place in a batch (first, middle, last, alone)
 * holds a card with warnings and a card without: one point; a point too long; a figure of the
 * answer in no point; several lines of answer; or nothing to say.
 */
function card(i: number): DraftQuestion {
  const kind = i % 5;
  const answer = kind === 3 ? `First line of answer ${i}.\n\nWe cut costs by ${i + 10}%.\nLast line.` : `Answer ${i} says it plainly, in a few words.`;
  const points = [
    [`the one point of ${i}`],
    [`a point of card ${i} that goes on and on well past the fifteen words a key point should hold`, 'short'],
    [`point ${i} here`, 'another point'],
    [`point ${i} here`, 'another point'],
    [`point ${i}`, 'more'],
  ][kind] as string[];
  return { question: `Question number ${i}?`, answer: kind === 2 ? `${answer} It grew ${i + 3}x.` : answer, points, tags: i % 2 ? ['t'] : [] };
}

function deck(n: number): DraftDeck {
  return { title: 'Big', pitch: { script: 'I build things.', points: [] }, questions: Array.from({ length: n }, (_, i) => card(i)), ask: [] };
}

function checked(pieces: Iterable<DeckPiece>, batch: number): { problems: DeckProblem[]; text: string } {
  const checker = new PieceChecker(TARGET, [], [pointWarnings, counting], undefined, batch);
  let text = '';
  for (const piece of pieces) text += checker.take(piece) ?? '';
  checker.finish();
  return { problems: checker.problems, text };
}

describe('later cards checked in batches', () => {
  it('give the same problems, lines, columns and paths as each card checked alone, and as lint of the whole file', () => {
    const draft = deck(23);
    const alone = checked(deckYamlPieces(draft, OPTS), ALONE);
    const whole = lintDeckText(deckYaml(draft, OPTS), TARGET, [pointWarnings]);
    expect(alone.problems).toEqual(whole);
    // Batches of about two cards, of about five, and one batch of all the later cards.
    for (const size of [300, 900, 1e9]) {
      const batched = checked(deckYamlPieces(draft, OPTS), size);
      expect(batched.text).toBe(alone.text);
      expect(batched.problems).toEqual(alone.problems);
    }
    // The advice is spread over the deck: the first card, the last, and cards of every kind.
    const paths = alone.problems.map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['pitch', 'questions[0].points', 'questions[1].points[0]', 'questions[20].points', 'questions[21].points[0]', 'questions[22].answer']));
    const last = alone.problems.find((p) => p.path === 'questions[22].answer');
    const lines = alone.text.split('\n');
    expect(lines[(last?.line ?? 0) - 1]?.slice((last?.column ?? 1) - 1)).toMatch(/^answer: /);
  });

  it('check a batch as one document when it says only what is plainly its cards\'', () => {
    const pieces = [...deckYamlPieces(deck(23), OPTS)];
    checked(pieces, 1e9);
    // The head with the first card, then the other 22 cards in one go.
    expect(documents).toBe(2);
    documents = 0;
    checked(pieces, ALONE);
    expect(documents).toBe(23);
  });
});

const head: DeckPiece = { part: 'head', index: 0, id: '', text: 'title: T\n' };
const first: DeckPiece = { part: 'questions', index: 0, id: 'q0', text: 'questions:\n  - id: q0\n    question: Q0?\n    answer: A\n' };
const later = (i: number, body = `    question: Q${i}?\n    answer: A\n`): DeckPiece => ({ part: 'questions', index: i, id: `q${i}`, text: `  - id: q${i}\n${body}` });

function refusal(pieces: DeckPiece[], batch: number): UnloadableDeckError {
  const checker = new PieceChecker(TARGET, [], [], undefined, batch);
  try {
    for (const piece of pieces) checker.take(piece);
    checker.finish();
  } catch (err) {
    if (err instanceof UnloadableDeckError) return err;
    throw err;
  }
  throw new Error('not refused');
}

describe('an error in a batch', () => {
  const breakers = ['    question: [Q?\n    answer: A\n', '    question: Q?\n', '    question: Q?\n    answer: A\n    tags: 5\n'];

  it('in the k-th card is refused with that card\'s own errors, lines and index, as it alone would be', () => {
    for (const body of breakers) {
      for (let k = 1; k <= 5; k++) {
        const pieces = [head, first, ...[1, 2, 3, 4, 5].map((i) => (i === k ? later(i, body) : later(i)))];
        const alone = refusal(pieces, ALONE);
        const batched = refusal(pieces, 1e9);
        expect(batched.message).toBe(alone.message);
        expect(batched.problems).toEqual(alone.problems);
        // Card k starts on line 6 + 3 (k - 1): the head's line, the first card's four, three lines a card.
        expect(batched.problems[0]?.line).toBeGreaterThanOrEqual(6 + 3 * (k - 1));
        expect(batched.problems.map((p) => p.path).filter(Boolean)).toEqual(batched.problems.map((p) => p.path).filter(Boolean).map(() => expect.stringMatching(new RegExp(`^questions\\[${k}\\]`))));
      }
    }
    const missing = refusal([head, first, later(1), later(2), later(3, '    question: Q?\n'), later(4)], 1e9);
    expect(missing.message).toBe('the imported deck would not load, so nothing was written:\ndecks/odd.yaml:12:5 questions[3]: missing "answer": add "answer:", your model answer'.replace('odd', 'big'));
  });

  it('that no card has alone, only together, is refused all the same, placed in the file', () => {
    // Two cards with the same id in their text (the pieces' ids, which the checker compares, differ).
    const twin = (i: number): DeckPiece => ({ ...later(i), text: `  - id: same\n    question: Q${i}?\n    answer: A\n` });
    expect(() => refusal([head, first, later(1), twin(2), twin(3)], ALONE)).toThrow('not refused');
    const together = refusal([head, first, later(1), twin(2), twin(3)], 1e9);
    expect(together.problems).toEqual([expect.objectContaining({ line: 12, column: 5, path: 'questions[3].id', severity: 'error' })]);
    expect(together.message).toMatch(/decks\/big\.yaml:12:5 questions\[3\]\.id: duplicate id "same" \(first used on line 9\)/);
  });
});

describe('a batch whose problems are not plainly one card\'s', () => {
  it('is checked card by card, so each warning is placed as its card alone places it', () => {
    // An unknown tag is a warning of the YAML itself, with no path: it cannot be told to a card by its path.
    const tagged = later(3, '    question: !odd Q3?\n    answer: A\n');
    const pieces = [head, first, later(1), later(2), tagged, later(4)];
    const alone = checked(pieces, ALONE);
    const batched = checked(pieces, 1e9);
    expect(batched.problems).toEqual(alone.problems);
    expect(batched.problems.filter((p) => p.path === '')).toEqual([expect.objectContaining({ line: 13, severity: 'warning' })]);
    // The head with the first card, the batch, then its four cards one by one.
    documents = 0;
    checked(pieces, 1e9);
    expect(documents).toBe(6);
  });

  it('is checked card by card when a warning of a card is placed outside its lines', () => {
    // An advisor may place a card's warning anywhere: here on the document's first line, which
    // checking the card alone places on the card's own first line.
    const atTop: Advisor = (data) => {
      const questions = (data as { questions?: unknown[] }).questions ?? [];
      return questions.map((_, i) => ({ line: 1, column: 1, path: `questions[${i}]`, message: 'placed at the top', severity: 'warning' as const }));
    };
    const pieces = [head, first, later(1), later(2), later(3)];
    const run = (batch: number): DeckProblem[] => {
      const checker = new PieceChecker(TARGET, [], [atTop], undefined, batch);
      for (const piece of pieces) checker.take(piece);
      checker.finish();
      return checker.problems;
    };
    const alone = run(ALONE);
    expect(alone.filter((p) => p.message === 'placed at the top').map((p) => [p.path, p.line])).toEqual([
      ['questions[0]', 1],
      ['questions[1]', 6],
      ['questions[2]', 9],
      ['questions[3]', 12],
    ]);
    expect(run(1e9)).toEqual(alone);
  });
});
