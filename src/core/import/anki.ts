import { CsvError } from 'csv-parse';
import { bulletProse } from './claims.js';
import { derivePoints } from './points.js';
import { cleanText, short } from './text.js';
import { QuestionTally, tookLines } from './deck-size.js';
import { eolByte, lineEnd, utf8 } from './bytes.js';
import { RecordReader } from './anki-records.js';
import { checkedText } from './anki-text.js';
import { MAX_CARD_TEXT_BYTES, MAX_PIECE_BYTES, sizeWords, TooLongError } from './limits.js';
import type { DraftDeck, DraftQuestion, ImporterOptions, ImportResult } from './types.js';

export { toText } from './anki-text.js';

/** The header of an Anki plain-text export: `#separator:tab`, `#html:true`, `#columns:...` and friends. */
export interface AnkiHeader {
  separator: string;
  html: boolean;
  /** Column names from `#columns:`, if given. */
  columns: string[];
  /** 0-based indexes of columns that hold note metadata (`#deck column:2` and the like), not fields. */
  meta: { deck?: number; tags?: number; notetype?: number; guid?: number };
  /** Tags `#tags:` adds to every note. */
  tags: string[];
  /** Lines the header takes. */
  lines: number;
}

/** The most lines an export's header is looked for in. */
const HEADER_LINES = 64;

// A Map, not an object: the name comes from the file, and "constructor" is a key of every object.
const SEPARATORS = new Map(Object.entries({ tab: '\t', comma: ',', semicolon: ';', space: ' ', pipe: '|', colon: ':' }));

/** Reads the `#key:value` lines at the top of an Anki export; a file without them is tab-separated HTML, as old exports are. */
export function readAnkiHeader(text: string): AnkiHeader {
  const header: AnkiHeader = { separator: '', html: true, columns: [], meta: {}, tags: [], lines: 0 };
  // Only the top lines are looked at: splitting a 12 MB export into lines would copy all of it.
  const lines = topLines(text, HEADER_LINES);
  let columns = '';
  for (const raw of lines) {
    const m = /^#([a-z ]+):(.*)$/i.exec(raw.replace(/\r$/, ''));
    if (!m?.[1]) break;
    header.lines++;
    const key = m[1].trim().toLowerCase();
    const value = m[2] ?? '';
    if (key === 'separator') header.separator = SEPARATORS.get(value.trim().toLowerCase()) ?? value.trim().charAt(0);
    else if (key === 'html') header.html = value.trim().toLowerCase() === 'true';
    else if (key === 'columns') columns = value;
    else if (key === 'tags') header.tags = value.split(/\s+/).filter(Boolean);
    else {
      const col = /^(deck|tags|notetype|guid) column$/.exec(key);
      const n = Number(value.trim());
      if (col?.[1] && Number.isInteger(n) && n > 0) header.meta[col[1] as keyof AnkiHeader['meta']] = n - 1;
    }
  }
  if (!header.separator) {
    const first = lines[header.lines] ?? '';
    header.separator = first.includes('\t') || !/[;,]/.test(first) ? '\t' : first.includes(';') ? ';' : ',';
  }
  if (columns) header.columns = columns.split(header.separator).map((c) => c.trim());
  return header;
}

/**
 * Reads Anki's plain-text export ("Notes in Plain Text"): each note becomes a question, its
 * front the question and its back the answer, HTML stripped when the export holds HTML. Cloze
 * notes ask their text with the gaps shown as `[…]`. Notes with an empty side are skipped.
 */
