import { describe, expect, it } from 'vitest';
import { importAnki } from '../../../src/core/import/anki.js';
import type { DraftQuestion } from '../../../src/core/import/types.js';

// How the notes of an export come out of csv-parse: one at a time, each with the line it ends on,
// and what happens when the text stops being separated values, early or at its very end.

describe('reading the notes of an Anki export', () => {
  it('names each note by the line it ends on: quoted line breaks, blank lines, no line end at the last', () => {
    const text = '#separator:tab\n#html:false\nOne?\tFirst.\n\nTwo?\t"Second,\nover two lines."\n\nThree?\tThird.\nFour?\tFourth.';
    const { took, deck } = importAnki(text);
    expect(took).toEqual(['note (line 3): One?', 'note (line 6): Two?', 'note (line 8): Three?', 'note (line 9): Four?']);
    expect(deck.questions.map((q) => q.answer)).toEqual(['First.', 'Second,. Over two lines.', 'Third.', 'Fourth.']);
  });

  it('Windows line ends (\\r\\n) name the same lines: a line break inside a quoted field is one line, not two', () => {
    const unix = '#separator:tab\n#html:false\nOne?\tFirst.\n\nTwo?\t"Second,\nover\nthree lines."\n\nThree?\t\nFour?\tFourth.\n"Five?"\t"Fifth,\non two."';
    const windows = importAnki(unix.replace(/\n/g, '\r\n'));
    expect(windows.took).toEqual(['note (line 3): One?', 'note (line 7): Two?', 'note (line 10): Four?', 'note (line 12): Five?']);
    expect(windows.skipped).toEqual(['line 9: "Three?" has an empty back']);
    const { took, skipped } = importAnki(unix);
    expect([took, skipped]).toEqual([windows.took, windows.skipped]);
  });

  it('a file ending its lines in "\\r" alone (an old Mac export, no header) counts them too', () => {
    const { took } = importAnki('One?\tFirst.\r\rTwo?\t"Second,\rover two lines."\rThree?\tThird.');
    expect(took).toEqual(['note (line 1): One?', 'note (line 4): Two?', 'note (line 5): Three?']);
  });

  it('a quote that never closes is placed at the line its note starts on, counted in the whole file, with either line end', () => {
    const unix = '#separator:tab\n#html:false\nOne?\t"First,\non two."\n\n"Two?\tnever closed\nThree?\tThird.\n';
    for (const text of [unix, unix.replace(/\n/g, '\r\n')]) {
      expect(importAnki(text).skipped).toEqual([
        'the whole file: it could not be read as separated values (Quote Not Closed: the parsing is finished with an opening quote in the note from line 6)',
      ]);
    }
  });

  it('a quote left open at the end of the file, after good notes: nothing is imported', () => {
    const { deck, skipped } = importAnki('#separator:tab\nOne?\tFirst.\nTwo?\tSecond.\n"Three?\tnever closed\n');
    expect(deck.questions).toEqual([]);
    expect(skipped).toEqual([expect.stringMatching(/^the whole file: it could not be read as separated values \(Quote Not Closed/)]);
  });

  it('what the card reader throws (the file it writes to is full) is thrown as it was, after the notes before it', () => {
    const seen: string[] = [];
    const each = (q: DraftQuestion): void => {
      if (q.question === 'Three?') throw new Error('no space left on the disk');
      seen.push(q.question);
    };
    expect(() => importAnki('#separator:tab\nOne?\tA.\nTwo?\tB.\nThree?\tC.\nFour?\tD.\n', { each })).toThrow('no space left on the disk');
    expect(seen).toEqual(['One?', 'Two?']);
  });

  it('an export with a header and no notes imports nothing and skips nothing', () => {
    expect(importAnki('#separator:tab\n#html:false\n')).toMatchObject({ took: [], skipped: [], deck: { questions: [], ask: [] } });
    expect(importAnki(new Uint8Array())).toMatchObject({ took: [], skipped: [] });
  });
});
