import type { DraftDeck, DraftQuestion, QuestionCards } from './types.js';

const bytes = (text: string | undefined): number => (text === undefined ? 0 : Buffer.byteLength(text, 'utf8'));

// The fewest bytes deckYaml spends around a card's texts: `  - id: ` + `\n    question: ` +
// `\n    answer: ` + `\n` for a question, less for an ask card, `      - ` + `\n` for a list item.
const QUESTION = 37;
const ASK = 24;
const ITEM = 9;

/** The least YAML bytes a question card costs (see {@link draftBytesAtLeast}). */
function questionBytes(q: DraftQuestion): number {
  let n = QUESTION + bytes(q.question) + bytes(q.answer);
  for (const p of q.points) n += ITEM + bytes(p);
  for (const t of q.tags) n += ITEM + bytes(t);
  return n;
}

/** The least YAML bytes of everything but the question cards. */
function restBytes(draft: DraftDeck): number {
  let n = bytes(draft.title) + bytes(draft.company) + bytes(draft.role);
  if (draft.pitch) n += bytes(draft.pitch.script) + draft.pitch.points.reduce((s, p) => s + bytes(p), 0);
  for (const a of draft.ask) n += ASK + bytes(a.question) + bytes(a.why);
  return n;
}

/**
 * A lower bound on the size in bytes of the YAML `deckYaml` writes for `draft`: every text once,
 * with the least indentation and keys each card needs, no ids, quoting or folding. When even this is over the loader's limit, the deck
 * can be refused before the YAML is built, which for a big deck costs many times its size.
 */
export function draftBytesAtLeast(draft: DraftDeck): number {
  return restBytes(draft) + draft.questions.reduce((s, q) => s + questionBytes(q), 0);
}

/**
 * Where an importer puts its question cards. It counts them and their least YAML size, and once
 * that alone is over `limit`, stops keeping them: the deck will be refused, and holding a
 * hundred thousand cards only to count them cost many times the input's size in memory.
 * Questions only: ask cards are few, and the Markdown reader adds a reason to the last one later.
 */
export class QuestionTally implements QuestionCards {
  /** Question cards read, kept or not. */
  count = 0;
  private questionBytes = 0;
  /** With `each`, every card goes to it as it comes and none is kept: see ImporterOptions. */
  constructor(
    private readonly deck: DraftDeck,
    private readonly limit = Infinity,
    private readonly each?: (q: DraftQuestion) => void,
  ) {}

  add(q: DraftQuestion): void {
    this.count++;
    this.questionBytes += questionBytes(q);
    if (this.each) this.each(q);
    else if (!this.dropped) this.deck.questions.push(q);
    else if (this.deck.questions.length > 0) this.deck.questions.length = 0;
  }

  /** True once the cards are no longer kept: the deck is over the limit whatever else it holds. */
  get dropped(): boolean {
    return this.questionBytes > this.limit;
  }

  /** {@link draftBytesAtLeast} of the whole deck read, dropped cards included. */
  bytesAtLeast(): number {
    return restBytes(this.deck) + this.questionBytes;
  }
}

/** How much of a packed `took` list is kept in one buffer. */
const PACK_BYTES = 64 * 1024;

/**
 * `took` lines kept as UTF-8 bytes, for a big file's second read: a line a card, built from
 * parts as strings are, and held two bytes a character once a dash is in them, they cost more
 * than half the file's size in memory. Read back in order, lines put first (the title) first.
 */
class PackedLines extends Array<string> {
  private readonly first: string[] = [];
  private readonly packs: { bytes: Buffer; ends: number[] }[] = [];

  override push(...lines: string[]): number {
    for (const line of lines) this.pack(line);
    return 0;
  }

  override unshift(...lines: string[]): number {
    this.first.unshift(...lines);
    return 0;
  }

  override *[Symbol.iterator](): ArrayIterator<string> {
    yield* this.first;
    for (const { bytes, ends } of this.packs) {
      let start = 0;
      for (const end of ends) {
        yield bytes.toString('utf8', start, end);
        start = end;
      }
    }
  }

  private pack(line: string): void {
    const size = Buffer.byteLength(line, 'utf8');
    let last = this.packs.at(-1);
    const used = last?.ends.at(-1) ?? 0;
    if (!last || used + size > last.bytes.length) {
      last = { bytes: Buffer.alloc(Math.max(PACK_BYTES, size)), ends: [] };
      this.packs.push(last);
    }
    const at = last.ends.at(-1) ?? 0;
    last.bytes.write(line, at, 'utf8');
    last.ends.push(at + size);
  }
}

/** An array that keeps nothing pushed to it: `took` lines a count does not keep. */
class NoLines extends Array<string> {
  override push(): number {
    return 0;
  }
  override unshift(): number {
    return 0;
  }
}

/** Where an importer puts its `took` lines: a list, nowhere (`false`), or packed as bytes (`'packed'`). */
export function tookLines(keep: boolean | 'packed' = true): string[] {
  return keep === 'packed' ? new PackedLines() : keep ? [] : new NoLines();
}
