import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { pointWarnings } from '../../../src/core/answer/point-lint.js';
import { lintDeckText } from '../../../src/core/deck/lint.js';
import { parseDeck } from '../../../src/core/deck/load-deck.js';
import { DeckTooBigError, PieceChecker, UnloadableDeckError } from '../../../src/core/import/checked-pieces.js';
import { deckYaml, deckYamlPieces, type DeckPiece } from '../../../src/core/import/to-yaml.js';
import type { DraftDeck } from '../../../src/core/import/types.js';

const TARGET = { name: 'odd', path: '/decks/odd.yaml', displayPath: 'decks/odd.yaml' };
const OPTS = { fallbackTitle: 'Odd', schema: 'file:///opt/prep/schema/deck.schema.json', source: 'odd.md' };

/** Text a YAML writer can get wrong: quotes, colons, comments, markers, indentation, unicode, long lines. */
const ODD = [
  'What does "quoted: text" mean?',
  "It's a 'single' and a \"double\" quote: both # kept",
  '# not a comment\nkey: value\n- not a list\n---\n...\n  indented line\n\nlast line',
  '@at *star &amp !bang %pct |pipe >gt [open {brace ?q - dash',
  'Ünïcödé — 日本語 😀 עברית',
  `${'long words '.repeat(400).trim()}.`,
  'Trailing colon:',
  'yes',
  'null',
  '0x1F',
  '2026-01-02',
  '~',
];

function oddDeck(): DraftDeck {
  return {
    title: 'Odd: "text" # deck',
    company: 'Ünïcödé Inc.',
    pitch: { script: `${'I build things that last. '.repeat(40).trim()}`, seconds: 30, points: ['Things: that last', '# beats'] },
    questions: ODD.map((text, i) => ({
      question: i === 2 ? `Multi-line ${i}?` : `${text} ${i}`,
      answer: i === 7 ? 'yes' : `${text}\n\n${ODD[(i + 1) % ODD.length]}`,
      points: i % 3 === 0 ? [text.split('\n')[0] ?? 'x'] : [`${i}: a point`, `# point ${i}`, 'Ünïcödé 😀'],
      tags: i % 2 === 0 ? ['tag: one', '#two'] : [],
    })),
    ask: [{ question: 'What is "done": really?', why: '# because\nit matters' }, { question: '- Is it?' }, { question: 'Ünïcödé 😀?' }],
  };
}

/** Passes the pieces through a checker, as import does, and returns the file's text. */
function written(pieces: Iterable<DeckPiece>, checker: PieceChecker): string {
  let out = '';
  for (const piece of pieces) {
    const text = checker.take(piece);
    if (text !== undefined) out += text;
  }
  checker.finish();
  return out;
}

describe('checking an imported deck piece by piece', () => {
  it('odd text passes, the file is the whole YAML, and the real loader reads back every text exactly', () => {
    const draft = oddDeck();
    const text = written(deckYamlPieces(draft, OPTS), new PieceChecker(TARGET));
    expect(text).toBe(deckYaml(draft, OPTS));
    const { deck, problems } = parseDeck(text, TARGET);
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    const questions = deck?.cards.filter((c) => c.kind === 'question') ?? [];
    expect(questions.map((c) => [c.prompt, c.answer])).toEqual(draft.questions.map((q) => [q.question, q.answer]));
    expect(questions.map((c) => c.points)).toEqual(draft.questions.map((q) => q.points));
    expect(deck?.title).toBe('Odd: "text" # deck');
    const asks = (parse(text) as { ask: unknown[] }).ask;
    expect(asks).toEqual([
      { id: 'what-is-done-really', question: 'What is "done": really?', why: '# because\nit matters' },
      { id: 'is-it', question: '- Is it?' },
      { id: 'unicode', question: 'Ünïcödé 😀?' },
    ]);
    expect(deck?.cards.filter((c) => c.kind === 'ask')).toHaveLength(3);
  });

  it('says the same warnings, at the same lines and paths, as lint of the whole file', () => {
    const draft = oddDeck();
    const checker = new PieceChecker(TARGET, [], [pointWarnings]);
    const text = written(deckYamlPieces(draft, OPTS), checker);
    const whole = lintDeckText(text, TARGET, [pointWarnings]);
    // The deck has advice to give in its head, its first card and later ones, so the placing is tested.
    expect(whole.map((p) => p.path)).toEqual(expect.arrayContaining(['pitch.script', 'questions[0].points', 'questions[9].points', 'questions[10].answer']));
    expect(checker.problems).toEqual(whole);
  });

  it('a card that is not an item of its list, or breaks the YAML, or repeats an id, is an error by the end of the check', () => {
    const head: DeckPiece = { part: 'head', index: 0, id: '', text: 'title: T\n' };
    const first: DeckPiece = { part: 'questions', index: 0, id: 'a', text: 'questions:\n  - id: a\n    question: A?\n    answer: A\n' };
    const cases: [DeckPiece, RegExp][] = [
      [{ part: 'questions', index: 1, id: 'b', text: '  - id: b\n    question: B?\n    answer: B\nask:\n  - C?\n' }, /decks\/odd\.yaml:6:1 questions\[1\]: the card is not an item of its list/],
      [{ part: 'questions', index: 1, id: 'b', text: '  - id: b\n    question: [B?\n    answer: B\n' }, /decks\/odd\.yaml:8:5 Flow sequence/],
      [{ part: 'questions', index: 1, id: 'b', text: '  - id: b\n    question: B?\n' }, /decks\/odd\.yaml:6:5 questions\[1\]: missing "answer"/],
      [{ part: 'questions', index: 1, id: 'a', text: '  - id: a\n    question: B?\n    answer: B\n' }, /duplicate id "a"/],
    ];
    for (const [bad, message] of cases) {
      const checker = new PieceChecker(TARGET);
      checker.take(head);
      checker.take(first);
      expect(() => {
        checker.take(bad);
        checker.finish();
      }).toThrow(UnloadableDeckError);
      expect(() => checkAll([head, first, bad])).toThrow(message);
    }
  });

  it('past the limit passes nothing more on, then gives the whole size', () => {
    const draft = oddDeck();
    const size = Buffer.byteLength(deckYaml(draft, OPTS), 'utf8');
    const checker = new PieceChecker(TARGET, [], [], 4000);
    let passed = 0;
    for (const piece of deckYamlPieces(draft, OPTS)) passed += Buffer.byteLength(checker.take(piece) ?? '', 'utf8');
    expect(passed).toBeGreaterThan(0);
    expect(passed).toBeLessThanOrEqual(4000);
    expect(() => checker.finish()).toThrow(new DeckTooBigError(size));
    expect(size).toBeGreaterThan(4000);
  });
});

