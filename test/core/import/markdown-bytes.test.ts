import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { markdownParts } from '../../../src/core/import/markdown-blocks.js';

const FIXTURES = ['bullets.md', 'numbered.md'].map((f) => readFileSync(fileURLToPath(new URL(`../../fixtures/import/${f}`, import.meta.url)), 'utf8'));

// Import hands a sheet over as its UTF-8 bytes, decoded a chunk at a time when it is big: the
// parts must be those of the decoded text, line numbers included.
describe('markdownParts on UTF-8 bytes', () => {
  const sheet = [
    ...FIXTURES,
    '# Acme — Backend Engineer\r\n\r\n## Likely Questions\r\n\r\n**1. Why “us”? 🚀**\r\n\r\nBecause — naïvely — we care.\r\n',
    '```\n# not a heading\n\nstill code\n```\n\nAfter the fence.\n',
    '- a list\n\n  continued item\n\n- second\n\n> a quote\n\n**3. Why?**\n\nBecause.',
  ].join('\n\n');
  const bytes = Buffer.from(sheet, 'utf8');
  const whole = [...markdownParts(sheet, { wholeBelow: Infinity, chunkBytes: 1 })];

  it.each([1, 40, 200])('gives the parts of the text, in chunks of %i bytes', (chunkBytes) => {
    expect([...markdownParts(bytes, { wholeBelow: 0, chunkBytes })]).toEqual(whole);
  });

  it('lexes the text whole below the size in characters, where link definitions reach across headings', () => {
    const linked = Buffer.from('# “Title”\n\nSee [the doc][d].\n\n## Next\n\n[d]: https://example.com\n', 'utf8');
    const text = linked.toString('utf8');
    // Fewer characters than bytes: the size is counted as the text's, so this one is lexed whole.
    expect([...markdownParts(linked, { wholeBelow: text.length + 1, chunkBytes: 1 })]).toEqual([...markdownParts(text, { wholeBelow: Infinity, chunkBytes: 1 })]);
    expect(whole.length).toBeGreaterThan(10);
  });
});
