import { lintDeckText, type Advisor } from '../deck/lint.js';
import { MAX_DECK_BYTES } from '../deck/read-deck-file.js';
import { formatProblem, type DeckProblem } from '../deck/types.js';
import type { DeckPiece } from './to-yaml.js';

/** Where the deck will be written, for the checks' messages and the loader's deck name. */
export interface CheckTarget {
  name: string;
  path: string;
  displayPath: string;
}

/** The deck's YAML is over the loader's limit: `bytes` is its whole size. */
export class DeckTooBigError extends Error {
  constructor(readonly bytes: number) {
    // Stryker disable next-line StringLiteral: import words its refusal itself, from `bytes`; this text is never shown
    super(`the deck would be ${bytes} bytes, over the ${MAX_DECK_BYTES} a deck may hold`);
  }
}

/** The deck's YAML would not load: the writer's fault, never the user's. */
export class UnloadableDeckError extends Error {
  constructor(readonly problems: readonly DeckProblem[]) {
    super(`the imported deck would not load, so nothing was written:\n${problems.map(formatProblem).join('\n')}`);
  }
}

/**
 * YAML of later cards gathered before they are checked as one list. Each document checked has
 * a cost of its own (the parser's, the schema's and the deck checks' set-up): checked in 1 KB
 * batches, a 1 or 2 MB export's import took 8-20% less CPU than card by card. Bigger batches
 * save a little more CPU and cost memory: everything a batch's check makes (its YAML document
 * is 14 times its text) lives longer, so more of it outlives a young-generation collection
 * (held small for import, see import-heap.ts) and is promoted. On Node 20 a 1 MB export peaked
 * 0.3-1 MB higher at 1 KB, 2.5-3 MB at 2 KB, 5-7 MB at 32 KB.
 */
export const BATCH_BYTES = 1024;

/** The list a later card is checked in: its lines stay the file's, shifted by these two. */
const LIST_HEAD = 'title: x\nquestions:\n';

/** A later card waiting for its batch's check, with the file's line it starts on. */
interface Pending {
  piece: DeckPiece;
  line: number;
  lines: number;
}

/**
 * Checks an imported deck's YAML piece by piece (see DeckYamlWriter) with the loader's own
 * checks (lint's: the loader's plus its advice) on its way to the file, so the whole deck's YAML
 * document, many times the deck's size in memory, is never built. The head is checked with the
 * first card, as the file's own first lines, so the pitch is judged too; all ask cards together
 * (asks are few, and lint judges them as a list); the later question cards in batches (see
 * {@link BATCH_BYTES}), each batch as a small deck of its own: a title line, its list's key, the
 * cards. The file then loads as its pieces did, because every question but the first is one
 * item of the list, indented under it (which is checked too), and ids are checked unique across
 * pieces. Warnings, placed in the whole file, go to `problems`, the same as checking every card
 * alone would give (a batch whose problems are not each plainly one card's is checked card by
 * card); an error is told as the card alone tells it.
 */
export class PieceChecker {
  private bytes = 0;
  private line = 1;
  private head: string | undefined;
  private asks: { text: string[]; line: number } | undefined;
  private readonly ids = new Set<string>();
  private batch: Pending[] = [];
  private batchBytes = 0;

  constructor(
    private readonly target: CheckTarget,
    readonly problems: DeckProblem[] = [],
    private readonly advisors: readonly Advisor[] = [],
    private readonly limit = MAX_DECK_BYTES,
    private readonly batchLimit = BATCH_BYTES,
  ) {}

  /**
   * The piece's text to write next, or undefined once the deck is over the limit (the rest is
   * only counted). Throws {@link UnloadableDeckError} when a check finds an error.
   */
  take(piece: DeckPiece): string | undefined {
    // Stryker disable next-line StringLiteral: an empty encoding name counts UTF-8 too
    const size = Buffer.byteLength(piece.text, 'utf8');
    this.bytes += size;
    if (this.bytes > this.limit) return undefined;
    const at = this.line;
    const lines = lineCount(piece.text);
    this.line += lines;
    // Stryker disable next-line ConditionalExpression: only a head without a pitch has no id, and no card has the empty id
    if (piece.id) this.unique(piece, at);
    if (piece.part === 'head') {
      this.head = piece.text;
    } else if (piece.part === 'ask') {
      // Kept to check as one list at the end: "no cue or why" is advice only when there are several.
      this.asks ??= { text: [], line: at };
      this.asks.text.push(piece.text);
    } else if (this.head !== undefined) {
      // The first question: the file's own first lines, head included, so the pitch is judged too.
      this.check(this.head + piece.text, '', 1, piece);
      this.head = undefined;
    } else {
      this.indentedItem(piece, at);
      this.batch.push({ piece, line: at, lines });
      this.batchBytes += size;
      if (this.batchBytes >= this.batchLimit) this.flush();
    }
    return piece.text;
  }

