import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { fieldPlace, knownRecordDelimiter } from '../../../src/core/import/anki-place.js';
import { importAnki } from '../../../src/core/import/anki.js';
import { MAX_CARD_TEXT_BYTES, MAX_PIECE_BYTES, TooLongError } from '../../../src/core/import/limits.js';
import { importMarkdown } from '../../../src/core/import/markdown.js';

// A card's text over MAX_CARD_TEXT_BYTES, or a piece of the source over MAX_PIECE_BYTES, stops
// the import at its place in the file; text up to the limit imports as before.

function refusal(run: () => unknown): TooLongError {
  try {
    run();
  } catch (err) {
    if (err instanceof TooLongError) return err;
    throw err;
  }
  throw new Error('expected a TooLongError');
}

/** Text of exactly `bytes` UTF-8 bytes, words with a dash in them (3 bytes) so bytes and characters differ. */
function text(bytes: number): string {
  const unit = 'word — '; // 9 bytes, 7 characters
  const whole = unit.repeat(Math.floor(bytes / 9));
  return (whole + 'x'.repeat(bytes - Buffer.byteLength(whole))).trim().padEnd(whole.length, 'y');
}

describe('Anki notes too long for a card', () => {
  it('a back of exactly the limit imports; one byte more is refused at the line and column where the back starts', () => {
    const back = text(MAX_CARD_TEXT_BYTES);
    expect(Buffer.byteLength(back)).toBe(MAX_CARD_TEXT_BYTES);
    const ok = importAnki(`#separator:tab\n#html:false\nQ?\t${back}\n`);
    expect(ok.deck.questions.map((q) => Buffer.byteLength(q.answer))).toEqual([MAX_CARD_TEXT_BYTES]);
    const err = refusal(() => importAnki(`#separator:tab\n#html:false\nShort?\tShort.\n\n"Two\nlines é"\t${back}z\n`));
    expect([err.line, err.column, err.message]).toEqual([6, 10, "the note's back is 65 KB of text, over the 64 KB a card's text may hold"]);
  });

  it('HTML is counted as the text it makes: a back of markup over the limit that strips under it imports', () => {
    const back = `<div>${'<b>a</b> '.repeat(9000)}</div>`;
    expect(back.length).toBeGreaterThan(MAX_CARD_TEXT_BYTES);
    expect(importAnki(`#separator:tab\n#html:true\nQ?\t${back}\n`).deck.questions).toHaveLength(1);
  });

  it('a front too long is named as the front', () => {
    const err = refusal(() => importAnki(`#separator:semicolon\n#html:false\n${text(MAX_CARD_TEXT_BYTES + 1)};Back.\n`));
    expect([err.line, err.column, err.message]).toEqual([3, 1, "the note's front is 65 KB of text, over the 64 KB a card's text may hold"]);
  });

  it('a note over the piece limit is refused as csv-parse reaches it, at the field it was in', () => {
    const err = refusal(() => importAnki(`#separator:tab\n#html:false\nQ?\tA.\nQ one\t${'word '.repeat(MAX_PIECE_BYTES / 5 + 1)}\n`));
    expect([err.line, err.column]).toEqual([4, 7]);
    expect(err.message).toBe("this note passes 4.0 MB in its field 2, more than a note may take (HTML included); a card's text may hold 64 KB");
  });
});

describe('Markdown texts too long for a card', () => {
  const sheet = (answer: string) => `# T\n\n## Likely Questions\n\n**1. Short?**\n\nShort.\n\n**2. Long?**\n\n${answer}\n`;

  it('an answer of the limit imports; over it, the question it answers is named by its line', () => {
    expect(importMarkdown(sheet(text(MAX_CARD_TEXT_BYTES))).deck.questions).toHaveLength(2);
    const err = refusal(() => importMarkdown(sheet(`${text(40000)}\n\n${text(40000)}`)));
    expect([err.line, err.message]).toEqual([9, "the answer to the question is 79 KB of text, over the 64 KB a card's text may hold"]);
  });

  it('a pitch or a question to ask over the limit is refused at its line', () => {
    expect(refusal(() => importMarkdown(`# T\n\n## 30-Second Pitch\n\n${text(MAX_CARD_TEXT_BYTES + 9)}\n`)).line).toBe(3);
    expect(refusal(() => importMarkdown(`# T\n\n## Questions to Ask\n\n- Why?\n- ${text(MAX_CARD_TEXT_BYTES + 9)}?\n`)).line).toBe(6);
  });

  it('a block over the piece limit in a big sheet is refused before it is read, at the line it starts on', () => {
    const big = Buffer.from(`# T\n\n## Likely Questions\n\n**1. Q?**\n\n${'word '.repeat(MAX_PIECE_BYTES / 5 + 1)}`);
    const err = refusal(() => importMarkdown(big));
    expect([err.line, err.column]).toEqual([7, 1]);
    expect(err.message).toMatch(/^this paragraph \(or list, or other block\) passes 4\.0 MB/);
  });
});

describe('the places csv-parse is told or asked about', () => {
  const options = { delimiter: '\t', relax_quotes: true, relax_column_count: true, skip_empty_lines: true };

  it('the line end it is told reads every body as the one it finds for itself', () => {
    const bodies = ['a\tb\r\nc\td\n', 'a\tb\rc\td\r\ne', 'a\tb\nc\r\nd\n', 'a\tb', 'a\t"b\nc"\r\nd', 'a\tb\n\n\r\nc\r', '"a"\tb\rc\n', 'a\tb"c\nd\r\n', '\r\n\na\tb'];
    for (const body of bodies) {
      const told = knownRecordDelimiter(Buffer.from(body));
      const found = parse(Buffer.from(body), options);
      if (told !== undefined) expect([body, parse(Buffer.from(body), { ...options, record_delimiter: told })]).toEqual([body, found]);
    }
    expect(bodies.map((b) => knownRecordDelimiter(Buffer.from(b)))).toEqual(['\r\n', '\r', '\n', '\n', undefined, '\n', undefined, undefined, '\r\n']);
  });

  it('finds where a field starts past quoted fields, doubled quotes and line breaks in them', () => {
    const body = Buffer.from('one\t"tw""o\r\nstill é"\tthree\tfour\n');
    const tab = [Buffer.from('\t')];
    expect(fieldPlace(body, 0, tab, 0)).toEqual({ lines: 0, column: 1 });
    expect(fieldPlace(body, 0, tab, 1)).toEqual({ lines: 0, column: 5 });
    expect(fieldPlace(body, 0, tab, 2)).toEqual({ lines: 1, column: 10 });
    expect(fieldPlace(body, 0, tab, 3)).toEqual({ lines: 1, column: 16 });
    expect(fieldPlace(body, 0, tab, 4)).toBeUndefined();
  });
});
