import { Document, isMap, isScalar, Scalar, type YAMLMap } from 'yaml';
import { slugify } from '../deck/slug.js';
import { cleanText } from './text.js';
import type { DraftDeck, DraftQuestion } from './types.js';

/** How to write an imported deck. */
export interface DeckYamlOptions {
  /** The deck title when the source had none. */
  fallbackTitle: string;
  /** The `$schema` target of the yaml-language-server line: a URL or a path. */
  schema: string;
  /** The file it was imported from, named in the header comment. */
  source: string;
}

// Longer text is written as a folded block, which reads far better than one long quoted line.
const BLOCK_AT = 80;

/** A part of an imported deck's YAML: the head (title to pitch), or one card of `questions` or `ask`. */
export interface DeckPiece {
  part: 'head' | 'questions' | 'ask';
  /** The card's index in its list (0 for the head). */
  index: number;
  /** The card's id; for the head, `pitch` when it holds the pitch, else ''. */
  id: string;
  /** The YAML text, ending in a line break: the first card of a list brings its key and comment. */
  text: string;
}

/**
 * Writes a draft deck as commented YAML: the yaml-language-server schema line first, then
 * title, company, role, pitch, questions and questions to ask. Every card gets a stable id made
 * from its question (`pitch` for the pitch), made unique with `-2`, `-3`... Text is cleaned of
 * control characters, and empty points and tags are dropped, so the result loads without errors.
 */
export function deckYaml(draft: DraftDeck, opts: DeckYamlOptions): string {
  return Array.from(deckYamlPieces(draft, opts), (p) => p.text).join('');
}

/**
 * {@link deckYaml} piece by piece, as it is written, so the whole text need never be held:
 * the head, then each card. The file is the pieces one after the other.
 */
export function* deckYamlPieces(draft: DraftDeck, opts: DeckYamlOptions): Generator<DeckPiece> {
  const yaml = new DeckYamlWriter(draft, opts);
  yield yaml.head();
  for (const q of draft.questions) {
    const piece = yaml.question(q);
    if (piece) yield piece;
  }
  yield* yaml.asks();
}

/**
 * Makes an imported deck's YAML piece by piece: the head, then the question cards one at a time
 * as they are given (so they need not all be held: a big file's cards can come straight from its
 * reader), then the ask cards. Ids are handed out in that order, unique across the deck.
 */
export class DeckYamlWriter {
  private readonly ids: IdMaker;
  private questions = 0;
  /**
   * @param draft the deck's title, company, role, pitch and ask cards (its questions are not read)
   */
  constructor(
    private readonly draft: Omit<DraftDeck, 'questions'>,
    private readonly opts: DeckYamlOptions,
  ) {
    // Stryker disable next-line ArrayDeclaration: a reserved word no slug can equal reserves nothing
    this.ids = new IdMaker(draft.pitch ? ['pitch'] : []);
  }

  /** The schema line, the header comment, title, company, role and pitch. */
  head(): DeckPiece {
    const { draft, opts } = this;
    const data: Record<string, unknown> = { title: clean(draft.title) || clean(opts.fallbackTitle) || 'Imported deck' };
    if (clean(draft.company)) data.company = clean(draft.company);
    if (clean(draft.role)) data.role = clean(draft.role);
    if (draft.pitch && clean(draft.pitch.script)) {
      const p = draft.pitch;
      data.pitch = { ...(p.seconds ? { seconds: p.seconds } : {}), script: clean(p.script), ...list('points', p.points) };
    }
    const head = new Document(data);
    head.commentBefore = [
      ` yaml-language-server: $schema=${opts.schema}`,
      ` Imported by "prep import" from ${oneLineName(opts.source)}. Edit it freely, then check it with "prep lint".`,
      ' Keep a card\'s id when you reword it: its progress is kept under the id.',
    ].join('\n');
    styleLongText(head.contents);
    // Stryker disable next-line StringLiteral: the head's id is only checked unique, and the ids of cards never take 'pitch' or ''
    return { part: 'head', index: 0, id: data.pitch ? 'pitch' : '', text: head.toString(YAML_OPTIONS) };
  }

  /**
   * The next question card, or undefined when it has no question or no answer once cleaned.
   * Card by card, each a small document of its own: one document of ten thousand cards held
   * every card several times over as YAML nodes. The text is the same, as each card is written
   * under the same key at the same depth.
   */
  question(q: DraftQuestion): DeckPiece | undefined {
    if (!clean(q.question) || !clean(q.answer)) return undefined;
    const index = this.questions++;
    const id = this.ids.make(q.question, `question-${index + 1}`);
    const card = { id, question: clean(q.question), answer: clean(q.answer), ...list('points', q.points), ...list('tags', q.tags) };
    const comment = index === 0 ? ' Questions you expect, with your model answer and the key points it must hit' : undefined;
    return { part: 'questions', index, id, text: cardYaml('questions', card, comment) };
  }

