import { Parser, type Options } from 'csv-parse';
import { eolByte } from './bytes.js';
import { fieldPlace, knownRecordDelimiter } from './anki-place.js';

// The notes of an Anki export, read one at a time. csv-parse looks at every byte in JavaScript,
// several calls a byte: in V8's interpreter (a short import runs mostly there) a 1 MB export
// took about 0.45 s of parsing a pass. Most notes are a line of plain fields, or of fields
// quoted the way Anki quotes them; those are cut here with Buffer.indexOf (native code) into
// exactly the fields csv-parse gives. At the first note in any other shape (a quote that does
// not close where a field ends, a note over the size limit), csv-parse reads the rest.

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/** csv-parse's options for an export: relaxed, as Anki and hand-made files need. */
function csvOptions(separator: string, maxRecordBytes: number, recordDelimiter: string | undefined): Options {
  const options: Options = { delimiter: separator, relax_quotes: true, relax_column_count: true, skip_empty_lines: true, max_record_size: maxRecordBytes };
  return recordDelimiter === undefined ? options : { ...options, record_delimiter: recordDelimiter };
}

/**
 * The notes of `body`, each given to `each` as soon as it is read, with the line of `body` it
 * ends on (from 1); none is kept. The lines are counted here, not by csv-parse, which counts a
 * `\r\n` inside a quoted field as two lines: as editors count them, the line ends (`\n`; `\r` in
 * a file without one) before where each note ends.
 */
export class RecordReader {
  /** Where the last note ended in `body` (after its line end), and the `\n` bytes before that. */
  private done = 0;
  private newlines = 0;
  /** Where the note being handed on starts, and its line (see {@link place}). */
  private reading: { at: number; line: number } | undefined;
  /** The byte that ends a line: "\n", or "\r" in a file with no "\n" at all (classic Mac). */
  private readonly eol: number;
  private readonly separator: Buffer;
  /** The bytes that end a note, once known: the first line end outside quotes, as csv-parse finds it. */
  private delimiter: Buffer | undefined;
  /** The next separator, quote and note end found at or after the place last asked about (-1: none; -2: not looked yet). */
  private nextSeparator = -2;
  private nextQuote = -2;
  private nextEnd = -2;
  /** Where in `body` csv-parse took over, if it did. */
  csvFrom: number | undefined;

  /** `cutHere` false leaves every note to csv-parse (for the tests that compare the two). */
  constructor(
    private readonly body: Buffer,
    private readonly separatorText: string,
    private readonly maxRecordBytes: number,
    private readonly each: (record: string[], line: number) => void,
    private readonly cutHere = true,
  ) {
    this.eol = eolByte(body);
    // As csv-parse reads a separator: its UTF-8 bytes.
    this.separator = Buffer.from(separatorText, 'utf8');
    const known = knownRecordDelimiter(body);
    if (known !== undefined) this.delimiter = Buffer.from(known, 'latin1');
  }

  /**
   * Reads `body` whole, now. Throws what `each` threw, or csv-parse's CsvError for text that is
   * not separated values (after handing on the notes before it, as csv-parse does).
   */
  readAll(): void {
    // A separator holding a quote or a line end makes quoting too tangled to follow here.
    const plain = this.cutHere && !this.separator.some((b) => b === QUOTE || b === CR || b === LF);
    let at = 0;
    while (plain) {
      // Empty lines make no note.
      for (let n = this.endAt(at); n > 0; n = this.endAt(at)) at += n;
      if (at >= this.body.length) return;
      const note = this.cutNote(at);
      if (!note) break;
      this.hand(note.fields, note.end);
      at = note.end;
    }
    this.parseFrom(at);
  }

  /**
   * The fields of the note starting at `start` and where it ends (after its line end), when it
   * is plainly cut: each field either holds no quote at its start, and runs to the next
   * separator or note end, or is quoted and closes just before one (`""` a quote inside it).
   * Undefined for anything else, and for a note longer than csv-parse's limit allows.
   */
  private cutNote(start: number): { fields: string[]; end: number } | undefined {
    const { body } = this;
    const fields: string[] = [];
    const over = (to: number): boolean => to - start > this.maxRecordBytes;
    for (let from = start; ; ) {
      let to: number;
      if (body[from] === QUOTE) {
        const quoted = this.quotedField(from, start);
        if (!quoted) return undefined;
        fields.push(quoted.text);
        to = quoted.after;
        if (to >= body.length) return { fields, end: body.length };
        if (this.separatorAt(to)) {
          from = to + this.separator.length;
          continue;
        }
        const end = this.endAt(to);
        return end > 0 ? { fields, end: to + end } : undefined;
      }
      const separator = this.separatorFrom(from);
      const end = this.endFrom(from);
      to = end !== -1 && (separator === -1 || end < separator) ? end : separator !== -1 ? separator : body.length;
      if (over(to)) return undefined;
      fields.push(body.toString('utf8', from, to));
      if (to === body.length) return { fields, end: to };
      if (to === end) return { fields, end: to + this.endAt(to) };
      from = to + this.separator.length;
    }
  }

  /**
   * The text of the quoted field opening at `from` and the place after its closing quote;
   * undefined when no quote closes it or it passes the size limit. Decoded a part at a time,
   * each part ending with a quote: the same text as the bytes decoded whole.
   */
  private quotedField(from: number, start: number): { text: string; after: number } | undefined {
    let text = '';
    for (let at = from + 1; ; ) {
      const quote = this.quoteFrom(at);
      if (quote === -1 || quote + 1 - start > this.maxRecordBytes) return undefined;
      if (this.body[quote + 1] !== QUOTE) return { text: text + this.body.toString('utf8', at, quote), after: quote + 1 };
      text += this.body.toString('utf8', at, quote + 1);
      at = quote + 2;
    }
  }

