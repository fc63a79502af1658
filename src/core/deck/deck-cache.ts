import fs from 'node:fs';
import { allChunksMatch, checkOf, isTextsCheck, sha256, sliceOfAll, sliceOnDemand, type TextSlice, type TextsCheck } from './cache-texts.js';
import type { Card, CardKind, Deck } from './types.js';

export { CacheTextError } from './cache-texts.js';

/**
 * The deck cache's file format. A start needs every card's id and kind (the queue, the counts)
 * but the text of only the cards it shows, and a 10,000-card deck holds 10 MB of text: parsing
 * all of it was most of a repeat start's time and memory. So an entry is two parts:
 *
 *   prep-deck-cache 6 <sha256 of the index> <index bytes>\n
 *   <index: JSON of the deck's fields, its cards' fields as columns, and the texts' check>\n
 *   <texts: each card's [prompt, answer, points, matches, why, cue] as JSON, back to back>
 *
 * The index is read and checked at once; a card's texts are parsed from their byte range the
 * first time one of them is read. The texts are checked by the digests of their 16 KB chunks,
 * kept in the checked index (cache-texts.ts): a start reads and checks all of them as it opens
 * the entry, while a reader that asks for `textsOnDemand` reads and checks only the chunks of
 * the texts it shows (`prep stats`), or none (`prep list`). An entry whose index or texts were
 * cut or edited is a miss (and rebuilt), never a card with broken text; where texts are checked
 * only when first read, a bad check throws {@link CacheTextError}, and the caller reads the deck
 * from its file instead (see reportOnDeck in commands/context.ts).
 *
 * Version 5 holds the cards' fields as columns, the kinds and tag lists each once with a
 * position per card: version 4's row per card (an array, a list of tags and a kind each) made
 * three objects a card to parse, which at 10,000 cards took longer than all else `prep list` did
 * after Node's start. Version 6 has the same fields with a digest per 16 KB of the texts, not
 * per 64 KB: `prep stats` shows about 16 texts of a 10 MB deck and read and checked a 64 KB chunk
 * for each (1 MB); the index is 7% longer at 10,000 cards. An entry of another version is a miss.
 */
const MAGIC = 'prep-deck-cache 6 ';
const HASH_CHARS = 64;
const NEWLINE = 0x0a;
/** The format line's most bytes: the magic, a checksum and a length, with their spaces. */
const HEAD_MAX = MAGIC.length + HASH_CHARS + 1 + 16 + 1;
const MAX_ENTRY_BYTES = 64 * 1024 * 1024;

type Texts = [prompt: string, answer: string, points: string[], matches: string[][] | null, why: string | null, cue: string | null];
type Ask = { index: number; total: number };
/** The cards' fields, one list each in deck order (kinds and tag lists as positions in the lists of those that occur). */
interface CardColumns {
  ids: string[];
  kinds: CardKind[];
  kindOf: number[];
  lines: number[];
  tagSets: string[][];
  tagsOf: number[];
  seconds: (number | null)[];
  asks: (Ask | null)[];
  /** Where each card's texts end in the texts; they start where the card before's end (the first's at 0). */
  ends: number[];
}
interface Index {
  deck: Omit<Deck, 'cards' | 'name' | 'path' | 'key'>;
  cards: CardColumns;
  texts: TextsCheck;
}

/** The position of `value` (known by `key`) among `values`, added when new. */
function positionIn<T>(values: T[], positions: Map<string, number>, value: T, key: string): number {
  let at = positions.get(key);
  if (at === undefined) {
    at = values.length;
    values.push(value);
    positions.set(key, at);
  }
  return at;
}

/** A deck as a cache entry's bytes. */
export function encodeDeckEntry(deck: Deck): Buffer {
  const texts: string[] = [];
  const cols: CardColumns = { ids: [], kinds: [], kindOf: [], lines: [], tagSets: [], tagsOf: [], seconds: [], asks: [], ends: [] };
  const kindAt = new Map<string, number>();
  const tagsAt = new Map<string, number>();
  let at = 0;
  for (const c of deck.cards) {
    const t: Texts = [c.prompt, c.answer, c.points, c.matches ?? null, c.why ?? null, c.cue ?? null];
    const json = JSON.stringify(t);
    // Stryker disable next-line StringLiteral: UTF-8 is the default encoding
    at += Buffer.byteLength(json, 'utf8');
    cols.ids.push(c.id);
    cols.kindOf.push(positionIn(cols.kinds, kindAt, c.kind, c.kind));
    cols.lines.push(c.line);
    cols.tagsOf.push(positionIn(cols.tagSets, tagsAt, c.tags, JSON.stringify(c.tags)));
    cols.seconds.push(c.seconds ?? null);
    cols.asks.push(c.ask ?? null);
    cols.ends.push(at);
    texts.push(json);
  }
  // Each part made into bytes once: a Buffer per card made a first run's cache write twice as slow.
  // Stryker disable next-line StringLiteral: UTF-8 is the default encoding
  const textBytes = Buffer.from(texts.join(''), 'utf8');
  const { title, company, role, interview, aliases } = deck;
  const index: Index = { deck: { title, company, role, interview, aliases }, cards: cols, texts: checkOf(textBytes) };
  // Stryker disable next-line StringLiteral: UTF-8 is the default encoding
  const indexBytes = Buffer.from(JSON.stringify(index), 'utf8');
  // Stryker disable next-line StringLiteral: the format line is ASCII, the same bytes in UTF-8
  const head = Buffer.from(`${MAGIC}${sha256(indexBytes)} ${indexBytes.length}\n`, 'latin1');
  return Buffer.concat([head, indexBytes, Buffer.from('\n'), textBytes]);
}

