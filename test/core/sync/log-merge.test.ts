import { describe, expect, it } from 'vitest';
import { deckLine, missingFrom, normalizeLog, reviewIds } from '../../../src/core/sync/log-merge.js';

const rec = (id: string, hour: number, type = 'grade') =>
  JSON.stringify({ v: 1, type, id, deck: 'coder', card: 'q1', grade: 3, at: new Date(Date.UTC(2026, 0, 1, hour)).toISOString() });

describe('a review log after a union merge', () => {
  it('keeps one line per record id, in time order, ending in a newline', () => {
    const merged = [rec('a', 9), rec('c', 11), rec('b', 10), rec('a', 9)].join('\n');
    expect(normalizeLog(merged)).toBe(`${rec('a', 9)}\n${rec('b', 10)}\n${rec('c', 11)}\n`);
  });

  it('splits records glued onto one line (a side that did not end in a newline)', () => {
    expect(normalizeLog(`${rec('a', 9)}${rec('b', 10)}\n`)).toBe(`${rec('a', 9)}\n${rec('b', 10)}\n`);
  });

  it('keeps lines it cannot read, in place, and then sorts nothing', () => {
    const text = `${rec('b', 10)}\nnot json\n${rec('a', 9)}\n${rec('b', 10)}\n`;
    expect(normalizeLog(text)).toBe(`${rec('b', 10)}\nnot json\n${rec('a', 9)}\n`);
  });

  it('counts reviews (grades) by id for the per-deck line', () => {
    const mine = reviewIds([rec('a', 9), rec('b', 10), rec('u', 11, 'undo')].join('\n'));
    const theirs = reviewIds([rec('b', 10), rec('c', 12)].join('\n'));
    expect([...mine]).toEqual(['a', 'b']);
    expect(deckLine('coder', missingFrom(theirs, mine), missingFrom(mine, theirs))).toBe('coder: 1 review pulled, 1 pushed');
  });
});
