import type { Token, Tokens } from 'marked';
import { lex } from './markdown-lexer.js';
import { inlineText, splitLead } from './markdown-inline.js';
import { lineEnd, textLength, utf8 } from './bytes.js';
import { MAX_CARD_TEXT_BYTES, MAX_PIECE_BYTES, sizeWords, TooLongError } from './limits.js';
import { oneLine } from './text.js';

/** A list item as plain text. */
export interface ItemPart {
  /** The item's first paragraph, soft line breaks kept. */
  text: string;
  /** Text in bold at the start of the first paragraph (after an optional number), if any. */
  lead?: string;
  /** The first paragraph after the bold lead. */
  after: string;
  /** Further paragraphs of the item. */
  more: string[];
  /** Nested list items, flattened. */
  sub: string[];
  /** 1-based line where the item starts. */
  line: number;
}

/** A top-level Markdown block, reduced to what the importer reads, with its 1-based line. */
export type Part =
  | { kind: 'heading'; depth: number; text: string; line: number }
  | { kind: 'para'; text: string; lead?: string; after: string; line: number }
  | { kind: 'list'; ordered: boolean; items: ItemPart[]; line: number }
  | { kind: 'code'; text: string; line: number }
  | { kind: 'other'; what: string; line: number };

/**
 * Reads Markdown into parts with their line numbers, one at a time, using marked's lexer (no
 * HTML is made). Blank lines, rules and link definitions are dropped; a block quote counts as
 * its contents. The sheet may be given as its UTF-8 bytes: a big one is then decoded a chunk at
 * a time, so its whole text (twice its bytes in memory once it holds a dash or an accent) is
 * never made.
 */
// Stryker disable next-line ObjectLiteral: without the sizes the text is cut only at headings, which gives the same parts
export function* markdownParts(sheet: string | Uint8Array, chunking: Chunking = { wholeBelow: WHOLE_BELOW, chunkBytes: CHUNK_BYTES }): Generator<Part> {
  let line = 1;
  // marked keeps every token of the text at once, several times the text's size: a big sheet
  // is read one heading's chunk at a time, so only one chunk's tokens are alive, and the parts
  // are handed on as they come rather than all held.
  for (const chunk of headingChunks(lineSource(sheet), chunking)) {
    for (const token of lex(chunk)) {
      const parts: Part[] = [];
      toParts(token, line, parts);
      yield* parts;
      line += countNewlines(token.raw);
    }
  }
}

/** When a text is lexed in chunks (see headingChunks); a parameter so tests can use small sizes. */
export interface Chunking {
  wholeBelow: number;
  chunkBytes: number;
}

/** Sheets up to this size (in characters) are lexed whole (link definitions then reach across headings). */
const WHOLE_BELOW = 1024 * 1024;
/**
 * Past this size a chunk is also cut between two top-level paragraphs. Small, so a chunk's
 * tokens die young: tokens that live through two scavenges are moved to the old generation,
 * where they stay until a full collection (32 KB chunks left several megabytes there).
 */
const CHUNK_BYTES = 1024;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const ATX_HEADING = /^ {0,3}#{1,6}(?:[ \t]|$)/;
/** A line that starts a top-level block of its own after a blank line: not indented, not a list item. */
const FRESH_BLOCK = /^(?![ \t]|[-*+][ \t]|\d{1,9}[.)][ \t]|>)\S/;

/** A sheet's text (line ends made "\n") line by line, from its text or from its UTF-8 bytes. */
interface LineSource {
  /** The text's length in characters. */
  size: number;
  /** Where the text ends. */
  end: number;
  /** Where the line starting at `at` ends, its "\n" included. */
  next(at: number): number;
  /** The text from `start` to `end`, line ends made "\n". */
  text(start: number, end: number): string;
}

function lineSource(sheet: string | Uint8Array): LineSource {
  if (typeof sheet !== 'string') return byteLines(sheet);
  const text = sheet.replace(/\r\n?/g, '\n');
  return {
    size: text.length,
    end: text.length,
    next: (at) => {
      const end = text.indexOf('\n', at);
      return end === -1 ? text.length : end + 1;
    },
    text: (start, end) => text.slice(start, end),
  };
}

/**
 * Lines of UTF-8 bytes. A lone "\r" stays inside its line here (the whole text would end a line
 * there): that only means a chunk is not cut at it, and a chunk's text is made with "\n" ends.
 */
function byteLines(bytes: Uint8Array): LineSource {
  return {
    size: textLength(bytes),
    end: bytes.length,
    next: (at) => {
      const end = lineEnd(bytes, at);
      return end === bytes.length ? end : end + 1;
    },
    text: (start, end) => utf8(bytes, start, end).replace(/\r\n?/g, '\n'),
  };
}

/**
 * The text cut into chunks that lex as they would in the whole text: before each ATX heading
 * outside a fenced code block, and, once a chunk is big, after a blank line that ends every open
 * block (the next line starts a fresh paragraph at the margin, outside a fence, a list or a
 * quote). Small texts are one chunk.
 */
