import { describe, expect, it } from 'vitest';
import { tookLines } from '../../../src/core/import/deck-size.js';

// A big file's second read keeps its `took` lines packed as bytes; the report must read the same.
describe('packed took lines', () => {
  it('read back as the plain list would, the title put first, across buffers, whatever the text', () => {
    const plain = tookLines();
    const packed = tookLines('packed');
    const lines = Array.from({ length: 3000 }, (_, i) => `question (line ${i * 6 + 5}): Why “us” — ${'naïve 🚀 '.repeat(i % 7)}… — answer and ${i % 5} key points`);
    lines.push('x'.repeat(70_000), '', 'après');
    for (const list of [plain, packed]) {
      for (const line of lines.slice(0, 10)) list.push(line);
      list.unshift('title (line 1): Acme — Backend Engineer');
      for (const line of lines.slice(10)) list.push(line);
    }
    expect([...packed]).toEqual([...plain]);
    expect([...packed][0]).toBe('title (line 1): Acme — Backend Engineer');
    expect([...packed]).toHaveLength(lines.length + 1);
  });
});
