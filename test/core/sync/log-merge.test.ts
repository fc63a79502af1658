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

  it('keeps records of the same time in the order the log had them', () => {
    const same = (id: string) => rec(id, 9);
    expect(normalizeLog([same('z'), same('y'), rec('a', 8), same('x')].join('\n'))).toBe(
      `${rec('a', 8)}\n${same('z')}\n${same('y')}\n${same('x')}\n`,
    );
  });

  it('drops blank and whitespace-only lines, and keeps an indented record as it is, sorted with the rest', () => {
    expect(normalizeLog(`${rec('b', 10)}\n\n   \n ${rec('a', 9)}\n`)).toBe(` ${rec('a', 9)}\n${rec('b', 10)}\n`);
  });

  it('keeps every line it cannot read, even two alike, and then sorts nothing', () => {
    const text = `${rec('b', 10)}\n${rec('a', 9)}\n{"oops"\n{"oops"\n`;
    expect(normalizeLog(text)).toBe(text);
  });

  it('sorts nothing when a record has no time it can read, nor one whose id or time is not a string', () => {
    const noTime = JSON.stringify({ v: 1, type: 'grade', id: 'x', deck: 'coder', card: 'q1', grade: 3, at: 'soon' });
    const numberTime = JSON.stringify({ v: 1, type: 'grade', id: 'y', deck: 'coder', card: 'q1', grade: 3, at: 5 });
    for (const odd of [noTime, numberTime]) {
      const text = `${rec('b', 10)}\n${rec('a', 9)}\n${odd}\n`;
      expect(normalizeLog(text)).toBe(text);
    }
    // An id that is not a string is not an id: both lines stay.
    const numberId = JSON.stringify({ v: 1, type: 'grade', id: 7, deck: 'coder', card: 'q1', grade: 3, at: new Date(Date.UTC(2026, 0, 1, 8)).toISOString() });
    expect(normalizeLog(`${rec('a', 9)}\n${numberId}\n${numberId}\n`)).toBe(`${rec('a', 9)}\n${numberId}\n${numberId}\n`);
  });

  it('splits a record off the damaged text glued in front of it, keeping that text on its own line', () => {
    expect(normalizeLog(`garbage${rec('a', 9)}\n`)).toBe(`garbage\n${rec('a', 9)}\n`);
    // A torn start of a record, with the next record written straight after it.
    expect(normalizeLog(`{"v":${rec('a', 9)}\n`)).toBe(`{"v":\n${rec('a', 9)}\n`);
  });

  it('leaves a damaged line alone when no record can be split off it', () => {
    const text = `${rec('a', 9)}\ngarbage{"v":1,"id":\n`;
    expect(normalizeLog(text)).toBe(text);
  });

  it('counts only grade records that have an id', () => {
    const noId = JSON.stringify({ v: 1, type: 'grade', deck: 'coder', card: 'q1', grade: 3, at: new Date(Date.UTC(2026, 0, 1, 8)).toISOString() });
    expect([...reviewIds([rec('a', 9), noId, 'not json', `${rec('b', 10)}${rec('c', 11)}`].join('\n'))]).toEqual(['a', 'b', 'c']);
  });

  it('says how many reviews came in and went out, in words that agree with the number', () => {
    const mine = reviewIds([rec('a', 9), rec('b', 10), rec('c', 11)].join('\n'));
    const theirs = reviewIds(rec('b', 10));
    expect(deckLine('coder', missingFrom(mine, theirs), missingFrom(theirs, mine))).toBe('coder: 2 reviews pulled, 0 pushed');
    expect(deckLine('acme', 0, undefined)).toBe('acme: 0 reviews pulled');
    expect(deckLine('acme', 1, undefined)).toBe('acme: 1 review pulled');
  });
});
