import { describe, expect, it } from 'vitest';
import { diffRedraw } from '../../src/ui/line-diff-output.js';

const erase = (n: number) => '\x1b[2K\x1b[1A'.repeat(n - 1) + '\x1b[2K\x1b[G';

describe('diffRedraw', () => {
  it('rewrites only the changed line of an Ink redraw, stepping over the others', () => {
    const before = ['header', 'clock 1', 'keys', ''];
    const d = diffRedraw(before, erase(4) + 'header\nclock 2\nkeys\n')!;
    expect(d.out).toBe('\x1b[3A\n\rclock 2\x1b[K\n\n\r\x1b[K');
    expect(d.out).not.toContain('header');
    expect(d.lines).toEqual(['header', 'clock 2', 'keys', '']);
  });

  it('clears what a shorter frame leaves below', () => {
    const d = diffRedraw(['a', 'b', 'c', ''], erase(4) + 'a\n')!;
    expect(d.out).toBe('\x1b[3A\n\r\x1b[K\r\x1b[J');
  });

  it('passes on what is not such a redraw: the first frame, a count it does not know, a cursor move', () => {
    expect(diffRedraw(null, erase(2) + 'x\n')).toBeNull();
    expect(diffRedraw(['a', ''], erase(3) + 'a\nb\n')).toBeNull();
    expect(diffRedraw(['a', ''], erase(2) + 'a\x1b[2J\n')).toBeNull();
  });
});