describe('what the piece checks let through and what they stop', () => {
  const head: DeckPiece = { part: 'head', index: 0, id: '', text: 'title: T\n' };
  const first: DeckPiece = { part: 'questions', index: 0, id: 'a', text: 'questions:\n  - id: a\n    question: A?\n    answer: A\n' };

  it('without advisors, still says the loader\'s own warnings, as lint of the whole file does', () => {
    const draft = oddDeck();
    const checker = new PieceChecker(TARGET);
    const text = written(deckYamlPieces(draft, OPTS), checker);
    const whole = lintDeckText(text, TARGET);
    expect(whole.length).toBeGreaterThan(0);
    expect(checker.problems).toEqual(whole);
  });

  it('a deck of exactly the limit is written whole; one byte less and it is refused with its size', () => {
    const draft = { ...oddDeck(), ask: [] };
    const yaml = deckYaml(draft, OPTS);
    const size = Buffer.byteLength(yaml, 'utf8');
    expect(written(deckYamlPieces(draft, OPTS), new PieceChecker(TARGET, [], [], size))).toBe(yaml);
    expect(() => written(deckYamlPieces(draft, OPTS), new PieceChecker(TARGET, [], [], size - 1))).toThrow(new DeckTooBigError(size));
  });

  it('checks the ask cards, after the questions or with the head when there are none', () => {
    const badAsk: DeckPiece = { part: 'ask', index: 0, id: 'x', text: 'ask:\n  - id: x\n    question: [X?\n' };
    expect(() => checkAll([head, first, badAsk])).toThrow(/^the imported deck would not load, so nothing was written:\ndecks\/odd\.yaml:9:1 Flow sequence/);
    expect(() => checkAll([head, badAsk])).toThrow(/decks\/odd\.yaml:5:1 Flow sequence/);
    const goodAsk: DeckPiece = { part: 'ask', index: 0, id: 'x', text: 'ask:\n  - id: x\n    question: X?\n' };
    expect(() => checkAll([head, goodAsk])).not.toThrow();
    expect(() => checkAll([head, first, goodAsk])).not.toThrow();
  });

  it('a head is checked even when no card follows it: one with a pitch is a deck, one without is refused', () => {
    expect(() => checkAll([{ ...head, text: 'title: [T\n' }])).toThrow(/decks\/odd\.yaml:2:1 Flow sequence/);
    expect(() => checkAll([head])).toThrow(/decks\/odd\.yaml:1:1 the deck has no cards/);
    expect(() => checkAll([{ ...head, id: 'pitch', text: 'title: T\npitch:\n  script: I build things.\n' }])).not.toThrow();
    expect(() => checkAll([head, first])).not.toThrow();
  });

  it('a later card indented as a whole but not a list item is refused as such', () => {
    const loose: DeckPiece = { part: 'questions', index: 1, id: 'b', text: '    id: b\n    question: B?\n    answer: B\n' };
    expect(() => checkAll([head, first, loose])).toThrow(/decks\/odd\.yaml:6:1 questions\[1\]: the card is not an item of its list/);
  });

  it('names every error of a card, each on its own line, as errors', () => {
    const bad: DeckPiece = { part: 'questions', index: 1, id: 'b', text: '  - id: b\n    tags: 5\n' };
    let thrown: unknown;
    try {
      checkAll([head, first, bad]);
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(UnloadableDeckError);
    const { message, problems } = thrown as UnloadableDeckError;
    expect(message.split('\n')).toEqual([
      'the imported deck would not load, so nothing was written:',
      expect.stringMatching(/^decks\/odd\.yaml:6:5 questions\[1\]: missing "question"/),
      expect.stringMatching(/^decks\/odd\.yaml:6:5 questions\[1\]: missing "answer"/),
      'decks/odd.yaml:7:5 questions[1].tags: expected a list, got a number (5)',
    ]);
    expect(problems.map((p) => p.severity)).toEqual(['error', 'error', 'error']);
    expect(() => checkAll([head, first, { ...bad, text: '    tags: 5\n' }])).toThrow(
      expect.objectContaining({ problems: [expect.objectContaining({ path: 'questions[1]', severity: 'error', line: 6, column: 1 })] }),
    );
  });
});

function checkAll(pieces: DeckPiece[]): void {
  const checker = new PieceChecker(TARGET);
  for (const piece of pieces) checker.take(piece);
  checker.finish();
}
