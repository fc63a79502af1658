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
 * Passes an imported deck's YAML on, piece by piece (see deckYamlPieces), checking each piece
 * with the loader's own checks (lint's, which are the loader's plus its advice) on its way to
 * the file, so the whole deck's YAML document, many times the deck's size in memory, is never
 * built. Each card is checked as a small deck of its own: a title line, its list's key, the card;
 * the head with the first card, all ask cards together (asks are few, and lint judges them as a
 * list). The file then loads as its pieces did, because every piece but a list's first is one
 * item of that list, indented under it (which is checked too), and ids are checked unique across
 * pieces. Warnings, placed in the whole file, go to `problems`. Throws {@link UnloadableDeckError}
 * when a check finds an error, and {@link DeckTooBigError} (after counting the rest) when the
 * text grows past `limit` bytes; the caller's file is then to be removed.
 */
export function* checkedPieces(pieces: Iterable<DeckPiece>, target: CheckTarget, problems: DeckProblem[], advisors: readonly Advisor[] = [], limit = MAX_DECK_BYTES): Generator<string> {
  let bytes = 0;
  let line = 1;
  let head: { text: string } | undefined;
  let asks: { text: string[]; line: number } | undefined;
  const ids = new Set<string>();
  const check = (text: string, prefix: string, startLine: number, part: DeckPiece['part'] | undefined, index: number): void => {
    const found = lintDeckText(prefix + text, { name: target.name, path: target.path, displayPath: target.displayPath }, advisors);
    const skip = lineCount(prefix);
    const placed = found.map((p) => ({
      ...p,
      line: Math.max(startLine, startLine + p.line - 1 - skip),
      path: part === 'questions' && index > 0 ? p.path.replace(/^questions\[0\]/, `questions[${index}]`) : p.path,
    }));
    const errors = placed.filter((p) => p.severity === 'error');
    if (errors.length > 0) throw new UnloadableDeckError(errors);
    problems.push(...placed);
  };
  for (const piece of pieces) {
    bytes += Buffer.byteLength(piece.text, 'utf8');
    if (bytes > limit) continue;
    const at = line;
    line += lineCount(piece.text);
    if (piece.id) unique(ids, piece, target, at);
    if (piece.part === 'head') {
      head = { text: piece.text };
    } else if (piece.part === 'ask') {
      // Kept to check as one list at the end: "no cue or why" is advice only when there are several.
      asks ??= { text: [], line: at };
      asks.text.push(piece.text);
    } else if (head) {
      // The first question: the file's own first lines, head included, so the pitch is judged too.
      check(head.text + piece.text, '', 1, 'questions', 0);
      head = undefined;
    } else {
      indentedItem(piece, target, at);
      check(piece.text, 'title: x\nquestions:\n', at, 'questions', piece.index);
    }
    yield piece.text;
  }
  if (bytes > limit) throw new DeckTooBigError(bytes);
  if (asks && head) check(head.text + asks.text.join(''), '', 1, 'ask', 0);
  else if (asks) check(asks.text.join(''), 'title: x\n', asks.line, 'ask', 0);
  else if (head) check(head.text, '', 1, undefined, 0);
}

function lineCount(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** A card after its list's first is one item of that list: it starts `  - ` and every line of it is indented or blank. */
function indentedItem(piece: DeckPiece, target: CheckTarget, line: number): void {
  if (piece.text.startsWith('  - ') && !/\n(?! |\n|$)/.test(piece.text)) return;
  throw new UnloadableDeckError([{ file: target.displayPath, line, column: 1, path: `${piece.part}[${piece.index}]`, message: 'the card is not an item of its list', severity: 'error' }]);
}

function unique(ids: Set<string>, piece: DeckPiece, target: CheckTarget, line: number): void {
  if (!ids.has(piece.id)) {
    ids.add(piece.id);
    return;
  }
  throw new UnloadableDeckError([{ file: target.displayPath, line, column: 1, path: `${piece.part}[${piece.index}]`, message: `duplicate id "${piece.id}"`, severity: 'error' }]);
}
