import { decode } from 'html-entities';
import type { Token, Tokens } from 'marked';

// Inline Markdown (a paragraph's, heading's or list item's text) as the plain text a card keeps,
// and the fold that lets marked lex a long text without keeping a token for each emphasis.

/**
 * A run of inline tokens already made plain text: what {@link InlineFold} leaves in their place.
 * Not one of marked's types, so nothing but {@link inlineText} reads it.
 */
interface FoldedText {
  type: 'folded';
  raw: string;
  /** The text, in pieces of about a kilobyte: joined only with what comes before it, in one go. */
  parts: string[];
}

const NUMBER_PREFIX = /^\s*(?:q(?:uestion)?\s*)?\d{0,3}\s*[.):]?\s*$/i;

/** Whether {@link splitLead} reads on past `head`: every token of it is text that could be a question's number. */
function leadOpen(head: readonly Token[]): boolean {
  return head.every((t) => t.type === 'text' && NUMBER_PREFIX.test(t.raw));
}

/** A paragraph's bold lead: `**1. Why us?**`, `1. **Why us?**` or `Q2: **Why us?**`, and the text after it. */
export function splitLead(tokens: readonly Token[], whole?: string): { lead?: string; after: string } {
  let i = 0;
  let prefix = '';
  // Stryker disable next-line EqualityOperator,LogicalOperator,OptionalChaining: past the end there is no text token, so the loop stops there anyway
  while (i < tokens.length && tokens[i]?.type === 'text' && NUMBER_PREFIX.test(tokens[i]?.raw ?? '')) {
    // Stryker disable next-line OptionalChaining,StringLiteral: the loop reads only tokens that are there
    prefix += tokens[i]?.raw ?? '';
    i++;
  }
  const lead = tokens[i];
  // Most paragraphs have no lead: their `after` is the text the caller already made.
  if (lead?.type !== 'strong') return { after: whole ?? inlineText(tokens) };
  return { lead: `${prefix}${inlineText((lead as Tokens.Strong).tokens)}`.trim(), after: inlineText(tokens.slice(i + 1)) };
}

/** Inline Markdown as plain text: emphasis and links reduced to their words, HTML tags dropped, entities decoded. */
export function inlineText(tokens: readonly Token[] | undefined): string {
  let out = '';
  // Stryker disable next-line ArrayDeclaration: every caller passes tokens marked made
  for (const t of tokens ?? []) {
    // Folded text comes last, and is made one string with the text before it: added to that,
    // it would be a chain of two, copied whole again at the first trim.
    if (t.type === 'folded') return [out, ...(t as FoldedText).parts].join('');
    out += tokenText(t);
  }
  return out;
}

function tokenText(t: Token): string {
  switch (t.type) {
    case 'text': {
      const nested = (t as Tokens.Text).tokens;
      return nested ? inlineText(nested) : decode((t as Tokens.Text).text);
    }
    case 'folded':
      return (t as FoldedText).parts.join('');
    // Stryker disable next-line ConditionalExpression,StringLiteral: an escaped character is punctuation, which the default's decoding keeps as it is
    case 'escape':
      return (t as Tokens.Escape).text;
    // Stryker disable next-line StringLiteral: the default decodes the text too
    case 'codespan':
      return decode((t as Tokens.Codespan).text);
    case 'br':
      return '\n';
    case 'html':
      // Stryker disable next-line Regex,MethodExpression: an inline HTML token is one tag, without spaces around it
      return /^<br\s*\/?>$/i.test((t as Tokens.HTML).text.trim()) ? '\n' : '';
    // Stryker disable next-line ConditionalExpression,StringLiteral: the default decodes an image's words alike
    case 'image':
      return decode((t as Tokens.Image).text);
    case 'strong':
    case 'em':
    case 'del':
    case 'link':
      return inlineText((t as Tokens.Strong).tokens);
    default:
      return 'text' in t && typeof t.text === 'string' ? decode(t.text) : '';
  }
}

/** Pieces of text joined a few kilobytes at a time, so a long text is never a chain of many small strings. */
class TextJoin {
  private readonly parts: string[] = [];
  private pieces: string[] = [];
  private size = 0;

  add(piece: string): void {
    this.pieces.push(piece);
    this.size += piece.length;
    if (this.size < 1024) return;
    this.parts.push(this.pieces.join(''));
    this.pieces = [];
    this.size = 0;
  }

  /** The text so far, in pieces of about a kilobyte. */
  done(): string[] {
    if (this.pieces.length > 0) this.parts.push(this.pieces.join(''));
    this.pieces = [];
    this.size = 0;
    return this.parts;
  }
}

/**
 * Where marked puts the inline tokens of one long text, in place of their array: each token is
 * made plain text as soon as marked has moved past it, and only that text is kept, so a
 * paragraph of megabytes with an emphasis every few words never holds a token object for each
 * (it took seventy times the paragraph's size). The tokens {@link splitLead} reads are kept as
 * they are; the rest become one {@link FoldedText}, which {@link inlineText} reads as their text.
 * marked's inline loop asks its token list only to `push` a token and for the last one
 * (`at(-1)`, to merge text into it), which is all this offers.
 */
export class InlineFold {
  private readonly head: Token[] = [];
  private readonly rest = new TextJoin();
  private folded = false;
  private last: Token | undefined;

  push(token: Token): number {
    if (this.last) this.settle(this.last);
    this.last = token;
    return 0;
  }

  at(index: number): Token | undefined {
    // Stryker disable next-line ConditionalExpression: marked only asks for the last token
    return index === -1 ? this.last : undefined;
  }

  /** A token marked is done with (the next one has come): kept while splitLead could read it, else folded. */
  private settle(token: Token): void {
    if (!this.folded && leadOpen(this.head)) {
      this.head.push(token);
      return;
    }
    this.folded = true;
    this.rest.add(tokenText(token));
  }

  /** The tokens in place of all those pushed: the head kept, the rest as one text. */
  tokens(): Token[] {
    if (this.last) this.settle(this.last);
    this.last = undefined;
    if (!this.folded) return this.head;
    const folded: FoldedText = { type: 'folded', raw: '', parts: this.rest.done() };
    return [...this.head, folded as unknown as Token];
  }
}
