import { Lexer } from 'marked';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importMarkdown } from '../../../src/core/import/markdown.js';
import { lex } from '../../../src/core/import/markdown-lexer.js';
import { linedBytes, linedText, oneLineBytes } from '../../../src/core/import/text-bytes.js';
import { MAX_CARD_TEXT_BYTES, TooLongError } from '../../../src/core/import/limits.js';

// An over-long card text is refused by its size, counted without the text being made: the count
// must be the bytes of the text the clean-ups would have made, for any text.

/** A small seeded generator, so a failure can be run again. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

// White space of every kind trim and \s know, line ends, multi-byte letters and lone surrogates.
const ALPHABET = ['a', 'é', '—', '😀', '\ud83d', '\ude00', ' ', ' ', '\u00a0', '\n', '\n', '\r', '\t', '\u2003', '\u3000', '\ufeff', '\u2028', '\u000b'];

function randomText(rand: () => number): string {
  const n = Math.floor(rand() * 40);
  let out = '';
  for (let i = 0; i < n; i++) out += ALPHABET[Math.floor(rand() * ALPHABET.length)];
  return out;
}

describe('counting a text without making it', () => {
  it('linedBytes is the UTF-8 size of linedText, for any text', () => {
    const rand = prng(21);
    for (let i = 0; i < 20_000; i++) {
      const t = randomText(rand);
      expect([t, linedBytes(t)]).toEqual([t, Buffer.byteLength(linedText(t))]);
    }
  });

  it('linedText gives each line its runs of spaces made one and trimmed, one empty line at most between lines, the whole trimmed', () => {
    // The rule written out line by line, one line or many.
    const byLines = (t: string): string =>
      t
        .split('\n')
        .map((l) => l.replace(/[ \u00a0]+/g, ' ').trim())
        .join('\n')
        .replace(/\n{3,}/g, '\n\n')
        .trim();
    const rand = prng(5);
    let oneLine = 0;
    for (let i = 0; i < 20_000; i++) {
      const t = randomText(rand);
      if (!t.includes('\n')) oneLine++;
      expect([t, linedText(t)]).toEqual([t, byLines(t)]);
    }
    expect(oneLine).toBeGreaterThan(1000);
    expect(linedText('\u2003 a \u00a0  b\u2003c\u3000 ')).toBe('a b\u2003c');
  });

  it('oneLineBytes is the UTF-8 size of the text with every run of white space made one space', () => {
    const rand = prng(8);
    for (let i = 0; i < 20_000; i++) {
      const t = randomText(rand);
      expect([t, oneLineBytes(t)]).toEqual([t, Buffer.byteLength(t.replace(/\s+/g, ' '))]);
    }
  });

  it('a Markdown answer with a block over the limit is refused at the size the whole answer has', () => {
    const intro = 'Short intro.';
    const code = 'const x = 1;';
    // The paragraph's words (a run of white space counts one space) and the blocks' empty lines
    // bring the answer to 66 KB and one byte: "67 KB", where one byte less would say "66 KB".
    const fill = 66 * 1024 + 1 - Buffer.byteLength([intro, '', code].join('\n\n'));
    const para = `${'word —  \n'.repeat(Math.floor(fill / 9))}${'x'.repeat(fill % 9)}`;
    expect(Buffer.byteLength([intro, para.replace(/\s+/g, ' '), code].join('\n\n'))).toBe(66 * 1024 + 1);
    const sheet = `# T\n\n## Likely Questions\n\n**1. Q?**\n\n${intro}\n\n${para}\n\n\`\`\`\n${code}\n\`\`\`\n`;
    let err: unknown;
    try {
      importMarkdown(sheet);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(TooLongError);
    expect([(err as TooLongError).line, (err as TooLongError).message]).toEqual([5, "the answer to the question is 67 KB of text, over the 64 KB a card's text may hold"]);
    expect(Buffer.byteLength(para)).toBeGreaterThan(MAX_CARD_TEXT_BYTES);
  });
});

describe('the Markdown lexer', () => {
  it('gives the tokens marked gives, setext headings and their near misses included', () => {
    const texts = [
      ...['bullets.md', 'numbered.md', 'unseen-streaming.md'].map((f) => fs.readFileSync(new URL(`../../fixtures/import/${f}`, import.meta.url), 'utf8')),
      'Title\n===\n\ntext',
      'Two\nlines\n---\nmore',
      'Para\n\n---\n',
      'Para\n  \n===',
      'Para\n \u00a0\n===',
      'a\n   ==  \nb',
      'a\n    ===\n',
      '- item\n---\n',
      '> quote\n===\n',
      'a\r\n===\r\n',
      'no underline at all, only words and - dashes = signs',
      'x\n=\n\ny\n-',
    ];
    for (const t of texts) expect([t, lex(t)]).toEqual([t, Lexer.lex(t)]);
  });
});
