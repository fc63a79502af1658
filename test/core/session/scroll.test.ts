import { describe, expect, it } from 'vitest';
import { hiddenLines, initialScroll, scrollReducer, type ScrollAction, type ScrollState } from '../../../src/core/session/scroll.js';

const run = (s: ScrollState, ...actions: ScrollAction[]) => actions.reduce(scrollReducer, s);
const measured = (content: number, viewport: number) => run(initialScroll, { type: 'measured', content, viewport });

describe('scroll', () => {
  it('moves a line, a page (keeping a line of the last in view), to the end and back, and never past either end', () => {
    const s = measured(30, 10);
    expect(run(s, { type: 'line', by: 1 }).offset).toBe(1);
    expect(run(s, { type: 'line', by: -1 })).toBe(s);
    expect(run(s, { type: 'page', by: 1 }).offset).toBe(9);
    expect(run(s, { type: 'page', by: 1 }, { type: 'page', by: 1 }, { type: 'page', by: 1 }).offset).toBe(20);
    expect(run(s, { type: 'bottom' }).offset).toBe(20);
    expect(run(s, { type: 'bottom' }, { type: 'top' }).offset).toBe(0);
    expect(run(s, { type: 'to', offset: 99 }).offset).toBe(20);
  });

  it('says how many lines are hidden above and below', () => {
    const s = run(measured(30, 10), { type: 'line', by: 3 });
    expect(hiddenLines(s)).toEqual({ above: 3, below: 17 });
    expect(hiddenLines(measured(5, 10))).toEqual({ above: 0, below: 0 });
  });

  it('a taller window keeps the offset inside the content: no blank lines under the end', () => {
    const s = run(measured(30, 10), { type: 'bottom' }, { type: 'measured', content: 30, viewport: 25 });
    expect(s.offset).toBe(5);
    expect(hiddenLines(s)).toEqual({ above: 5, below: 0 });
  });

  it('content that fits does not scroll', () => {
    expect(run(measured(8, 10), { type: 'line', by: 1 }, { type: 'page', by: 1 }, { type: 'bottom' }).offset).toBe(0);
  });
});

describe('scroll at the edges of a small window', () => {
  it('a page of a one- or two-line window still moves one line', () => {
    expect(run(measured(10, 1), { type: 'page', by: 1 }).offset).toBe(1);
    expect(run(measured(10, 2), { type: 'page', by: 1 }).offset).toBe(1);
    expect(run(measured(10, 3), { type: 'page', by: 1 }).offset).toBe(2);
    expect(run(measured(10, 3), { type: 'bottom' }, { type: 'page', by: -1 }).offset).toBe(5);
  });

  it('a jump above the top lands on the top line; a half line rounds to the nearest', () => {
    expect(run(measured(30, 10), { type: 'line', by: 5 }, { type: 'to', offset: -4 }).offset).toBe(0);
    expect(run(measured(30, 10), { type: 'to', offset: 2.6 }).offset).toBe(3);
  });

  it('content that shrinks pulls the view up to its new end; content that grows keeps the place', () => {
    const s = run(measured(30, 10), { type: 'line', by: 15 });
    expect(run(s, { type: 'measured', content: 20, viewport: 10 }).offset).toBe(10);
    expect(run(s, { type: 'measured', content: 50, viewport: 10 }).offset).toBe(15);
    expect(hiddenLines(run(s, { type: 'measured', content: 50, viewport: 10 }))).toEqual({ above: 15, below: 25 });
  });
});
