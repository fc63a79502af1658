import { describe, expect, it } from 'vitest';
import { importAnki, readAnkiHeader } from '../../../src/core/import/anki.js';

// Header lines as a person might edit them by hand (spaces, capitals, Windows line ends) read
// as Anki writes them, so no note is lost or split in the wrong place.
describe('an Anki header edited by hand', () => {
  it('spaces and capitals in keys and values change nothing', () => {
    expect(readAnkiHeader('#Separator: Semicolon \n#HTML: FALSE\n#tags:  interview  backend\n#Deck Column: 3\n')).toEqual({
      separator: ';',
      html: false,
      columns: [],
      meta: { deck: 2 },
      tags: ['interview', 'backend'],
      lines: 4,
    });
    expect(readAnkiHeader('#separator: |\n').separator).toBe('|');
  });

  it('notes with fewer or more fields than the columns named each take the sides they would take alone', () => {
    // No column is named as the back: the first other one is, where a note has one.
    const header = '#separator:semicolon\n#html:false\n#columns:Tags;Notes;Front\n#tags column:1\n';
    const notes = ['js;A closure keeps its scope.;What is a closure?', 'go;Only notes', 'db;Twice is once.;What is idempotence?;extra', 'x;B;Why?'];
    const together = importAnki(header + notes.join('\n'));
    const alone = notes.map((n) => importAnki(header + n));
    expect(together.deck.questions).toEqual(alone.flatMap((a) => a.deck.questions));
    expect(together.deck.questions.map((q) => [q.question, q.tags])).toEqual([
      ['What is a closure?', ['js']],
      ['What is idempotence?', ['db']],
      ['Why?', ['x']],
    ]);
    expect(together.skipped).toEqual(['line 6: "Only notes" has an empty back']);
  });

  it('Windows line ends: the header and the notes read as with Unix ones', () => {
    const unix = '#separator:tab\n#html:false\n#columns:Front\tBack\nWhy?\tBecause.\nHow?\tLike this.\n';
    const windows = importAnki(unix.replace(/\n/g, '\r\n'));
    expect(windows.deck).toEqual(importAnki(unix).deck);
    expect(windows.took).toEqual(['note (line 4): Why?', 'note (line 5): How?']);
  });

  it('"\\r" alone ending every line (a classic Mac file): the header and the notes read as with Unix ones', () => {
    const unix = '#separator:semicolon\n#html:true\n#tags:mac\n#columns:Front;Back\nWhy?;Because<br>mostly.\nHow?;Like this.\n';
    const mac = unix.replace(/\n/g, '\r');
    expect(readAnkiHeader(mac)).toEqual(readAnkiHeader(unix));
    expect(readAnkiHeader(mac).lines).toBe(4);
    const [fromMac, fromUnix] = [importAnki(mac), importAnki(unix)];
    expect(fromMac.deck).toEqual(fromUnix.deck);
    expect(fromMac.deck.questions.map((q) => [q.question, q.answer, q.tags])).toEqual([
      ['Why?', 'Because. Mostly.', ['mac']],
      ['How?', 'Like this.', ['mac']],
    ]);
    expect(fromMac.took).toEqual(['note (line 5): Why?', 'note (line 6): How?']);
    expect(fromMac.skipped).toEqual([]);
  });

  it('a column number that is not a whole number from 1 is ignored', () => {
    expect(readAnkiHeader('#deck column:2.5\n#tags column:0\n#guid column:-1\n').meta).toEqual({});
  });

  it('without a #separator line, a first note with both ";" and "," is split at ";"', () => {
    expect(importAnki('Why, really?;Because, mostly.\n').deck.questions.map((q) => [q.question, q.answer])).toEqual([['Why, really?', 'Because, mostly.']]);
  });

  it('a note whose text holds "#html:" is a note, not a header line', () => {
    const { deck, took } = importAnki('#separator:tab\nWhat does #html: do?\tSays whether fields hold HTML.\n');
    expect(deck.questions.map((q) => q.question)).toEqual(['What does #html: do?']);
    expect(took).toEqual(['note (line 2): What does #html: do?']);
  });

  it('named columns: Question and Answer, or Text and Extra, whatever their order', () => {
    const qa = importAnki('#separator:tab\n#html:false\n#columns:Answer\tNotes\tQuestion\nBecause.\tx\tWhy?\n');
    expect(qa.deck.questions.map((q) => [q.question, q.answer])).toEqual([['Why?', 'Because.']]);
    const unnamed = importAnki('#separator:tab\n#html:false\n#columns:Extra\tOther\nBack side\tFront side\n');
    // Only the back is named: the front is the first column that is not it.
    expect(unnamed.deck.questions.map((q) => [q.question, q.answer])).toEqual([['Front side', 'Back side']]);
  });

  it('an Anki deck name with no text after its last "::" gives no title', () => {
    const { deck } = importAnki('#separator:tab\n#html:false\n#deck column:3\nWhy?\tBecause.\tInterviews::\n');
    expect(deck).not.toHaveProperty('title');
    expect(deck.questions).toHaveLength(1);
  });
});

describe('a separator name that is also a name on every object', () => {
  it('"#separator:constructor" is an unknown name like any other (it stopped import with a message about a function)', () => {
    const header = readAnkiHeader('#separator:constructor\n');
    expect(header.separator).toBe(readAnkiHeader('#separator:cabbage\n').separator);
    expect(typeof header.separator).toBe('string');
    expect(() => importAnki('#separator:constructor\nWhycBecause\n')).not.toThrow();
  });
});
