import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadDeckFile, parseDeck } from '../../../src/core/deck/load-deck.js';
import type { Card } from '../../../src/core/deck/types.js';

const GOOD = fileURLToPath(new URL('../../fixtures/decks/good/', import.meta.url));

describe('good decks', () => {
  it('a minimal deck: a title and one question', () => {
    const deck = loadDeckFile(GOOD + 'minimal.yaml');
    expect(deck).toEqual({
      name: 'minimal',
      path: GOOD + 'minimal.yaml',
      title: 'Mock interview',
      cards: [
        {
          id: 'what-is-a-closure',
          kind: 'question',
          prompt: 'What is a closure?',
          answer: 'A function with the scope it was made in.',
          points: [],
          tags: [],
          line: 3,
        },
      ],
    });
  });

  it('a full deck: every field, strings trimmed, pitch first, then questions, then ask cards', () => {
    const deck = loadDeckFile(GOOD + 'full.yaml');
    expect(deck.title).toBe('Acme — Staff Engineer');
    expect(deck.company).toBe('Acme');
    expect(deck.role).toBe('Staff Engineer');
    // The core schema keeps dates as the text written, not a Date.
    expect(deck.interview).toBe('2026-03-05T14:30');
    expect(deck.cards.map((c) => [c.kind, c.id, c.line])).toEqual([
      ['pitch', 'pitch', 7],
      ['question', 'sandbox-design', 18],
      ['question', 'why-acme', 26],
      ['ask', 'team-size', 30],
    ]);
    expect(deck.cards[0]).toEqual<Card>({
      id: 'pitch',
      kind: 'pitch',
      prompt: 'Walk me through your background.',
      answer: 'I build developer tools.\nMostly for the terminal.',
      points: ['developer tools', 'terminal'],
      tags: [],
      seconds: 45,
      line: 7,
    });
    expect(deck.cards[1]).toMatchObject({
      prompt: 'Design a sandbox for a coding agent.',
      answer: 'Threat model first, then one layer per threat.',
      points: ['threat model', 'layers'],
      tags: ['security', 'design'],
      seconds: 90,
    });
    expect(deck.cards[2]?.seconds).toBeUndefined();
    expect(deck.cards[3]).toMatchObject({
      prompt: 'What will you ask them?',
      answer: 'How big is the team?',
      why: 'To know who I would work with.',
    });
  });

  it('the pitch takes its default prompt and 30 seconds when the deck sets neither', () => {
    const { deck, problems } = parseDeck('title: T\npitch:\n  script: I build tools.\n', { name: 't', path: '/t.yaml' });
    expect(problems).toEqual([]);
    expect(deck?.cards).toEqual([
      { id: 'pitch', kind: 'pitch', prompt: 'Tell me about yourself.', answer: 'I build tools.', points: [], tags: [], seconds: 30, line: 2 },
    ]);
  });

  it('ask items as plain strings and as mappings', () => {
    const deck = loadDeckFile(GOOD + 'ask-forms.yaml');
    expect(deck.cards).toEqual([
      // Without a cue or a why, the question's first words tell the cards apart.
      { id: 'what-does-a-good-first-month-look-like', kind: 'ask', prompt: 'What will you ask them?', answer: 'What does a good first month look like?', points: [], tags: [], cue: 'What does a good…', ask: { index: 1, total: 3 }, line: 3 },
      { id: 'how-do-you-review-code', kind: 'ask', prompt: 'What will you ask them?', answer: 'How do you review code?', points: [], tags: [], cue: 'How do you review…', ask: { index: 2, total: 3 }, line: 4 },
      {
        id: 'on-call',
        kind: 'ask',
        prompt: 'What will you ask them?',
        answer: 'What does on-call look like?',
        points: [],
        tags: [],
        why: 'It tells me about the load.',
        cue: 'It tells me about the load.',
        ask: { index: 3, total: 3 },
        line: 5,
      },
    ]);
  });

  it("an ask card's cue is the one written, else its why, else the question itself when it is four words or fewer", () => {
    const text = 'title: T\nask:\n  - {question: Who owns the on-call rota here?, cue: on-call owner, why: The load.}\n  - How big is it?\n  - Who decides the roadmap, really?\n';
    const { deck, problems } = parseDeck(text, { name: 'inline', path: '/abs/inline.yaml' });
    expect(problems).toEqual([]);
    expect(deck?.cards.map((c) => c.cue)).toEqual(['on-call owner', 'How big is it?', 'Who decides the roadmap,…']);
  });

  it('cards without an id get a slug of their question: accents folded, cut at a word boundary', () => {
    const deck = loadDeckFile(GOOD + 'slug-ids.yaml');
    expect(deck.cards.map((c) => c.id)).toEqual([
      'cafe-au-lait-whats-in-it',
      'why-do-you-want-to-work-at-a-company-whose-name',
      'strasse-oder-weg',
    ]);
    expect(deck.cards[1]?.prompt).toBe("Why do you want to work at a company whose name we can't pronounce properly?");
  });

  it('a deck with Windows line endings and a byte-order mark parses, with the same lines', () => {
    const text = '\uFEFFtitle: Windows deck\r\npitch:\r\n  script: |\r\n    line one\r\n    line two\r\nquestions:\r\n  - question: Q\r\n    answer: A\r\n';
    const { deck, problems } = parseDeck(text, { name: 'win', path: '/win.yaml' });
    expect(problems).toEqual([]);
    expect(deck?.title).toBe('Windows deck');
    expect(deck?.cards[0]?.answer).toBe('line one\nline two');
    expect(deck?.cards[1]?.line).toBe(7);
  });

  it('YAML anchors and aliases within reason are fine', () => {
    const text = 'title: T\nquestions:\n  - question: Q1\n    answer: A\n    tags: &t [core, basics]\n  - question: Q2\n    answer: B\n    tags: *t\n';
    const { deck } = parseDeck(text, { name: 't', path: '/t.yaml' });
    expect(deck?.cards[1]?.tags).toEqual(['core', 'basics']);
  });

  it('a point may list other phrasings it accepts, and the deck words to take for one another', () => {
    const text = [
      'title: T',
      'aliases:',
      '  OTel: OpenTelemetry',
      'questions:',
      '  - question: Q',
      '    answer: A',
      '    points:',
      '      - Threat model first',
      '      - text: Per-tool network policy',
      '        match: [firewall per tool, egress allow-list]',
      '',
    ].join('\n');
    const { deck, problems } = parseDeck(text, { name: 't', path: '/t.yaml' });
    expect(problems).toEqual([]);
    expect(deck?.aliases).toEqual({ OTel: 'OpenTelemetry' });
    expect(deck?.cards[0]?.points).toEqual(['Threat model first', 'Per-tool network policy']);
    expect(deck?.cards[0]?.matches).toEqual([[], ['firewall per tool', 'egress allow-list']]);
  });

  it('a point object without text is an error at its place', () => {
    const text = 'title: T\nquestions:\n  - question: Q\n    answer: A\n    points:\n      - match: [x]\n';
    const { deck, problems } = parseDeck(text, { name: 't', path: '/t.yaml' });
    expect(deck).toBeUndefined();
    expect(problems[0]).toMatchObject({ line: 6, severity: 'error' });
  });
});

describe('a question may take the id "pitch" when the deck has no pitch', () => {
  it('loads, with no duplicate reported', () => {
    const { deck, problems } = parseDeck('title: T\nquestions:\n  - {id: pitch, question: Q?, answer: A.}\n', { name: 'inline', path: '/abs/inline.yaml' });
    expect(problems).toEqual([]);
    expect(deck?.cards.map((c) => [c.kind, c.id])).toEqual([['question', 'pitch']]);
  });
});