function* headingChunks(source: LineSource, { wholeBelow, chunkBytes }: Chunking): Generator<string> {
  // Stryker disable next-line ConditionalExpression,EqualityOperator,BlockStatement: cuts the text in other places (or not at all), which gives the same parts; only the memory marked needs changes
  if (source.size < wholeBelow) {
    yield source.text(0, source.end);
    return;
  }
  let start = 0;
  let fence: string | undefined;
  let at = 0;
  // Stryker disable next-line BooleanLiteral: the first line never ends a chunk, as nothing comes before it
  let blankBefore = false;
  // Stryker disable next-line ConditionalExpression,EqualityOperator: cuts the text in other places (or not at all), which gives the same parts; only the memory marked needs changes
  // Where the block being read (lines between blank lines) starts, and its line: one over
  // MAX_PIECE_BYTES is refused before its text is made (marked overflows the stack on one of
  // about 7 MB, after taking many times its size in memory).
  let lineNumber = 1;
  let block = { at: 0, line: 1 };
  while (at < source.end) {
    const next = source.next(at);
    if (next - block.at > MAX_PIECE_BYTES) {
      throw new TooLongError(`this paragraph (or list, or other block) passes ${sizeWords(MAX_PIECE_BYTES)}, more than a block may take; a card's text may hold ${sizeWords(MAX_CARD_TEXT_BYTES)}`, block.line, 1);
    }
    const line = source.text(at, next);
    const f = FENCE.exec(line)?.[1];
    // Stryker disable next-line BlockStatement: a fence that never closes only stops the cutting, which gives the same parts
    if (fence !== undefined) {
      if (f !== undefined && f[0] === fence[0] && f.length >= fence.length) fence = undefined;
    } else if (
      // Stryker disable next-line ConditionalExpression,EqualityOperator: cuts the text in other places (or not at all), which gives the same parts; only the memory marked needs changes
      f !== undefined
    ) {
      fence = f;
    } else if (
      // Stryker disable next-line ConditionalExpression,EqualityOperator,LogicalOperator,ArithmeticOperator,BlockStatement: cuts the text in other places (or not at all), which gives the same parts; only the memory marked needs changes
      at > start && (ATX_HEADING.test(line) || (blankBefore && at - start >= chunkBytes && FRESH_BLOCK.test(line)))
    ) {
      yield source.text(start, at);
      start = at;
    }
    // Stryker disable next-line ConditionalExpression,MethodExpression,StringLiteral: cuts the text in other places (or not at all), which gives the same parts; only the memory marked needs changes
    blankBefore = line.trim() === '';
    at = next;
    lineNumber++;
    if (blankBefore) block = { at, line: lineNumber };
  }
  // Stryker disable next-line ConditionalExpression,EqualityOperator: an empty last chunk has no parts
  if (start < source.end) yield source.text(start, source.end);
}

function countNewlines(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i !== -1; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

function toParts(token: Token, line: number, out: Part[]): void {
  // A block's raw text may start with the blank lines before it; its line is its first non-blank one.
  const at = line + countNewlines(/^\s*/.exec(token.raw)?.[0] ?? '');
  switch (token.type) {
    case 'space':
    case 'hr':
    case 'def':
      return;
    case 'heading': {
      const t = token as Tokens.Heading;
      out.push({ kind: 'heading', depth: t.depth, text: oneLine(inlineText(t.tokens)), line: at });
      return;
    }
    case 'paragraph':
    case 'text': {
      // Stryker disable next-line ArrayDeclaration: marked gives every paragraph its tokens
      const tokens = (token as Tokens.Paragraph).tokens ?? [];
      const whole = inlineText(tokens);
      out.push({ kind: 'para', text: whole.trim(), ...splitLead(tokens, whole), line: at });
      return;
    }
    case 'list': {
      const t = token as Tokens.List;
      let itemLine = at;
      const items = t.items.map((item) => {
        const part = itemPart(item, itemLine);
        itemLine += countNewlines(item.raw);
        return part;
      });
      out.push({ kind: 'list', ordered: t.ordered, items, line: at });
      return;
    }
    case 'blockquote': {
      let inner = at;
      for (const child of (token as Tokens.Blockquote).tokens) {
        toParts(child, inner, out);
        inner += countNewlines(child.raw);
      }
      return;
    }
    case 'code':
      out.push({ kind: 'code', text: (token as Tokens.Code).text, line: at });
      return;
    default:
      out.push({ kind: 'other', what: token.type === 'table' ? 'a table' : token.type === 'html' ? 'HTML' : `a ${token.type} block`, line: at });
  }
}

function itemPart(item: Tokens.ListItem, line: number): ItemPart {
  const part: ItemPart = { text: '', after: '', more: [], sub: [], line };
  let first = true;
  for (const child of item.tokens) {
    if (child.type === 'paragraph' || child.type === 'text') {
      // Stryker disable next-line ArrayDeclaration: marked gives every paragraph its tokens
      const tokens = (child as Tokens.Paragraph).tokens ?? [];
      const text = inlineText(tokens).trim();
      if (first) {
        Object.assign(part, { text, ...splitLead(tokens) });
        first = false;
      } else if (text) {
        part.more.push(text);
      }
    } else if (child.type === 'list') {
      for (const sub of (child as Tokens.List).items) for (const line of flattenItem(sub)) part.sub.push(line);
    }
  }
  return part;
}

function flattenItem(item: Tokens.ListItem): string[] {
  const p = itemPart(item, 0);
  return [oneLine([p.text, ...p.more].join(' ')), ...p.sub].filter((s) => s !== '');
}
