import { CsvError } from 'csv-parse';
import { describe, expect, it } from 'vitest';
import { RecordReader } from '../../../src/core/import/anki-records.js';

// The notes of an export are cut without csv-parse where they are plainly cut (plain fields,
// fields quoted as Anki quotes them); anything else goes to csv-parse. Either way every note,
// its line, where its fields start and every failure must be what csv-parse alone gives.

/** A small seeded generator, so a failure can be run again. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

interface Read {
  notes: { record: string[]; line: number; place: { line: number; column?: number } }[];
  failure?: { code: string; message: string; column: unknown; next: number; place: { line: number; column?: number } };
  csvFrom: number | undefined;
}

/** Every note of `body` with its line and where its second field starts, and how reading it ended. */
function read(body: Buffer, separator: string, cutHere: boolean, max = 4 * 1024 * 1024): Read {
  const notes: Read['notes'] = [];
  const reader = new RecordReader(body, separator, max, (record, line) => notes.push({ record, line, place: reader.place(1, 2) }), cutHere);
  try {
    reader.readAll();
    return { notes, csvFrom: reader.csvFrom };
  } catch (err) {
    if (!(err instanceof CsvError)) throw err;
    const column = err.column;
    // Without csv-parse's line: it counts lines its own way, and import puts its own count there.
    const message = err.message.replace(/ (?:at|on) line \d+/, '');
    const failure = { code: err.code, message, column, next: reader.nextLine(), place: reader.place(typeof column === 'number' ? column : 0, 2) };
    return { notes, failure, csvFrom: reader.csvFrom };
  }
}

/** Reads `body` both ways and expects the same; returns the cut read. */
function same(body: Buffer | string, separator: string, max?: number): Read {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  const cut = read(bytes, separator, true, max);
  const csv = read(bytes, separator, false, max);
  expect({ ...cut, csvFrom: 0 }, JSON.stringify(bytes.toString('latin1'))).toEqual({ ...csv, csvFrom: 0 });
  return cut;
}

const SEPARATORS = ['\t', ',', ';', ' ', '|', '§', ':'];
const ENDS = ['\n', '\r\n', '\r'];
// Text in fields: HTML with quoted attributes, entities, letters of 2 to 4 bytes, a BOM, and
// bytes that are not UTF-8 (a sequence cut short before a quote, a lone continuation byte, NUL).
const WORDS: (string | number[])[] = ['What is it?', 'a', 'two words', 'é', '😀', '<div class="x">', '&amp;', ' ', '\ufeff', [0xe2, 0x82], [0x80], [0xff], [0]];
const ODD = ['"', '""', '\t', ',', ';', ' ', '|', '§', ':', '\n', '\r\n', '\r'];

function bytesOf(part: string | number[]): Buffer {
  return typeof part === 'string' ? Buffer.from(part, 'utf8') : Buffer.from(part);
}

/** Some text; with `odd`, quotes, separators and line ends of every kind too. */
function text(rand: () => number, odd: boolean): Buffer {
  const parts: Buffer[] = [];
  for (let n = Math.floor(rand() * 5); n > 0; n--) {
    const pool = odd && rand() < 0.4 ? ODD : WORDS;
    parts.push(bytesOf(pool[Math.floor(rand() * pool.length)] as string | number[]));
  }
  return Buffer.concat(parts);
}

