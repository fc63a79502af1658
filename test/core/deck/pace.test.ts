import { describe, expect, it } from 'vitest';
import { countWords, describePace, estimatePace, PACE_WPM } from '../../../src/core/deck/pace.js';

const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');

describe('pace check', () => {
  it('counts spoken words, not dashes or bullets', () => {
    expect(countWords('I build — and ship -  things.\n  Fast, 24/7 •')).toBe(7);
    expect(countWords('   ')).toBe(0);
  });

  it('estimates the time at 150 words a minute', () => {
    expect(PACE_WPM).toBe(150);
    expect(estimatePace(words(75), 30)).toMatchObject({ words: 75, seconds: 30, overWords: 0 });
    expect(estimatePace(words(150), 90).seconds).toBe(60);
  });

  it('warns with the overrun in seconds and words when the script cannot fit the target', () => {
    const p = estimatePace(words(103), 30);
    expect(p.overWords).toBe(28);
    expect(describePace(p)).toBe('103 words · reads in about 41 s at 150 wpm: about 28 words over');
  });

  it('says so when the script fits, up to exactly the target', () => {
    expect(describePace(estimatePace(words(60), 30))).toBe('60 words · reads in about 24 s at 150 wpm: fits the 30 s target');
    expect(describePace(estimatePace(words(75), 30))).toContain('fits the 30 s target');
  });

  it('one word over is over, and the seconds then show the tenth that proves it', () => {
    expect(describePace(estimatePace(words(76), 30))).toBe('76 words · reads in about 30.4 s at 150 wpm: about 1 word over');
    // 45 s allows 112.5 words: 113 is half a word over, which still counts as one.
    expect(estimatePace(words(113), 45).overWords).toBe(1);
    expect(estimatePace(words(112), 45).overWords).toBe(0);
  });
});