  private separatorAt(at: number): boolean {
    const { separator, body } = this;
    for (let i = 0; i < separator.length; i++) if (body[at + i] !== separator[i]) return false;
    return true;
  }

  /** The length of the note end at `at`, or 0; the first line end outside quotes settles which it is. */
  private endAt(at: number): number {
    const { body } = this;
    if (!this.delimiter) {
      if (body[at] !== CR && body[at] !== LF) return 0;
      this.delimiter = Buffer.from(body[at] === CR && body[at + 1] === LF ? '\r\n' : body[at] === CR ? '\r' : '\n', 'latin1');
    }
    const d = this.delimiter;
    return body[at] === d[0] && (d.length === 1 || body[at + 1] === d[1]) ? d.length : 0;
  }

  private separatorFrom(at: number): number {
    if (this.nextSeparator !== -1 && this.nextSeparator < at) {
      this.nextSeparator = this.separator.length === 1 ? this.body.indexOf(this.separator[0] as number, at) : this.body.indexOf(this.separator, at);
    }
    return this.nextSeparator;
  }

  private quoteFrom(at: number): number {
    if (this.nextQuote !== -1 && this.nextQuote < at) this.nextQuote = this.body.indexOf(QUOTE, at);
    return this.nextQuote;
  }

  /** Where the next note end (or, before one is known, line end) is at or after `at`, or -1. */
  private endFrom(at: number): number {
    const { body, delimiter } = this;
    if (!delimiter) {
      const cr = body.indexOf(CR, at);
      const lf = body.indexOf(LF, at);
      return cr === -1 ? lf : lf === -1 ? cr : Math.min(cr, lf);
    }
    if (this.nextEnd !== -1 && this.nextEnd < at) this.nextEnd = delimiter.length === 1 ? body.indexOf(delimiter[0] as number, at) : body.indexOf(delimiter, at);
    return this.nextEnd;
  }

  /** csv-parse reads `body` from `at`, where a note starts, to its end. */
  private parseFrom(at: number): void {
    this.csvFrom = at;
    // Not told the note end, csv-parse looks for it one byte at a time, four new buffers a byte,
    // until it finds one: a first line of megabytes took most of a minute. Told, it reads the same.
    const delimiter = this.delimiter?.toString('latin1');
    const parser = new HandingParser(csvOptions(this.separatorText, this.maxRecordBytes, delimiter), at, (record, end) => this.hand(record, end));
    // The stream reports a failure as an event too, later: it is read from `errored` here instead.
    parser.on('error', () => undefined);
    parser.write(this.body.subarray(at));
    if (!parser.errored) parser.end();
    if (parser.errored) throw parser.errored;
  }

  /** The line ends in body from `done` to `to`, counted into `newlines`; `done` moves to `to`. */
  private countTo(to: number): void {
    for (let at = this.body.indexOf(this.eol, this.done); at !== -1 && at < to; at = this.body.indexOf(this.eol, at + 1)) this.newlines++;
    this.done = Math.max(this.done, to);
  }

  /** A note, ending at `end` in body (past its line end if it has one), to `each`. */
  private hand(record: string[], end: number): void {
    this.reading = this.startOfNext();
    // That "\n" is not before the note's last line.
    this.countTo(end > 0 && this.body[end - 1] === this.eol ? end - 1 : end);
    this.each(record, this.newlines + 1);
    this.reading = undefined;
    if (this.body[this.done] === this.eol) this.countTo(this.done + 1);
  }

  /**
   * Where field `field` (from 0) of the note after the last one starts: its line in the file
   * (`before` lines come before `body`) and, when the fields before it are plain, its column.
   */
  place(field: number, before: number): { line: number; column?: number } {
    const { at, line } = this.reading ?? this.startOfNext();
    const found = fieldPlace(this.body, at, [this.separator], field);
    return found ? { line: before + line + found.lines, column: found.column } : { line: before + line };
  }

  /** Where the text after the last note starts in body, blank lines passed over, and its line. */
  private startOfNext(): { at: number; line: number } {
    let at = this.done;
    while (this.body[at] === LF || this.body[at] === CR) at++;
    this.countTo(at);
    return { at, line: this.newlines + 1 };
  }

  /** The line of `body` where the text after the last note starts, blank lines passed over. */
  nextLine(): number {
    return this.startOfNext().line;
  }
}

/**
 * csv-parse's parser, handing each record on as it parses, with where it ends, and keeping none.
 * Not its `on_record` option, for which csv-parse copies its counters into two new objects a
 * record (`{ ...info }`): on Node 20 each such copy made a new hidden class, kept in V8's old
 * space until a full collection, about 700 bytes a note (7 MB of 10,000 notes).
 */
class HandingParser extends Parser {
  constructor(
    options: Options,
    /** Where in the file's body the bytes parsed start. */
    private readonly offset: number,
    private readonly hand: (record: string[], end: number) => void,
  ) {
    super(options);
  }

  /** Where csv-parse hands on each record (null at the end); info.bytes is where it ends, past its line end. */
  override push(record: unknown): boolean {
    if (record !== null) this.hand(record as string[], this.offset + this.info.bytes);
    return true;
  }
}