/** True when every column of `c` is a list, one entry a card (the index's checksum vouches for the values). */
function columnsFit(c: Partial<CardColumns> | null | undefined): c is CardColumns {
  if (typeof c !== 'object' || c === null || !Array.isArray(c.ids) || !Array.isArray(c.kinds) || !Array.isArray(c.tagSets)) return false;
  const n = c.ids.length;
  return [c.kindOf, c.lines, c.tagsOf, c.seconds, c.asks, c.ends].every((col) => Array.isArray(col) && col.length === n);
}

/**
 * The deck in a cache entry, its cards' texts read when first asked for; null when the entry is
 * missing, not a regular file, of another format, or its index or texts do not match their
 * checksums.
 *
 * With `textsOnDemand`, only the format line and the index are read and checked now; a card's
 * texts are read and checked, with the chunks they lie in, when one of them is first read, and a
 * failed check then throws {@link CacheTextError}: a tampered text is never shown.
 */
export function readDeckEntry(file: string, opts: { textsOnDemand?: boolean } = {}): Omit<Deck, 'name' | 'path'> | null {
  const start = readEntryStart(file);
  if (!start) return null;
  const { index, textsAt, size } = start;
  let slice: TextSlice;
  if (opts.textsOnDemand) slice = sliceOnDemand(file, textsAt, index.texts, readAt);
  else {
    const texts = readRange(file, textsAt, size);
    if (!texts || !allChunksMatch(texts, index.texts)) return null;
    slice = sliceOfAll(texts);
  }
  const cols = index.cards;
  // Lists shared by the cards that have them: frozen, so that no card's change reaches another.
  for (const tags of cols.tagSets) Object.freeze(tags);
  for (const ask of cols.asks) if (ask) Object.freeze(ask);
  const source: CardSource = { cols, read: (from: number, to: number): Texts => JSON.parse(slice(from, to)) as Texts };
  const cards = new Array<CachedCard>(cols.ids.length);
  for (let i = 0; i < cards.length; i++) cards[i] = new CachedCard(source, i);
  return { ...withoutUndefined(index.deck), cards };
}

/** An entry's format line and checked, parsed index, and where its texts are; null when any of it is wrong. */
function readEntryStart(file: string): { index: Index; textsAt: number; size: number } | null {
  const fd = openEntry(file);
  if (fd === null) return null;
  try {
    const size = fs.fstatSync(fd).size;
    // Stryker disable next-line MethodExpression: reading the whole file finds the same first line, only slower
    const head = readAt(fd, 0, Math.min(HEAD_MAX, size));
    const headEnd = head.indexOf(NEWLINE);
    const m = /^prep-deck-cache 6 ([0-9a-f]{64}) ([0-9]{1,15})$/.exec(head.toString('latin1', 0, Math.max(headEnd, 0)));
    // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator: with no line break nothing matches, and m[2] of no match throws into the catch that returns null
    if (headEnd < 0 || !m) return null;
    const indexLength = Number(m[2]);
    const textsAt = headEnd + 1 + indexLength + 1;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: a short index then has no line break after it, checked next; and a deck always has some text
    if (textsAt > size) return null;
    const indexBytes = readAt(fd, headEnd + 1, indexLength + 1);
    // Stryker disable next-line ConditionalExpression: another byte between an index and texts whose checksums fit changes nothing read
    if (indexBytes[indexLength] !== NEWLINE) return null;
    const body = indexBytes.subarray(0, indexLength);
    if (sha256(body) !== m[1]) return null;
    const index = JSON.parse(body.toString('utf8')) as Index;
    // Stryker disable next-line OptionalChaining: a null index or deck throws into the catch that returns null too
    if (typeof index?.deck?.title !== 'string' || !columnsFit(index.cards) || !isTextsCheck(index.texts)) return null;
    // An entry cut short or grown is a miss now, not an error when a text is read.
    if (textsAt + index.texts.bytes !== size) return null;
    return { index, textsAt, size };
  } catch {
    return null;
  } finally {
    fs.closeSync(fd);
  }
}

