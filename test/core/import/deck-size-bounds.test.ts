import { describe, expect, it } from 'vitest';
import { draftBytesAtLeast, QuestionTally } from '../../../src/core/import/deck-size.js';
import { detectFormat, detectFormatOf, importInput, prepareInput } from '../../../src/core/import/import-text.js';
import { deckYaml } from '../../../src/core/import/to-yaml.js';
import type { DraftDeck } from '../../../src/core/import/types.js';

const OPTS = { fallbackTitle: 'T', schema: 's', source: 'x.md' };
const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

// A deck refused as "at least N bytes" must really be that big: the bound counts every text the
// YAML will hold (so a big pitch or ask list is not missed) and never more than the YAML written.
describe('the least size of an imported deck', () => {
  const draft: DraftDeck = {
    title: 'Título',
    company: 'Acme',
    role: 'Engineer',
    pitch: { script: 'I build things. '.repeat(40), points: ['Things', 'Built'] },
    questions: [{ question: 'Why?', answer: 'Because.', points: ['one', 'two'], tags: ['tag'] }],
    ask: [{ question: 'Next?', why: 'Scope.' }, { question: 'Team?' }],
  };
  const texts = [draft.title, draft.company, draft.role, draft.pitch!.script, ...draft.pitch!.points, 'Why?', 'Because.', 'one', 'two', 'tag', 'Next?', 'Scope.', 'Team?'];

  it('counts every text once, and the keys around each card, and stays under the YAML written', () => {
    const least = draftBytesAtLeast(draft);
    const textBytes = texts.reduce((n, t) => n + bytes(t!), 0);
    // A question card costs 37 bytes of keys and indentation, an ask card 24, a list item 9.
    expect(least).toBe(textBytes + 37 + 3 * 9 + 2 * 24);
    expect(least).toBeLessThanOrEqual(bytes(deckYaml(draft, OPTS)));
  });

  it('a deck exactly at the limit keeps its cards; one byte over drops them, and says the whole size', () => {
    const q = draft.questions[0]!;
    const one = draftBytesAtLeast({ questions: [q], ask: [] });
    const atLimit: DraftDeck = { questions: [], ask: [] };
    const at = new QuestionTally(atLimit, one);
    at.add(q);
    expect(at.dropped).toBe(false);
    expect(atLimit.questions).toEqual([q]);
    const over: DraftDeck = { questions: [], ask: [] };
    const tally = new QuestionTally(over, one - 1);
    tally.add(q);
    expect(tally.dropped).toBe(true);
    expect(over.questions).toEqual([]);
    expect(tally.count).toBe(1);
    expect(tally.bytesAtLeast()).toBe(one);
  });
});

describe('telling the kind of file', () => {
  it.each([
    ['cards.csv', 'front,back\n', 'anki'],
    ['cards.TSV', 'front\tback\n', 'anki'],
    ['cards.csv', '## Likely Questions\n', 'markdown'],
    ['cards.txt', 'front\tback\n#hashtag not a heading\n', 'anki'],
    ['sheet', 'front\tback\n', 'markdown'],
    ['sheet.markdown', '#separator:tab\nfront\tback\n', 'anki'],
    ['sheet.md', '\uFEFF#html:true\na\tb\n', 'anki'],
    ['sheet.md', '#notetype column:3\na\tb\n', 'anki'],
    ['sheet.md', '#separatorx: tab\n', 'markdown'],
  ])('%s holding %j is %s', (name, text, format) => {
    expect(detectFormat(name, text)).toBe(format);
    expect(detectFormatOf(name, Buffer.from(text, 'utf8'))).toBe(format);
  });

  it('an Anki export with a byte-order mark reads its header and notes as without it', () => {
    const text = '#separator:tab\n#html:false\nQ one\tA one\n';
    const withBom = importInput(prepareInput('x.txt', Buffer.from(`\uFEFF${text}`, 'utf8')));
    const without = importInput(prepareInput('x.txt', Buffer.from(text, 'utf8')));
    expect(withBom.format).toBe('anki');
    expect(withBom.deck).toEqual(without.deck);
    expect(withBom.took).toEqual(['note (line 3): Q one']);
  });
});