  /**
   * Checks what is left (the ask cards; the head when no question came). Throws
   * {@link DeckTooBigError} when the deck went over the limit, {@link UnloadableDeckError} when a
   * check finds an error.
   */
  finish(): void {
    this.flush();
    if (this.bytes > this.limit) throw new DeckTooBigError(this.bytes);
    const asks = this.asks?.text.join('') ?? '';
    if (this.head !== undefined) this.check(this.head + asks, '', 1, undefined);
    else if (this.asks) this.check(asks, 'title: x\n', this.asks.line, undefined);
  }

  /** Checks the gathered later cards as one list; see {@link PieceChecker}. */
  private flush(): void {
    const cards = this.batch;
    this.batch = [];
    this.batchBytes = 0;
    const [first] = cards;
    if (!first) return;
    if (cards.length === 1) {
      this.check(first.piece.text, LIST_HEAD, first.line, first.piece);
      return;
    }
    const { name, path, displayPath } = this.target;
    const text = LIST_HEAD + cards.map((c) => c.piece.text).join('');
    const found = lintDeckText(text, { name, path, displayPath }, this.advisors);
    const placed = found.map((p) => placeInBatch(p, cards));
    if (placed.every((p) => p !== undefined && p.severity !== 'error')) {
      this.problems.push(...(placed as DeckProblem[]));
      return;
    }
    // An error, or a problem that is not plainly one card's: each card alone says what it says
    // in a check of its own, and the first card with an error is refused with its own errors.
    for (const c of cards) this.check(c.piece.text, LIST_HEAD, c.line, c.piece);
    // No card alone has an error, yet together they would not load: the file would not either.
    const errors = found.filter((p) => p.severity === 'error');
    if (errors.length > 0) throw new UnloadableDeckError(errors.map((p) => placeInBatch(p, cards, true) ?? { ...p, line: fileLine(p.line, first.line, LIST_HEAD_LINES) }));
  }

  /** Lints `prefix + text`, whose first line after the prefix is the file's line `startLine`. */
  private check(text: string, prefix: string, startLine: number, piece: DeckPiece | undefined): void {
    const { name, path, displayPath } = this.target;
    const found = lintDeckText(prefix + text, { name, path, displayPath }, this.advisors);
    const skip = lineCount(prefix);
    const index = piece?.part === 'questions' ? piece.index : 0;
    const placed = found.map((p) => ({
      ...p,
      line: fileLine(p.line, startLine, skip),
      message: inFile(p.message, startLine, skip),
      // Stryker disable next-line ConditionalExpression,EqualityOperator,Regex: the first card's path is questions[0] already, and a path starts with its list
      path: index > 0 ? p.path.replace(/^questions\[0\]/, `questions[${index}]`) : p.path,
    }));
    const errors = placed.filter((p) => p.severity === 'error');
    if (errors.length > 0) throw new UnloadableDeckError(errors);
    this.problems.push(...placed);
  }

  /** A question after the first is one item of the list: it starts `  - ` and every line of it is indented or blank. */
  private indentedItem(piece: DeckPiece, line: number): void {
    if (piece.text.startsWith('  - ') && !/\n(?! |\n|$)/.test(piece.text)) return;
    this.fail(piece, line, 'the card is not an item of its list');
  }

  private unique(piece: DeckPiece, line: number): void {
    if (this.ids.has(piece.id)) this.fail(piece, line, `duplicate id "${piece.id}"`);
    this.ids.add(piece.id);
  }

  private fail(piece: DeckPiece, line: number, message: string): never {
    throw new UnloadableDeckError([{ file: this.target.displayPath, line, column: 1, path: `${piece.part}[${piece.index}]`, message, severity: 'error' }]);
  }
}

const LIST_HEAD_LINES = 2;

/**
 * A batch's problem placed in the file, as checking its card alone places it: its path names a
 * card of the batch, and its line lies among that card's lines (or anywhere, with `anyLine`).
 * Undefined when it does not.
 */
function placeInBatch(p: DeckProblem, cards: readonly Pending[], anyLine = false): DeckProblem | undefined {
  const at = /^questions\[(\d+)\]/.exec(p.path);
  const card = at ? cards[Number(at[1])] : undefined;
  if (!at || !card) return undefined;
  const start = (cards[0] as Pending).line;
  const line = fileLine(p.line, start, LIST_HEAD_LINES);
  if (!anyLine && (line < card.line || line >= card.line + card.lines)) return undefined;
  return { ...p, line, message: inFile(p.message, start, LIST_HEAD_LINES), path: `questions[${card.piece.index}]${p.path.slice(at[0].length)}` };
}

/** The file's line of a checked document's `line`, whose line `skip + 1` is the file's `start` (its head's lines are `start`). */
function fileLine(line: number, start: number, skip: number): number {
  return Math.max(start, start + line - 1 - skip);
}

/** A message that names a line of the checked document ("first used on line 3") names the file's. */
function inFile(message: string, start: number, skip: number): string {
  return message.replace(/\(first used on line (\d+)\)/, (_, line: string) => `(first used on line ${fileLine(Number(line), start, skip)})`);
}

function lineCount(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
