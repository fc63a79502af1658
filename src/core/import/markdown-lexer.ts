import { defaults, Lexer, Tokenizer, type Token, type Tokens } from 'marked';

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

/** marked's lexer over `text` (its defaults), the setext-heading rule asked only where it can match. */
export function lex(text: string): Token[] {
  return new Lexer({ ...defaults, tokenizer: new PlainTokenizer() }).lex(text);
}