/** What the cards of one entry read their fields and texts from. */
interface CardSource {
  cols: CardColumns;
  read: (start: number, end: number) => Texts;
}

/**
 * A card whose texts are parsed from the entry when one of them is first read. A class with
 * every field but the id read from the entry's columns through getters on the prototype, and no
 * declared or private fields: a 10,000-card deck makes 10,000 of these at every start, and
 * defining nine fields and two private ones on each cost 13 ms of CPU there, against 2 ms for
 * these four plain ones. `toJSON` gives every field, as a parsed card has them.
 */
class CachedCard implements Card {
  declare readonly id: string;
  declare private readonly source: CardSource;
  declare private readonly at: number;
  declare private texts: Texts | undefined;

  constructor(source: CardSource, at: number) {
    this.id = source.cols.ids[at]!;
    this.source = source;
    this.at = at;
    this.texts = undefined;
  }

  get kind(): CardKind {
    const c = this.source.cols;
    return c.kinds[c.kindOf[this.at]!]!;
  }
  get line(): number {
    return this.source.cols.lines[this.at]!;
  }
  get tags(): string[] {
    const c = this.source.cols;
    return c.tagSets[c.tagsOf[this.at]!]!;
  }
  get seconds(): number | undefined {
    return this.source.cols.seconds[this.at] ?? undefined;
  }
  get ask(): { index: number; total: number } | undefined {
    return this.source.cols.asks[this.at] ?? undefined;
  }

  private all(): Texts {
    const ends = this.source.cols.ends;
    return (this.texts ??= this.source.read(this.at === 0 ? 0 : ends[this.at - 1]!, ends[this.at]!));
  }

  get prompt(): string {
    return this.all()[0];
  }
  get answer(): string {
    return this.all()[1];
  }
  get points(): string[] {
    return this.all()[2];
  }
  get matches(): string[][] | undefined {
    return this.all()[3] ?? undefined;
  }
  get why(): string | undefined {
    return this.all()[4] ?? undefined;
  }
  get cue(): string | undefined {
    return this.all()[5] ?? undefined;
  }

  toJSON(): Card {
    const { id, kind, prompt, answer, points, matches, tags, seconds, why, cue, ask, line } = this;
    return withoutUndefined({ id, kind, prompt, answer, points, matches, tags, seconds, why, cue, ask, line });
  }
}

function withoutUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** The entry opened for reading, or null when it is not a regular file of a sane size (opened without blocking: a FIFO cannot hang a start). */
function openEntry(file: string): number | null {
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  } catch {
    return null;
  }
  try {
    const st = fs.fstatSync(fd);
    // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator: reading a folder or a FIFO then fails into a miss, and no entry over the limit is ever written
    if (st.isFile() && st.size <= MAX_ENTRY_BYTES) return fd;
  } catch {
    /* closed below */
  }
  fs.closeSync(fd);
  return null;
}

/** `length` bytes of an open file from `position` (fewer when the file is shorter). */
function readAt(fd: number, position: number, length: number): Buffer {
  const buf = Buffer.allocUnsafe(length);
  let got = 0;
  // Stryker disable next-line EqualityOperator: one more read of no bytes returns 0
  while (got < length) {
    // Stryker disable next-line ArithmeticOperator: a regular file is read whole at the first call, where got is 0
    const n = fs.readSync(fd, buf, got, length - got, position + got);
    // A file cut after it was opened (a text read on demand) ends early: stop, and the caller sees the short read.
    if (n === 0) break;
    got += n;
  }
  return buf.subarray(0, got);
}

/** The bytes of an entry from `from` to `to`, or null when it cannot be read or is not that long. */
function readRange(file: string, from: number, to: number): Buffer | null {
  const fd = openEntry(file);
  if (fd === null) return null;
  try {
    // Stryker disable next-line ConditionalExpression: an entry of another size fails the texts' checksum
    if (fs.fstatSync(fd).size !== to) return null;
    // Stryker disable next-line ArithmeticOperator: asking for more reads to the end of the file, the same bytes
    const bytes = readAt(fd, from, to - from);
    // Stryker disable next-line ConditionalExpression: short texts fail their checksum
    return bytes.length === to - from ? bytes : null;
  } catch {
    return null;
  } finally {
    fs.closeSync(fd);
  }
}
