import { describe, expect, it } from 'vitest';
import { parseDeck } from '../../../src/core/deck/load-deck.js';
import { deckYaml } from '../../../src/core/import/to-yaml.js';
import { cleanQuestion, oneLine, short, stripAnswerLabel, stripNumbering, unquote } from '../../../src/core/import/text.js';
import type { DraftDeck } from '../../../src/core/import/types.js';

// The YAML `prep import` writes is the user's to edit: long answers as readable blocks, no
// empty keys, the header saying where it came from, and every id unique.
const OPTS = { fallbackTitle: '  ', schema: 's.json', source: 'my\r\nsheet.md' };
const load = (yaml: string) => {
  const { deck, problems } = parseDeck(yaml, { name: 'x', path: '/decks/x.yaml' });
  expect(problems).toEqual([]);
  return deck!;
};

describe('the YAML of an imported deck', () => {
  const draft: DraftDeck = {
    questions: [
      { question: 'Q?', answer: 'x'.repeat(81), points: [], tags: [] },
      { question: '  ', answer: 'an answer to no question', points: [], tags: [] },
      { question: 'Second?', answer: 'short', points: ['p', 'p', ' '], tags: ['t', 't'] },
    ],
    ask: [{ question: 'Ask?', why: '  ' }, { question: 'Ask?', why: 'y\nz' }],
    pitch: { script: '  ', points: [] },
  };
  // Written in each test, not once for the block: mutation testing only sees what a test runs.
  const written = () => deckYaml(draft, OPTS);

  it('is exactly this: a title of last resort, long answers folded, reasons with line breaks kept as written', () => {
    expect(written()).toBe(
      [
        '# yaml-language-server: $schema=s.json',
        '# Imported by "prep import" from my sheet.md. Edit it freely, then check it with "prep lint".',
        "# Keep a card's id when you reword it: its progress is kept under the id.",
        '',
        'title: Imported deck',
        '# Questions you expect, with your model answer and the key points it must hit',
        'questions:',
        '  - id: q',
        '    question: Q?',
        '    answer: >-',
        `      ${'x'.repeat(81)}`,
        '  - id: second',
        '    question: Second?',
        '    answer: short',
        '    points:',
        '      - p',
        '    tags:',
        '      - t',
        '# Questions to ask them',
        'ask:',
        '  - id: ask',
        '    question: Ask?',
        '  - id: ask-2',
        '    question: Ask?',
        '    why: |-',
        '      y',
        '      z',
        '',
      ].join('\n'),
    );
  });

  it('loads with every text as given, and an empty pitch left out', () => {
    const deck = load(written());
    expect(deck.cards.map((c) => [c.kind, c.id])).toEqual([
      ['question', 'q'],
      ['question', 'second'],
      ['ask', 'ask'],
      ['ask', 'ask-2'],
    ]);
    expect(deck.cards[0]?.answer).toBe('x'.repeat(81));
  });

  it('an answer of 80 characters stays on its line; the title, company and role given are kept', () => {
    const out = deckYaml({ title: 'T', company: ' ', role: 'R', questions: [{ question: 'Q?', answer: 'y'.repeat(80), points: [], tags: [] }], ask: [], pitch: { script: 'S', points: ['a'], seconds: 0 } }, OPTS);
    expect(out).toContain(`    answer: ${'y'.repeat(80)}\n`);
    expect(out).toContain('title: T\nrole: R\npitch:\n  script: S\n  points:\n    - a\n');
    expect(out).not.toContain('company');
    expect(out).not.toContain('seconds');
    expect(load(out)).toMatchObject({ title: 'T', role: 'R' });
  });
});

describe('the YAML of an imported pitch and long questions', () => {
  it('a timed pitch of several lines is kept as written; a long question stays on its line; repeated questions get -2, -3', () => {
    const q = 'Tell me about a time you changed the design of a system that other teams depended on?';
    const card = (answer: string) => ({ question: q, answer, points: [], tags: [] });
    const out = deckYaml(
      { title: 'T', questions: [card('a'), card('b\nc'), card('d')], ask: [{ question: 'How do you plan?', why: 'w'.repeat(90) }], pitch: { script: 'Line one.\nLine two.', points: [], seconds: 60 } },
      { fallbackTitle: 'F', schema: 's', source: 'src.md' },
    );
    const id = 'tell-me-about-a-time-you-changed-the-design-of-a';
    expect(out.split('\n').slice(4)).toEqual([
      'title: T',
      'pitch:',
      '  seconds: 60',
      '  script: |-',
      '    Line one.',
      '    Line two.',
      '# Questions you expect, with your model answer and the key points it must hit',
      'questions:',
      `  - id: ${id}`,
      `    question: ${q}`,
      '    answer: a',
      `  - id: ${id}-2`,
      `    question: ${q}`,
      '    answer: |-',
      '      b',
      '      c',
      `  - id: ${id}-3`,
      `    question: ${q}`,
      '    answer: d',
      '# Questions to ask them',
      'ask:',
      '  - id: how-do-you-plan',
      '    question: How do you plan?',
      '    why: >-',
      `      ${'w'.repeat(90)}`,
      '',
    ]);
    expect(load(out).cards.map((c) => c.id)).toEqual(['pitch', id, `${id}-2`, `${id}-3`, 'how-do-you-plan']);
  });
});

describe('question and answer text from a sheet', () => {
  it('drops the numbering and labels people write, but not a number that is the text', () => {
    expect(stripNumbering('Question 2 - Why?')).toBe('Why?');
    expect(stripNumbering('12) Why')).toBe('Why');
    expect(stripNumbering('Q: why')).toBe('why');
    expect(stripNumbering('1.5 million users')).toBe('1.5 million users');
    expect(stripNumbering('1234. x')).toBe('1234. x');
    expect(stripAnswerLabel('Answer - yes')).toBe('yes');
    expect(stripAnswerLabel('A2: yes')).toBe('yes');
    expect(stripAnswerLabel('Also: yes')).toBe('Also: yes');
    expect(cleanQuestion('  3. "Why?"  ')).toBe('Why?');
    expect(oneLine(' a\r\n\tb\u0007 c ')).toBe('a b c');
  });

  it('removes quotes of each kind around the whole text, and only then', () => {
    expect(unquote("'Why?'")).toBe('Why?');
    expect(unquote('‘Why?’')).toBe('Why?');
    expect(unquote('"Why?",')).toBe('Why?');
    expect(unquote('"Why" and "how"')).toBe('"Why" and "how"');
    expect(unquote('“a “b” c”')).toBe('“a “b” c”');
    expect(unquote('"')).toBe('"');
    expect(unquote('"a"x')).toBe('"a"x');
  });

  it('shortens a long question in a report line at a word, with an ellipsis', () => {
    expect(short('a'.repeat(60))).toBe('a'.repeat(60));
    expect(short('a'.repeat(61))).toBe(`${'a'.repeat(59)}…`);
    expect(short('word '.repeat(20))).toBe(`${'word '.repeat(12).trim()}…`);
    // No space in the second half: cut inside the word rather than leave half the line.
    expect(short(`${'x'.repeat(10)} ${'y'.repeat(70)}`)).toBe(`${'x'.repeat(10)} ${'y'.repeat(48)}…`);
    expect(short('one two three four five six', 10)).toBe('one two…');
  });
});
