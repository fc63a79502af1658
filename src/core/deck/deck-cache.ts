import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { Card, CardKind, Deck } from './types.js';

/**
 * The deck cache's file format. A start needs every card's id and kind (the queue, the counts)
 * but the text of only the cards it shows, and a 10,000-card deck holds 10 MB of text: parsing
 * all of it was most of a repeat start's time and memory. So an entry is three parts:
 *
 *   prep-deck-cache 2 <sha256 of the rest>\n
 *   <index: JSON of the deck's fields and one small row per card>\n
 *   <texts: each card's [prompt, answer, points, matches, why, cue] as JSON, back to back>
 *
 * The index is parsed at once; a card's texts are parsed from their byte range the first time
 * one of them is read. The checksum covers the index and the texts, so an entry that was cut or
 * edited is a miss (and rebuilt), never a card with broken text.
 */
const MAGIC = 'prep-deck-cache 2 ';
const HASH_CHARS = 64;
const NEWLINE = 0x0a;
/** Far above the cache of any deck the loader accepts (16 MB of YAML). */
const MAX_ENTRY_BYTES = 64 * 1024 * 1024;

type Texts = [prompt: string, answer: string, points: string[], matches: string[][] | null, why: string | null, cue: string | null];
// [id, kind, line, tags, seconds | null, ask | null, text start, text end]
type IndexRow = [string, CardKind, number, string[], number | null, { index: number; total: number } | null, number, number];
interface Index {
  deck: Omit<Deck, 'cards' | 'name' | 'path' | 'key'>;
  cards: IndexRow[];
}

/** A deck as a cache entry's bytes. */
export function encodeDeckEntry(deck: Deck): Buffer {
  const texts: string[] = [];
  const rows: IndexRow[] = [];
  let at = 0;
  for (const c of deck.cards) {
    const t: Texts = [c.prompt, c.answer, c.points, c.matches ?? null, c.why ?? null, c.cue ?? null];
    const json = JSON.stringify(t);
    const bytes = Buffer.byteLength(json, 'utf8');
    rows.push([c.id, c.kind, c.line, c.tags, c.seconds ?? null, c.ask ?? null, at, at + bytes]);
    texts.push(json);
    at += bytes;
  }
  const { title, company, role, interview, aliases } = deck;
  const index: Index = { deck: { title, company, role, interview, aliases }, cards: rows };
  // One string made into bytes once: a Buffer per card made a first run's cache write twice as slow.
  const body = Buffer.from(`${JSON.stringify(index)}\n${texts.join('')}`, 'utf8');
  const head = Buffer.from(`${MAGIC}${createHash('sha256').update(body).digest('hex')}\n`, 'utf8');
  return Buffer.concat([head, body]);
}

/**
 * The deck in a cache entry, its cards' texts read when first asked for; null when the entry is
 * missing, not a regular file, of another format, or does not match its checksum.
 */
export function readDeckEntry(file: string): Omit<Deck, 'name' | 'path'> | null {
  const bytes = readEntryBytes(file);
  if (!bytes) return null;
  const headEnd = MAGIC.length + HASH_CHARS;
  if (bytes.length <= headEnd || bytes.toString('latin1', 0, MAGIC.length) !== MAGIC || bytes[headEnd] !== NEWLINE) return null;
  const body = bytes.subarray(headEnd + 1);
  if (createHash('sha256').update(body).digest('hex') !== bytes.toString('latin1', MAGIC.length, headEnd)) return null;
  const indexEnd = body.indexOf(NEWLINE);
  if (indexEnd < 0) return null;
  let index: Index;
  try {
    index = JSON.parse(body.toString('utf8', 0, indexEnd)) as Index;
  } catch {
    return null;
  }
  if (typeof index?.deck?.title !== 'string' || !Array.isArray(index.cards)) return null;
  const texts = body.subarray(indexEnd + 1);
  const read = (start: number, end: number): Texts => JSON.parse(texts.toString('utf8', start, end)) as Texts;
  return { ...withoutUndefined(index.deck), cards: index.cards.map((row) => new CachedCard(row, read)) };
}

/**
 * A card whose texts are parsed from the entry when one of them is first read. A class with the
 * texts as getters on its prototype: an object literal with six getters per card cost a start
 * more than the index it saves parsing. `toJSON` gives every field, as a parsed card has them.
 */
class CachedCard implements Card {
  readonly id: string;
  readonly kind: CardKind;
  readonly line: number;
  readonly tags: string[];
  readonly seconds?: number;
  readonly ask?: { index: number; total: number };
  #texts: Texts | undefined;

  constructor(
    row: IndexRow,
    private readonly read: (start: number, end: number) => Texts,
  ) {
    const [id, kind, line, tags, seconds, ask] = row;
    this.id = id;
    this.kind = kind;
    this.line = line;
    this.tags = tags;
    if (seconds !== null) this.seconds = seconds;
    if (ask !== null) this.ask = ask;
    this.#range = [row[6], row[7]];
  }

  readonly #range: [number, number];

  #all(): Texts {
    return (this.#texts ??= this.read(this.#range[0], this.#range[1]));
  }

  get prompt(): string {
    return this.#all()[0];
  }
  get answer(): string {
    return this.#all()[1];
  }
  get points(): string[] {
    return this.#all()[2];
  }
  get matches(): string[][] | undefined {
    return this.#all()[3] ?? undefined;
  }
  get why(): string | undefined {
    return this.#all()[4] ?? undefined;
  }
  get cue(): string | undefined {
    return this.#all()[5] ?? undefined;
  }

  toJSON(): Card {
    const { id, kind, prompt, answer, points, matches, tags, seconds, why, cue, ask, line } = this;
    return withoutUndefined({ id, kind, prompt, answer, points, matches, tags, seconds, why, cue, ask, line });
  }
}

function withoutUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** The entry's bytes, or null when it cannot be read as a regular file of a sane size (opened without blocking: a FIFO cannot hang a start). */
function readEntryBytes(file: string): Buffer | null {
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  } catch {
    return null;
  }
  try {
    const st = fs.fstatSync(fd);
    return st.isFile() && st.size <= MAX_ENTRY_BYTES ? fs.readFileSync(fd) : null;
  } catch {
    return null;
  } finally {
    fs.closeSync(fd);
  }
}