export function importAnki(input: string | Uint8Array, opts: ImporterOptions = {}): ImportResult {
  const fresh = (): ImportResult => {
    const deck: DraftDeck = { questions: [], ask: [] };
    return { deck, took: tookLines(opts.took), skipped: [], questions: new QuestionTally(deck, opts.limit, opts.each) };
  };
  let result = fresh();
  // csv-parse reads bytes: given text, it would make a copy of all of it as bytes.
  const bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
  const header = readAnkiHeader(utf8(bytes, 0, offsetOfLine(bytes, HEADER_LINES)));
  const body = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).subarray(offsetOfLine(bytes, header.lines));
  const metaCols = new Set(Object.values(header.meta));
  const decks = new Set<string>();
  // Which fields are the sides depends only on how many a note has (the columns are named by
  // the header): worked out once for each length, not for every note.
  const sidesByLength = new Map<number, [number | undefined, number | undefined]>();
  const sidesOf = (length: number): [number | undefined, number | undefined] => {
    let sides = sidesByLength.get(length);
    if (!sides) {
      const fields = Array.from({ length }, (_, i) => ({ name: header.columns[i] ?? '', i })).filter((f) => !metaCols.has(f.i));
      const [front, back] = pickSides(fields);
      sides = [front?.i, back?.i];
      sidesByLength.set(length, sides);
    }
    return sides;
  };
  const readNote = (record: string[], lines: number): void => {
    const line = header.lines + lines;
    const [front, back] = sidesOf(record.length);
    const deckName = header.meta.deck === undefined ? undefined : record[header.meta.deck];
    if (deckName) decks.add(deckName);
    // Each side is checked before its key points and checks are made: for a side of megabytes
    // they took most of a minute. Where it starts is only worked out for the one refused.
    const side = (i: number | undefined, which: string): string => {
      return checkedText(i === undefined ? '' : (record[i] ?? ''), header.html, `the note's ${which}`, () => reader.place(i ?? 0, header.lines));
    };
    const card = noteCard(side(front, 'front'), side(back, 'back'));
    if (typeof card === 'string') {
      result.skipped.push(`line ${line}: ${card}`);
      return;
    }
    if (header.meta.tags !== undefined || header.tags.length > 0) {
      const noteTags = header.meta.tags === undefined ? [] : (record[header.meta.tags] ?? '').split(/\s+/);
      card.tags = [...new Set([...header.tags, ...noteTags].map(cleanText).filter(Boolean))];
    }
    result.questions.add(card);
    result.took.push(`note (line ${line}): ${short(card.question)}`);
  };
  // A note over MAX_PIECE_BYTES is refused as soon as it gets there, not read whole.
  const reader = new RecordReader(body, header.separator, MAX_PIECE_BYTES, readNote);
  try {
    // Each note is read as csv-parse finds it and none is kept: holding every parsed row until
    // the last one cost more memory than the notes themselves.
    reader.readAll();
  } catch (err) {
    // What a note's reader threw (the file the cards go to is full, say) is not the file's fault.
    if (!(err instanceof CsvError)) throw err;
    if (err.code === 'CSV_MAX_RECORD_SIZE') {
      const field = typeof err.column === 'number' ? err.column : 0;
      const { line, column } = reader.place(field, header.lines);
      throw new TooLongError(`this note passes ${sizeWords(MAX_PIECE_BYTES)} in its field ${field + 1}, more than a note may take (HTML included); a card's text may hold ${sizeWords(MAX_CARD_TEXT_BYTES)}`, line, column);
    }
    // A quote that never closes, say: report it and import nothing rather than half a file. Its
    // place is the line the unreadable note starts on, counted in the file, not csv-parse's count.
    const reason = err.message.replace(/ (?:at|on) line \d+/, ` in the note from line ${header.lines + reader.nextLine()}`);
    result = fresh();
    result.skipped.push(`the whole file: it could not be read as separated values (${reason})`);
    return result;
  }
  // A deck name like "Interviews::Acme" titles the deck when every note comes from the same one.
  if (decks.size === 1) result.deck.title = cleanText([...decks][0]?.split('::').at(-1) ?? '') || undefined;
  if (result.deck.title === undefined) delete result.deck.title;
  return result;
}

/** The first `n` lines of `text`, its lines ended as {@link eolByte} tells. */
function topLines(text: string, n: number): string[] {
  const out: string[] = [];
  const eol = text.includes('\n') || !text.includes('\r') ? '\n' : '\r';
  let at = 0;
  while (out.length < n && at <= text.length) {
    const end = text.indexOf(eol, at);
    out.push(text.slice(at, end === -1 ? text.length : end));
    if (end === -1) break;
    at = end + 1;
  }
  return out;
}

/** Where line `n` (0-based) of `bytes` starts, or their length when they have fewer lines. */
function offsetOfLine(bytes: Uint8Array, n: number): number {
  const eol = eolByte(bytes);
  let at = 0;
  for (let i = 0; i < n; i++) {
    if (at >= bytes.length) return bytes.length;
    at = lineEnd(bytes, at, eol) + 1;
  }
  return Math.min(at, bytes.length);
}

/** The question and answer fields: named Front/Back (or Question/Answer, Text/Extra) when columns are named, else the first two. */
function pickSides<F extends { name: string }>(fields: F[]): [F | undefined, F | undefined] {
  const find = (re: RegExp): number => fields.findIndex((f) => re.test(f.name));
  let f = find(/^(front|question|text)$/i);
  let b = find(/^(back|answer|back extra|extra)$/i);
  // Only the back named: the front is the first other column, not the back itself.
  if (f === -1) f = b === 0 ? 1 : 0;
  if (b === -1 || b === f) b = f === 0 ? 1 : 0;
  return [fields[f], fields[b]];
}

const CLOZE = /\{\{c\d+::(.*?)(?:::(.*?))?\}\}/gs;

/** A question card from a note's two sides, or why there is none. */
function noteCard(front: string, back: string): DraftQuestion | string {
  let question = front;
  let answer = back;
  if (/\{\{c\d+::/.test(front)) {
    question = front.replace(CLOZE, (_, _text: string, hint?: string) => `[${hint ? hint : '…'}]`);
    const revealed = front.replace(CLOZE, (_, t: string) => t);
    answer = back ? `${revealed}\n\n${back}` : revealed;
  }
  if (!question) return 'the front is empty (images and sounds are not imported)';
  if (!answer) return `"${short(question)}" has an empty back`;
  const paragraphs = answer.split(/\n{2,}/);
  const lines = answer.split('\n').filter((l) => l.trim() !== '');
  // A back written as separate lines (or a list) reads as its key points already.
  const bullets = lines.length > 1 && paragraphs.length === 1 ? lines.map((l) => l.replace(/^\s*(?:[-*•]|\d+[.)])\s+/, '')) : [];
  const prose = bullets.length > 0 ? bulletProse(bullets) : answer;
  return { question: question.replace(/\s*\n\s*/g, ' '), answer: prose, points: derivePoints(paragraphs, bullets), tags: [] };
}