  /** The ask cards, after the last question. */
  *asks(): Generator<DeckPiece> {
    let index = 0;
    for (const a of this.draft.ask) {
      if (!clean(a.question)) continue;
      const id = this.ids.make(a.question, `ask-${index + 1}`);
      const card = { id, question: clean(a.question), ...(clean(a.why) ? { why: clean(a.why) } : {}) };
      yield { part: 'ask', index, id, text: cardYaml('ask', card, index === 0 ? ' Questions to ask them' : undefined) };
      index++;
    }
  }
}

const YAML_OPTIONS = { lineWidth: 100 } as const;

/** One card as the items of a list under `key` write it: with the key and its comment for the first, without for the rest. */
function cardYaml(key: 'questions' | 'ask', card: Record<string, unknown>, comment: string | undefined): string {
  const doc = new Document({ [key]: [card] });
  // Stryker disable next-line ConditionalExpression: an undefined comment is no comment
  if (comment !== undefined) commentKey(doc, key, comment);
  styleLongText(doc.contents);
  const text = doc.toString(YAML_OPTIONS);
  return comment !== undefined ? text : text.slice(text.indexOf('\n') + 1);
}

function clean(text: string | undefined): string {
  return text === undefined ? '' : cleanText(text);
}

function list(key: 'points' | 'tags', items: readonly string[]): Record<string, string[]> {
  const kept = [...new Set(items.map(clean).filter(Boolean))];
  return kept.length > 0 ? { [key]: kept } : {};
}

function oneLineName(name: string): string {
  return name.replace(/[\r\n]+/g, ' ');
}

function commentKey(doc: Document, key: string, comment: string): void {
  const contents = doc.contents;
  // Stryker disable next-line ConditionalExpression: the document is always the map of the one key
  if (!isMap(contents)) return;
  // Stryker disable next-line ConditionalExpression,LogicalOperator: the one key is a scalar, and it is `key`
  const pair = contents.items.find((p) => isScalar(p.key) && p.key.value === key);
  // Stryker disable next-line ConditionalExpression,LogicalOperator: the one key is a scalar, and it is `key`
  if (pair && isScalar(pair.key)) pair.key.commentBefore = comment;
}

/** Makes answers, scripts and reasons block scalars: literal when they hold line breaks, folded when only long. */
function styleLongText(node: unknown): void {
  if (isMap(node)) {
    for (const pair of (node as YAMLMap).items) {
      // Stryker disable next-line StringLiteral: every key written is a scalar
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      const value = pair.value;
      // Stryker disable next-line ConditionalExpression,LogicalOperator: the keys listed always hold text, and a list or map is never under one
      if (isScalar(value) && typeof value.value === 'string' && ['answer', 'script', 'why', 'question'].includes(key)) {
        const text = value.value;
        if (text.includes('\n')) value.type = Scalar.BLOCK_LITERAL;
        else if (text.length > BLOCK_AT && key !== 'question') value.type = Scalar.BLOCK_FOLDED;
      } else {
        styleLongText(value);
      }
    }
  } else if (
    // Stryker disable next-line ConditionalExpression,LogicalOperator: every node here is an object of the YAML library; only a list has an array of items
    node && typeof node === 'object' && 'items' in node && Array.isArray((node as { items: unknown }).items)
  ) {
    for (const item of (node as { items: unknown[] }).items) styleLongText(item);
  }
}

/** Hands out unique card ids. */
class IdMaker {
  private readonly taken: Set<string>;
  /** The next suffix to try per base: ten thousand cards with one slug must not cost 10^8 tries. */
  private readonly next = new Map<string, number>();
  constructor(reserved: string[]) {
    this.taken = new Set(reserved);
  }
  make(text: string, fallback: string): string {
    const base = slugify(text) || fallback;
    let id = base;
    let n = this.next.get(base) ?? 2;
    for (; this.taken.has(id); n++) id = `${base}-${n}`;
    // Only a base that was taken needs its next suffix kept: for the rest it is the 2 a miss
    // gives. Kept for every card, the map was a table as big as the set of ids (about 0.5 MB of
    // a 10,000-note import).
    // Stryker disable next-line ConditionalExpression,EqualityOperator,CallExpression: without it ids are the same, only found with more tries
    if (n !== 2) this.next.set(base, n);
    this.taken.add(id);
    return id;
  }
}
