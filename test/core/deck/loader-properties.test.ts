import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseDeck } from '../../../src/core/deck/load-deck.js';
import { lintDeckText } from '../../../src/core/deck/lint.js';
import type { DeckProblem } from '../../../src/core/deck/types.js';

const OPTS = { name: 'prop', path: '/decks/prop.yaml', displayPath: 'prop.yaml' };

/**
 * The loader's promise: a deck, or problems with a place, at least one of them an error.
 * "could not check this deck" is its last-resort catch of an exception from inside, so seeing
 * it means something threw that should not have.
 */
function holdsPromise(text: string): void {
  const { deck, problems } = parseDeck(text, OPTS);
  const errors = problems.filter((p) => p.severity === 'error');
  if (deck) expect(errors).toEqual([]);
  else expect(errors.length).toBeGreaterThan(0);
  for (const p of problems) expectPlaced(p);
  expect(problems.map((p) => p.message).filter((m) => m.startsWith('could not check this deck'))).toEqual([]);
  if (deck) {
    for (const c of deck.cards) {
      expect(typeof c.prompt).toBe('string');
      expect(typeof c.answer).toBe('string');
      expect(c.line).toBeGreaterThanOrEqual(1);
    }
  }
}

function expectPlaced(p: DeckProblem): void {
  expect(p.file).toBe('prop.yaml');
  expect(Number.isInteger(p.line) && p.line >= 1).toBe(true);
  expect(Number.isInteger(p.column) && p.column >= 1).toBe(true);
  expect(p.message.length).toBeGreaterThan(0);
}

// Bits of YAML syntax, so random text reaches far deeper into the parser than random letters.
const TOKENS = [
  'title:', 'questions:', 'pitch:', 'ask:', 'answer:', 'question:', 'points:', 'id:', 'seconds:', 'script:',
  '- ', '  ', '    ', '\n', '\r\n', '\t', '"', "'", '[', ']', '{', '}', ',', ': ', '? ', '|', '>', '|-', '---', '...',
  '&a ', '*a', '&b ', '*b', '<<: ', '!!str ', '!!int ', '!!binary ', '!custom ', '%YAML 1.2', '#', '\\e', '\u001b', '\u0000',
  '\uFEFF', '\u0085', '\u2028', 'x', 'why', '42', '-1', '.inf', '.nan', 'null', '~', 'true', '2026-03-05', '__proto__', 'constructor',
];

/** Deck-like data with values of every type where text, lists and numbers belong. */
const anyValue = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.string(), { maxLength: 3 }), fc.object({ maxDepth: 2 }));
const deckLike = fc.record(
  {
    title: anyValue,
    company: anyValue,
    interview: fc.oneof(fc.constantFrom('2026-03-05', '2026-02-30', '2026-03-05T25:00', 'soon'), anyValue),
    pitch: fc.oneof(fc.record({ script: anyValue, seconds: anyValue, points: anyValue }, { requiredKeys: [] }), anyValue),
    questions: fc.oneof(fc.array(fc.record({ id: anyValue, question: anyValue, answer: anyValue, points: anyValue, tags: anyValue, seconds: anyValue }, { requiredKeys: [] }), { maxLength: 4 }), anyValue),
    ask: fc.oneof(fc.array(fc.oneof(fc.string(), fc.record({ id: anyValue, question: anyValue, why: anyValue }, { requiredKeys: [] })), { maxLength: 3 }), anyValue),
    extra: anyValue,
  },
  { requiredKeys: [] },
);

describe('the deck loader on arbitrary input (fast-check)', () => {
  it('any string of any characters: a deck or placed errors, never an internal failure', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), holdsPromise), { numRuns: 400 });
  });

  it('YAML-ish token soup: a deck or placed errors, never an internal failure', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...TOKENS), { maxLength: 60 }).map((t) => t.join('')), holdsPromise), { numRuns: 600 });
  });

  it('any JSON-like value written as YAML: a deck or placed errors', () => {
    // stringify(undefined) gives undefined, not text: that one is written as an empty file.
    fc.assert(fc.property(fc.anything(), (v) => holdsPromise((stringify(v) as string | undefined) ?? '')), { numRuns: 300 });
  });

  it('deck-shaped data with values of every type: a deck or placed errors, and lint never throws either', () => {
    fc.assert(
      fc.property(deckLike, (data) => {
        const text = stringify(data);
        holdsPromise(text);
        for (const p of lintDeckText(text, OPTS)) expectPlaced(p);
      }),
      { numRuns: 300 },
    );
  });

  it('never reaches a prototype, whatever the keys', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'prototype', 'polluted', 'title'), fc.jsonValue({ maxDepth: 3 })), (d) => {
        parseDeck(stringify(d), OPTS);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: 200 },
    );
  });
});
