import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importAnki, readAnkiHeader, toText } from '../../../src/core/import/anki.js';
import { detectFormat } from '../../../src/core/import/import-text.js';

const FIXTURES = fileURLToPath(new URL('../../fixtures/import/', import.meta.url));
const read = (name: string) => readFileSync(FIXTURES + name, 'utf8');

describe('Anki plain-text export', () => {
  it('reads the #separator, #html, #columns and column header lines', () => {
    expect(readAnkiHeader(read('anki-tab.txt'))).toEqual({
      separator: '\t',
      html: true,
      columns: ['Front', 'Back', 'Deck', 'Tags'],
      meta: { deck: 2, tags: 3 },
      tags: [],
      lines: 5,
    });
  });

  it('a tab-separated HTML export: each note a question, HTML stripped, tags kept, empty sides skipped', () => {
    const { deck, took, skipped } = importAnki(read('anki-tab.txt'));
    expect(deck.title).toBe('Acme');
    expect(deck.questions).toEqual([
      { question: 'What is a closure?', answer: 'A function together with the scope it was made in.', points: ['A function together with the scope it was made in'], tags: ['js', 'basics'] },
      { question: 'Name three "HTTP" verbs', answer: 'GET. POST. DELETE.', points: ['GET', 'POST', 'DELETE'], tags: ['http'] },
      {
        question: 'What is CAP?',
        // Lines read as points; the answer says them as one paragraph.
        answer: 'Consistency, availability, partition tolerance: pick two when the network splits. In practice: pick C or A.',
        points: ['Consistency, availability, partition tolerance: pick two when the network splits.', 'In practice: pick C or A.'],
        tags: [],
      },
      { question: '[…] is the capital of [country].', answer: 'Paris is the capital of France.', points: ['Paris is the capital of France'], tags: ['geo'] },
    ]);
    expect(took[0]).toBe('note (line 6): What is a closure?');
    expect(skipped).toEqual(['line 9: the front is empty (images and sounds are not imported)', 'line 10: "An empty back" has an empty back']);
  });

  it('a comma-separated export with quoted fields and #html:false keeps the text as written', () => {
    const { deck } = importAnki(read('anki-comma.txt'));
    expect(deck.title).toBeUndefined();
    expect(deck.questions.map((q) => [q.question, q.answer])).toEqual([
      ['What does ACID stand for?', 'Atomicity, consistency, isolation, durability.'],
      ['What is idempotence?', 'Doing it twice has the same effect as doing it once.'],
      ['A question, with a comma?', 'An answer with "quotes" and <angle> brackets, kept as written.'],
    ]);
  });

  it('an old export without a header: tab-separated, HTML', () => {
    const { deck } = importAnki('Front one<br>continued\tBack &amp; more\nFront two\tBack two\n');
    expect(deck.questions.map((q) => [q.question, q.answer])).toEqual([
      ['Front one continued', 'Back & more'],
      ['Front two', 'Back two'],
    ]);
  });

  it('a file that is not separated values imports nothing and says why', () => {
    const { deck, skipped } = importAnki('#separator:comma\n"never closed,answer\n');
    expect(deck.questions).toEqual([]);
    expect(skipped).toEqual([expect.stringMatching(/^the whole file: it could not be read as separated values \(.*Quote Not Closed/)]);
  });

  it('strips tags but keeps line breaks, and decodes entities', () => {
    expect(toText('<div>One&nbsp;two</div><div>three [sound:x.mp3]</div>', true)).toBe('One two\n\nthree');
    expect(toText('a <b>b</b>', false)).toBe('a <b>b</b>');
  });

  it('tells an Anki export from a Markdown prep sheet', () => {
    expect(detectFormat('notes.txt', read('anki-tab.txt'))).toBe('anki');
    expect(detectFormat('cards.md', '#separator:tab\na\tb\n')).toBe('anki');
    expect(detectFormat('sheet.md', '# Acme\n')).toBe('markdown');
    expect(detectFormat('sheet.txt', '## Likely Questions\n')).toBe('markdown');
    expect(detectFormat('export.txt', 'a\tb\n')).toBe('anki');
  });
});
