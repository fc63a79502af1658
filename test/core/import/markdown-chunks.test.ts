import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { markdownParts } from '../../../src/core/import/markdown-blocks.js';

const FIXTURES = ['bullets.md', 'numbered.md'].map((f) => readFileSync(fileURLToPath(new URL(`../../fixtures/import/${f}`, import.meta.url)), 'utf8'));

// A big sheet is lexed in chunks to bound marked's memory; the parts must be the same as whole.
describe('markdownParts in chunks', () => {
  it.each([1, 40, 200])('gives the same parts as the whole text (chunks of %i bytes)', (chunkBytes) => {
    const sheet = [
      ...FIXTURES,
      '```\n# not a heading\n\nstill code\n```\n\nAfter the fence.\n',
      '- a list\n\n  continued item\n\n- second\n\n> a quote\n\n> another\n\n**3. Why?**\n\nBecause.\n',
    ].join('\n\n');
    const whole = [...markdownParts(sheet, { wholeBelow: Infinity, chunkBytes })];
    expect([...markdownParts(sheet, { wholeBelow: 0, chunkBytes })]).toEqual(whole);
  });
});
