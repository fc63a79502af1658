import { describe, expect, it } from 'vitest';
import { lintDeckText } from '../../../src/core/deck/lint.js';
import { parseDeck } from '../../../src/core/deck/load-deck.js';
import { deckYaml } from '../../../src/core/import/to-yaml.js';
import type { DraftDeck } from '../../../src/core/import/types.js';

const OPTS = { fallbackTitle: 'Acme', schema: 'file:///opt/prep/schema/deck.schema.json', source: 'acme.md' };

function load(yaml: string) {
  const { deck, problems } = parseDeck(yaml, { name: 'acme', path: '/decks/acme.yaml' });
  expect(problems).toEqual([]);
  return deck;
}

describe('writing an imported deck as YAML', () => {
  const draft: DraftDeck = {
    title: 'Acme — Backend',
    company: 'Acme',
    pitch: { script: 'I build things: fast ones.', seconds: 30, points: ['What', 'Why'] },
    questions: [
      { question: 'Why Acme?', answer: '- one: a\n- two # not a comment\n\nthree "quoted"', points: ['one: a', 'two'], tags: ['motivation'] },
      { question: 'Why Acme?', answer: 'A second answer to the same question. '.repeat(5).trim(), points: ['Same question again'], tags: [] },
      { question: '¿¡!?', answer: 'No letters to make an id from.', points: ['x'], tags: [] },
    ],
    ask: [{ question: 'How big is the team?', why: 'Shows the scope.' }, { question: 'Pitch?' }],
  };

  it('starts with the schema line and a header comment', () => {
    const lines = deckYaml(draft, OPTS).split('\n');
    expect(lines[0]).toBe('# yaml-language-server: $schema=file:///opt/prep/schema/deck.schema.json');
    expect(lines[1]).toContain('Imported by "prep import" from acme.md');
  });

  it('round-trips every text exactly, with unique ids made from the questions', () => {
    const deck = load(deckYaml(draft, OPTS));
    expect(deck?.title).toBe('Acme — Backend');
    expect(deck?.company).toBe('Acme');
    expect(deck?.cards.map((c) => [c.kind, c.id])).toEqual([
      ['pitch', 'pitch'],
      ['question', 'why-acme'],
      ['question', 'why-acme-2'],
      ['question', 'question-3'],
      ['ask', 'how-big-is-the-team'],
      ['ask', 'pitch-2'],
    ]);
    const [pitch, first, second] = deck?.cards ?? [];
    expect(pitch).toMatchObject({ answer: 'I build things: fast ones.', seconds: 30, points: ['What', 'Why'] });
    expect(first).toMatchObject({ answer: draft.questions[0]?.answer, points: ['one: a', 'two'], tags: ['motivation'] });
    expect(second?.answer).toBe(draft.questions[1]?.answer);
    expect(deck?.cards[4]).toMatchObject({ answer: 'How big is the team?', why: 'Shows the scope.' });
  });

  it('has no lint warnings: every question has an id and key points', () => {
    expect(lintDeckText(deckYaml(draft, OPTS), { name: 'acme', path: '/decks/acme.yaml' })).toEqual([]);
  });

  it('cleans what the loader would refuse: control characters, empty points, a missing title', () => {
    const messy: DraftDeck = {
      questions: [{ question: 'Why\u0007 us?', answer: 'Because\u001b[2J.\r\nReally.', points: ['', '  ', 'ok'], tags: [''] }],
      ask: [{ question: '   ' }],
    };
    const deck = load(deckYaml(messy, OPTS));
    expect(deck?.title).toBe('Acme');
    expect(deck?.cards).toEqual([expect.objectContaining({ prompt: 'Why us?', answer: 'Because[2J.\nReally.', points: ['ok'], tags: [] })]);
  });

  it('writes text as a person would edit it: several lines as a literal block, long answers, scripts and reasons folded, the rest on its line; asks without words get ids by place', () => {
    const long = 'This sentence is long enough to pass the eighty character mark that folds text into a block.';
    // Over 80 characters, yet it would fit on its line: folded only because it is long for a reason.
    const short = 'A reason a little over eighty characters long, which would fit on one line of 100.';
    const wide: DraftDeck = {
      title: long,
      company: long,
      pitch: { script: long, seconds: 30, points: [] },
      questions: [
        { question: `${long}?`, answer: 'one\ntwo', points: ['p'], tags: [] },
        { question: 'Q2?', answer: long, points: [long], tags: [] },
        { question: `Q3, asked in two lines: ${long}\nAnd?`, answer: `${long}\n${long}`, points: ['p'], tags: [] },
      ],
      ask: [{ question: '¿?', why: short }, { question: '¡!', why: 'a\nb' }],
    };
    const yaml = deckYaml(wide, OPTS);
    expect(yaml.split('\n').slice(4)).toEqual([
      `title: ${long}`,
      `company: ${long}`,
      'pitch:',
      '  seconds: 30',
      '  script: >-',
      `    ${long}`,
      '# Questions you expect, with your model answer and the key points it must hit',
      'questions:',
      '  - id: this-sentence-is-long-enough-to-pass-the-eighty',
      `    question: ${long}?`,
      '    answer: |-',
      '      one',
      '      two',
      '    points:',
      '      - p',
      '  - id: q2',
      '    question: Q2?',
      '    answer: >-',
      `      ${long}`,
      '    points:',
      `      - ${long}`,
      '  - id: q3-asked-in-two-lines-this-sentence-is-long',
      '    question: |-',
      `      Q3, asked in two lines: ${long}`,
      '      And?',
      '    answer: |-',
      `      ${long}`,
      `      ${long}`,
      '    points:',
      '      - p',
      '# Questions to ask them',
      'ask:',
      '  - id: ask-1',
      '    question: ¿?',
      '    why: >-',
      `      ${short}`,
      '  - id: ask-2',
      '    question: ¡!',
      '    why: |-',
      '      a',
      '      b',
      '',
    ]);
    expect(load(yaml)?.cards.map((c) => [c.id, c.why ?? c.answer])).toEqual([
      ['pitch', long],
      ['this-sentence-is-long-enough-to-pass-the-eighty', 'one\ntwo'],
      ['q2', long],
      ['q3-asked-in-two-lines-this-sentence-is-long', `${long}\n${long}`],
      ['ask-1', short],
      ['ask-2', 'a\nb'],
    ]);
  });

  it('is the same text every time for the same input', () => {
    expect(deckYaml(draft, OPTS)).toBe(deckYaml(draft, OPTS));
  });
  it('numbers repeated questions on from the last number given, also when a numbered id is a question of its own', () => {
    const q = (question: string) => ({ question, answer: 'An answer.', points: ['a', 'b'], tags: [] });
    const repeats: DraftDeck = { questions: ['Why Acme?', 'Why Acme?', 'Why Acme 2?', 'Why Acme?', 'Why Acme 2?', 'Why Acme?'].map(q), ask: [] };
    const ids = load(deckYaml(repeats, OPTS))?.cards.map((c) => c.id);
    expect(ids).toEqual(['why-acme', 'why-acme-2', 'why-acme-2-2', 'why-acme-3', 'why-acme-2-3', 'why-acme-4']);
  });
});