const pick = <T>(rand: () => number, list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;

/**
 * A field in one of the shapes exports have: plain (no quote at its start, no separator or line
 * end), quoted as Anki quotes (any text inside, quotes doubled), or, unless `plainOnly`, any
 * bytes at all (a quote inside, closing early, left open, text after a closing quote...).
 */
function field(rand: () => number, separator: string, plainOnly: boolean): Buffer {
  const r = rand();
  if (r < 0.45) {
    const t = text(rand, false);
    return t[0] === 0x22 || t.includes(separator) ? Buffer.alloc(0) : t;
  }
  if (r < 0.85 || plainOnly) return Buffer.concat([Buffer.from('"'), Buffer.from(text(rand, true).toString('latin1').replace(/"/g, '""'), 'latin1'), Buffer.from('"')]);
  const shapes = ['He said "hi"', '"closed" early', '""x', '"a"\u0000', '"a" ', '"never closed', 'x"', '"a""b"'];
  return rand() < 0.5 ? Buffer.from(pick(rand, shapes)) : text(rand, true);
}

/** An export's notes: fields joined by `separator`, notes by `end`, with blank lines now and then. */
function exportBody(rand: () => number, separator: string, end: string, plainOnly: boolean): Buffer {
  const parts: Buffer[] = [];
  if (!plainOnly && rand() < 0.1) parts.push(Buffer.from('\ufeff'));
  for (let notes = Math.floor(rand() * 6); notes > 0; notes--) {
    const fields = Array.from({ length: 1 + Math.floor(rand() * 4) }, () => field(rand, separator, plainOnly));
    fields.forEach((f, i) => parts.push(i === 0 ? f : Buffer.concat([Buffer.from(separator), f])));
    parts.push(Buffer.from(rand() < 0.15 ? end + end : end));
  }
  if (rand() < 0.4) parts.pop();
  return Buffer.concat(parts);
}

describe('cutting an export into notes without csv-parse', () => {
  it('gives what csv-parse gives for thousands of exports in every shape, failures included', () => {
    const rand = prng(10);
    let cut = 0;
    for (let i = 0; i < 4000; i++) {
      const separator = pick(rand, SEPARATORS);
      const body = exportBody(rand, separator, pick(rand, ENDS), false);
      // A small limit now and then, so notes over it fail the same way too.
      const read = same(body, separator, rand() < 0.2 ? 24 : undefined);
      if (read.csvFrom === undefined) cut++;
    }
    // Most of them are plain enough to be cut whole, not only handed to csv-parse.
    expect(cut).toBeGreaterThan(1000);
  });

  it('cuts an export of plain and Anki-quoted fields whole, with any separator and line end, never calling csv-parse', () => {
    const rand = prng(11);
    for (let i = 0; i < 1500; i++) {
      const separator = pick(rand, SEPARATORS);
      const body = exportBody(rand, separator, pick(rand, ENDS), true);
      expect(same(body, separator).csvFrom, JSON.stringify(body.toString('latin1'))).toBeUndefined();
    }
  });

  it('reads the exports people make the same way: quotes, doubled quotes, fields across lines, tabs, \\r\\n, \\r', () => {
    const cases: [string, string][] = [
      ['One?\tFirst.\n\nTwo?\t"Second,\nover two lines."\n\nThree?\tThird.\nFour?\tFourth.', '\t'],
      ['"Front ""quoted"""\t"<div class=""a"">back</div>"\r\n"Two?"\t"b\r\nc"\r\n\r\n', '\t'],
      ['One?\tFirst.\r\rTwo?\t"Second,\rover two lines."\rThree?\tThird.', '\t'],
      ['He said "hi"\tand "left"\nx"\ty\n', '\t'],
      ['"closed" early\tb\nTwo?\tSecond.\n', '\t'],
      ['One?\tFirst.\n"Two?\tnever closed\nThree?\tThird.\n', '\t'],
      ['a;b;c\r\nd;"e;f"\r\n;\r\n', ';'],
      ['\ufeffFront\tBack\n\tonly back\nonly front\t\n\t\n', '\t'],
      ['a§b\n"c§d"§e\n', '§'],
      ['one\n\ntwo\r\nthree\rfour\n', ','],
    ];
    for (const [body, separator] of cases) same(body, separator);
    expect(same(cases[1]?.[0] ?? '', '\t').notes.map((n) => n.record)).toEqual([
      ['Front "quoted"', '<div class="a">back</div>'],
      ['Two?', 'b\r\nc'],
    ]);
  });

  it('hands a note over the size limit to csv-parse, which refuses it at the same field', () => {
    const body = `short\tnote\n${'x'.repeat(30)}\t${'y'.repeat(30)}\nlast\tnote\n`;
    const read = same(body, '\t', 40);
    expect(read.notes.map((n) => n.record)).toEqual([['short', 'note']]);
    expect(read.failure).toMatchObject({ code: 'CSV_MAX_RECORD_SIZE', column: 1, place: { line: 4, column: 32 } });
    expect(read.csvFrom).toBe(11);
  });
});
