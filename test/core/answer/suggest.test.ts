import { describe, expect, it } from 'vitest';
import { isQuick, QUICK_MS_WITHOUT_TARGET, QUICK_SHARE, suggestGrade } from '../../../src/core/answer/suggest.js';
import { addGrade, NO_GRADES } from '../../../src/core/schedule/progress.js';
import type { GradeRecord } from '../../../src/core/store/log-records.js';

const lastTyped = (grades: GradeRecord[]) => grades.reduce(addGrade, NO_GRADES).typed;

const SLOW = 10 * 60_000;

describe('suggestGrade', () => {
  it('every point covered is Good; Easy only when also quick', () => {
    expect(suggestGrade({ covered: 4, total: 4 }, SLOW, 90)).toBe(3);
    expect(suggestGrade({ covered: 4, total: 4 }, 40_000, 90)).toBe(4);
  });

  it('at least half is Hard, less is Again, however quick', () => {
    expect(suggestGrade({ covered: 2, total: 4 }, 1000, 90)).toBe(2);
    expect(suggestGrade({ covered: 3, total: 4 }, 1000, 90)).toBe(2);
    expect(suggestGrade({ covered: 1, total: 4 }, 1000, 90)).toBe(1);
    expect(suggestGrade({ covered: 0, total: 1 }, 1000, 90)).toBe(1);
  });

  it('counts partly covered points by their share of words said', () => {
    // 1 point covered of 4, and two more with half their words: 1 + 0.5 + 0.5 = 2 of 4.
    expect(suggestGrade({ covered: 1, total: 4, score: 2 }, 1000, 90)).toBe(2);
    expect(suggestGrade({ covered: 1, total: 4, score: 1.5 }, 1000, 90)).toBe(1);
    expect(suggestGrade({ covered: 0, total: 2, score: 1 }, 1000, 90)).toBe(2);
  });

  it('suggests nothing for a card without key points', () => {
    expect(suggestGrade({ covered: 0, total: 0 }, 1000)).toBeNull();
  });
});

describe('quick', () => {
  it('is under half the target when the card has one', () => {
    expect(QUICK_SHARE).toBe(0.5);
    expect(isQuick(44_999, 90)).toBe(true);
    expect(isQuick(45_000, 90)).toBe(false);
  });

  it('is under a fixed time when the card has no target', () => {
    expect(QUICK_MS_WITHOUT_TARGET).toBe(30_000);
    expect(isQuick(29_999)).toBe(true);
    expect(isQuick(30_000)).toBe(false);
    // A target of 0 or less is no target.
    expect(isQuick(29_999, 0)).toBe(true);
    expect(isQuick(29_999, -5)).toBe(true);
  });
});

describe('the last typed answer in a grade summary', () => {
  const grade = (at: string, typed?: string): GradeRecord => ({ v: 1, type: 'grade', id: at, deck: 'd', card: 'c', grade: 3, at, ...(typed === undefined ? {} : { typed }) });

  it('is the newest grade that carries a typed answer', () => {
    const grades = [grade('2026-11-01T10:00:00Z', 'first try'), grade('2026-11-02T10:00:00Z', 'second try'), grade('2026-11-03T10:00:00Z')];
    expect(lastTyped(grades)).toEqual({ text: 'second try', at: '2026-11-02T10:00:00Z' });
  });

  it('is null when nothing was ever typed', () => {
    expect(lastTyped([grade('2026-11-01T10:00:00Z'), grade('2026-11-02T10:00:00Z', '  ')])).toBeNull();
  });
});
