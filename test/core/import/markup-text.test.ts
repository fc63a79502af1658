import { Lexer, type Token, type Tokens } from 'marked';
import { describe, expect, it } from 'vitest';
import { importAnki } from '../../../src/core/import/anki.js';
import { measuredText, toText } from '../../../src/core/import/anki-text.js';
import { MAX_CARD_TEXT_BYTES, TooLongError } from '../../../src/core/import/limits.js';
import { importMarkdown } from '../../../src/core/import/markdown.js';
import { inlineText, splitLead } from '../../../src/core/import/markdown-inline.js';
import { lex } from '../../../src/core/import/markdown-lexer.js';
import { LinedCount, linedBytes } from '../../../src/core/import/text-bytes.js';

// A long text thick with markup (an Anki field of HTML, a Markdown paragraph of emphasis) is
// cleaned a piece at a time, or folded into its text as marked lexes it, never held whole as
// copies or as a token per emphasis: the text and its counted size must be exactly what the
// whole text's clean-up gives, wherever the pieces are cut.

/** A small seeded generator, so a failure can be run again. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function randomOf(rand: () => number, alphabet: readonly string[], n: number): string {
  let out = '';
  for (let i = 0; i < n; i++) out += alphabet[Math.floor(rand() * alphabet.length)];
  return out;
}

// Tags, stray and tangled brackets, entities whole and in parts, line ends of every kind, white
// space, control characters, surrogates alone and paired, sounds: all the clean-ups have to do.
const HTML = ['<div>', '</div>', '<b>', '</b>', '<br>', '<br/>', '<li class="x y">', '</li>', '<p >', '<', '>', '&', '&amp;', '&amp', '&#', '&#1', '3;', '&lt;', 'amp;', '&#x1F600;', '&nGt;', '\r', '\n', '\r\n', '\t', ' ', '  ', '\u00a0', '\u3000', '\u0001', 'word', 'é', '—', '😀', '\ud83d', '\ude00', '[sound:a b.mp3]', '[sound:', ']', '&#13;'];

describe('an Anki field cleaned a piece at a time', () => {
  it('gives the text and size of the whole field cleaned at once, for any field and piece size', () => {
    const rand = prng(33);
    for (let i = 0; i < 4000; i++) {
      const field = randomOf(rand, HTML, Math.floor(rand() * 60));
      const html = rand() < 0.8;
      const whole = toText(field, html);
      const pieceChars = 1 + Math.floor(rand() * 12);
      expect([field, html, pieceChars, measuredText(field, html, pieceChars)]).toEqual([field, html, pieceChars, { bytes: Buffer.byteLength(whole), text: whole }]);
    }
  });

  it('counts a field over the limit exactly, and keeps no text of it', () => {
    const field = '<div>word &amp; <b>more</b></div>'.repeat(20_000);
    const whole = toText(field, true);
    expect(Buffer.byteLength(whole)).toBeGreaterThan(MAX_CARD_TEXT_BYTES);
    expect(measuredText(field, true)).toEqual({ bytes: Buffer.byteLength(whole) });
  });

  it('refuses a note whose back of HTML cleans to over the limit, at its size, and imports one that cleans to under it', () => {
    const back = (n: number) => '<div>word &amp; <b>more</b></div>'.repeat(n);
    let err: unknown;
    try {
      importAnki(`Short?\tShort.\nQ one\t${back(6000)}\n`);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(TooLongError);
    expect([(err as TooLongError).line, (err as TooLongError).column, (err as TooLongError).message]).toEqual([2, 7, "the note's back is 77 KB of text, over the 64 KB a card's text may hold"]);
    const fits = importAnki(`Q one\t${back(5000)}\n`).deck.questions;
    expect(fits.map((q) => q.answer.length)).toEqual([toText(back(5000), true).length]);
  });
});

describe('counting lines given in pieces', () => {
  it('counts what linedBytes counts of the pieces joined, wherever they are cut', () => {
    const rand = prng(5);
    const alphabet = ['a', 'é', '😀', '\ud83d', '\ude00', ' ', '\u00a0', '\n', '\t', '\u3000', '\r'];
    for (let i = 0; i < 4000; i++) {
      const text = randomOf(rand, alphabet, Math.floor(rand() * 40));
      const count = new LinedCount();
      for (let at = 0; at < text.length; ) {
        const next = at + 1 + Math.floor(rand() * 5);
        count.add(text.slice(at, next));
        at = next;
      }
      expect([text, count.bytes()]).toEqual([text, linedBytes(text)]);
    }
  });
});

// Emphasis, strong, strike-through, code, links, inline HTML, escapes, entities, breaks, and
// the number prefixes and bold leads a question is read from.
// No blank line: each text is one long paragraph.
const MARKDOWN = ['*', '**', '_', '__', '~~', '`', 'word', ' ', 'x  \ny', 'x\ny', '[a](b)', '[x]', '<b>', '</b>', '<br>', '\\*', '&amp;', '&', 'Q2:', ' **Lead?** ', '![i](j)', 'é', '(', ')', 'https://x.y'];

/** The paragraphs (a list item's text too) of a text's tokens, each with its inline tokens. */
function paragraphs(tokens: Token[]): { tokens: Token[] }[] {
  return tokens.flatMap((t) => {
    if (t.type === 'list') return (t as Tokens.List).items.flatMap((item) => paragraphs(item.tokens));
    return t.type === 'paragraph' || t.type === 'text' ? [t as Tokens.Paragraph] : [];
  });
}

describe('a long Markdown text folded as it is lexed', () => {
  it('reads as the same text, bold lead and text after it as marked tokens read', () => {
    const rand = prng(12);
    for (let i = 0; i < 24; i++) {
      // Over the 16 K characters past which a text is folded; some open with a question's lead.
      const start = ['', '**1. Why?**\n', '1. **Why?** ', 'Q2: **Why?**\n', '**Why?** ', '*a* '][i % 6];
      const text = `${start}${randomOf(rand, MARKDOWN, 9000)}`;
      const folded = paragraphs(lex(text));
      const plain = paragraphs(Lexer.lex(text));
      expect(folded.length).toBe(plain.length);
      expect(folded.some((p) => p.tokens.some((t) => t.type === 'folded'))).toBe(true);
      folded.forEach((p, n) => {
        const q = plain[n] as Tokens.Paragraph;
        expect(p.tokens.length).toBeLessThanOrEqual(q.tokens.length);
        const a = inlineText(p.tokens);
        const b = inlineText(q.tokens);
        expect([i, a === b]).toEqual([i, true]);
        expect([i, splitLead(p.tokens, a)]).toEqual([i, splitLead(q.tokens, b)]);
      });
    }
  });

  it('keeps few tokens of a paragraph with an emphasis every few characters', () => {
    const text = '**1. Q?**\n' + '*word* **more** '.repeat(4000);
    const [para] = paragraphs(lex(text));
    expect(para?.tokens.map((t) => t.type)).toEqual(['strong', 'folded']);
    expect(splitLead(para?.tokens ?? [], inlineText(para?.tokens)).lead).toBe('1. Q?');
  });

  it('refuses an answer of emphasis over the limit at the size of its words', () => {
    let err: unknown;
    try {
      importMarkdown(`# T\n\n## Likely Questions\n\n**1. Q?**\n\n${'*word* **more** '.repeat(8000)}\n`);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(TooLongError);
    // "word more " 8000 times, the last space trimmed: 80,000 - 1 bytes.
    expect([(err as TooLongError).line, (err as TooLongError).message]).toEqual([5, "the answer to the question is 79 KB of text, over the 64 KB a card's text may hold"]);
  });
});
