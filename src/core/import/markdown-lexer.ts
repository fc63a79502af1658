import { defaults, Lexer, Tokenizer, type Token, type Tokens } from 'marked';
import { InlineFold } from './markdown-inline.js';

/**
 * The line under a setext heading (`===` or `---`), as marked's rule for one ends: a heading
 * of that kind needs one, after its text and before any blank line.
 */
const UNDERLINE = /\n {0,3}(?:=+|-+)[ \t]*(?:\n|$)/;
/** A line end followed by a blank line (white space only), which no setext heading's text passes. */
const BLANK_AFTER = /\n\s*?\n/;

/**
 * marked's tokenizer, which asks its setext-heading rule only of text that has the line under
 * such a heading before its first blank line. The rule steps through the text a character at a
 * time with a lazy repeat, and V8 keeps a step for each: on a paragraph of megabytes that took
 * nine times its size in memory, for every paragraph, as the rule is tried before a paragraph's.
 * Without that line the rule cannot match, so the tokens are the same.
 */
class PlainTokenizer extends Tokenizer {
  override lheading(src: string): Tokens.Heading | undefined {
    // Only up to the first blank line: looked for in the whole text, a sheet of many paragraphs
    // would be read to its end for each one.
    const blank = BLANK_AFTER.exec(src);
    const upTo = blank === null ? src : src.slice(0, blank.index + 1);
    return UNDERLINE.test(upTo) ? super.lheading(src) : undefined;
  }
}

/** Inline text longer than this (in characters) is folded as marked lexes it (see InlineFold). */
const FOLD_ABOVE = 16 * 1024;

/** marked's lexer, which folds the inline tokens of a long text into its plain text as they come. */
class FoldingLexer extends Lexer {
  override inlineTokens(src: string, tokens: Token[] = []): Token[] {
    if (src.length <= FOLD_ABOVE) return super.inlineTokens(src, tokens);
    const fold = new InlineFold();
    super.inlineTokens(src, fold as unknown as Token[]);
    // The array marked made for them (a paragraph's `tokens`) is the one handed back, filled.
    for (const token of fold.tokens()) tokens.push(token);
    return tokens;
  }
}

/**
 * marked's lexer over `text` (its defaults), the setext-heading rule asked only where it can
 * match, and a long text's inline tokens folded into their plain text (read with inlineText).
 */
export function lex(text: string): Token[] {
  return new FoldingLexer({ ...defaults, tokenizer: new PlainTokenizer() }).lex(text);
}
