import { describe, expect, it } from 'vitest';
import wrapAnsi from 'wrap-ansi';
import { wrapProse } from '../../src/ui/wrap-prose.js';

const words = (s: string) => s.split(/\s+/).filter(Boolean);

describe('wrapProse', () => {
  it('a line that breaks exactly at the width does not start the next one with a space (Ink’s wrap does)', () => {
    // "aaaaa bbbbbb" is exactly 12 columns: the break falls right after it.
    const text = 'aaaaa bbbbbb ccccc dddddd eeee';
    expect(wrapAnsi(text, 12, { hard: true, trim: false }).split('\n')[1]).toMatch(/^ /); // what Ink shows
    expect(wrapProse(text, 12).split('\n')).toEqual(['aaaaa bbbbbb', 'ccccc dddddd', 'eeee']);
  });

  it('keeps every word in order, every row within the width, and no row starting with a space', () => {
    const text = 'I build infrastructure that lets autonomous coding agents run safely. My main project is a hardened VM sandbox with per-tool network rules.';
    for (const width of [20, 33, 40, 57, 80]) {
      const rows = wrapProse(text, width).split('\n');
      expect(words(rows.join(' '))).toEqual(words(text));
      for (const row of rows) {
        expect(row.length).toBeLessThanOrEqual(width);
        expect(row).not.toMatch(/^\s/);
      }
    }
  });

  it('keeps a line’s indent and list marker, and hangs its continuation lines under the text', () => {
    const text = '  • Breadth: agent runtime, OTel tracing, MCP server, 7 framework adapters\n1. first step of a numbered list that runs long';
    expect(wrapProse(text, 41).split('\n')).toEqual([
      '  • Breadth: agent runtime, OTel tracing,',
      '    MCP server, 7 framework adapters',
      '1. first step of a numbered list that',
      '   runs long',
    ]);
  });

  it('returns text that fits as it is: blank lines, indentation and all', () => {
    const text = 'Short.\n\n    indented code\n- a list item';
    expect(wrapProse(text, 40)).toBe(text);
  });
});
