import { describe, expect, it } from 'vitest';
import { importAnki, readAnkiHeader, toText } from '../../../src/core/import/anki.js';

// Anki's "Notes in Plain Text" export in the shapes Anki writes it: every note kept as a card,
// each on the line the report names.
describe('an Anki export with every header line', () => {
  const EXPORT = [
    '#separator:Semicolon',
    '#html:false',
    '#tags:interview  backend',
    '#columns:Back;Front;Tags',
    '#tags column:3',
    '#notetype column:4',
    '#guid column:5',
    'A closure is a function with its scope.;What is a closure?;js js;Basic;abc123',
    'Idempotent means twice is once.;What is idempotence?;;Basic;def456',
  ].join('\n');

  it('reads the header: separator by name, columns, the metadata columns, tags for every note', () => {
    expect(readAnkiHeader(EXPORT)).toEqual({
      separator: ';',
      html: false,
      columns: ['Back', 'Front', 'Tags'],
      meta: { tags: 2, notetype: 3, guid: 4 },
      tags: ['interview', 'backend'],
      lines: 7,
    });
  });

  it('takes the Front column as the question wherever it stands; note type and id are not text', () => {
    const { deck, took, skipped } = importAnki(EXPORT);
    expect(deck.questions.map((q) => [q.question, q.answer, q.tags])).toEqual([
      ['What is a closure?', 'A closure is a function with its scope.', ['interview', 'backend', 'js']],
      ['What is idempotence?', 'Idempotent means twice is once.', ['interview', 'backend']],
    ]);
    expect(took).toEqual(['note (line 8): What is a closure?', 'note (line 9): What is idempotence?']);
    expect(skipped).toEqual([]);
  });
});

describe('separators', () => {
  it.each([
    ['#separator:pipe\n', 'Q one|A one\nQ two|A two\n'],
    ['#separator:|\n', 'Q one|A one\nQ two|A two\n'],
    ['#separator:colon\n', 'Q one:A one\nQ two:A two\n'],
    ['#separator:comma\n', 'Q one,A one\nQ two,A two\n'],
    ['', 'Q one;A one\nQ two;A two\n'],
    ['', 'Q one,A one\nQ two,A two\n'],
    ['', 'Q one\tA one, with a comma\nQ two\tA two\n'],
  ])('%j then %j: two notes', (header, body) => {
    // Without a #separator line, the first note's line tells: a tab, else a semicolon, else a comma.
    const { deck } = importAnki(`${header}#html:false\n${body}`);
    expect(deck.questions.map((q) => q.question)).toEqual(['Q one', 'Q two']);
    expect(deck.questions[0]?.answer).toMatch(/^A one/);
  });
});

describe('decks and titles', () => {
  it('names the deck after the Anki deck all its notes come from, its last part only', () => {
    const one = importAnki('#separator:pipe\n#html:false\n#deck column:3\nWhat is CAP?|Pick two.|Interviews::Acme\nWhat is ACID?|Four letters.|Interviews::Acme\n');
    expect(one.deck.title).toBe('Acme');
    expect(one.took).toEqual(['note (line 4): What is CAP?', 'note (line 5): What is ACID?']);
    const two = importAnki('#separator:pipe\n#html:false\n#deck column:3\nWhat is CAP?|Pick two.|Interviews::Acme\nWhat is ACID?|Four letters.|Interviews::Beta\n');
    expect(two.deck).not.toHaveProperty('title');
    expect(two.deck.questions).toHaveLength(2);
  });

  it('a deck column that is not a number is ignored, and its column is read as a field', () => {
    expect(readAnkiHeader('#deck column:x\n#guid column:0\n').meta).toEqual({});
  });
});

describe('cloze notes and list backs', () => {
  it('a cloze asks with its gaps shown (or their hints), and answers with them filled in, the back after', () => {
    const { deck } = importAnki('#html:true\nThe {{c1::capital::city}} of {{c2::France}} is here\tExtra <i>note</i>\n{{c1::Only}} a cloze\t\n');
    expect(deck.questions.map((q) => [q.question, q.answer])).toEqual([
      ['The [city] of […] is here', 'The capital of France is here\n\nExtra note'],
      ['[…] a cloze', 'Only a cloze'],
    ]);
  });

  it('a back written as a list: its items are the key points and the answer says them as sentences', () => {
    const { deck } = importAnki('#html:true\nList back\t<ul><li>one</li><li>two</li></ul>\nNum back\t1. first<br>2) second<br>* third\n');
    expect(deck.questions).toEqual([
      { question: 'List back', answer: 'One. Two.', points: ['one', 'two'], tags: [] },
      { question: 'Num back', answer: 'First. Second. Third.', points: ['first', 'second', 'third'], tags: [] },
    ]);
  });

  it('a question over several lines becomes one line', () => {
    expect(importAnki('#html:true\nWhat is<br>a closure?\tA function.\n').deck.questions[0]?.question).toBe('What is a closure?');
  });
});

describe('HTML fields as plain text', () => {
  it('headings, paragraphs and list items keep their breaks; entities are decoded; spaces collapse', () => {
    expect(toText('<h1>Title</h1><p>One<br/>two</p><ol><li>a</li><li>b</li></ol>&lt;tag&gt; &quot;x&quot;   y\u00a0\u00a0z', true)).toBe(
      'Title\n\nOne\ntwo\n\n- a\n- b\n<tag> "x" y z',
    );
  });

  it('sounds are dropped and blank lines run together, also without HTML', () => {
    expect(toText('a\n\n\n\nb\t c [sound:a.mp3]', false)).toBe('a\n\nb c');
  });
});
