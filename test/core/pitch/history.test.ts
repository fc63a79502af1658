import { describe, expect, it } from 'vitest';
import { median, pitchAttempts, pitchStats } from '../../../src/core/pitch/history.js';
import type { LogRecord, PitchRecord } from '../../../src/core/store/log-records.js';

let n = 0;
const attempt = (ms: number, beats: number[] = [], deck = 'coder'): PitchRecord => ({
  v: 1,
  type: 'pitch',
  id: `p${++n}`,
  deck,
  ms,
  beats,
  beatsTotal: 5,
  at: new Date(Date.UTC(2026, 10, 1, 10, n)).toISOString(),
});

describe('pitch history', () => {
  it('takes the pitch attempts of the deck from the log, in log order', () => {
    const a = attempt(31_000);
    const b = attempt(29_000);
    const records: LogRecord[] = [
      { v: 1, type: 'grade', id: 'g1', deck: 'coder', card: 'pitch', grade: 3, at: a.at },
      a,
      attempt(10_000, [], 'other'),
      b,
    ];
    expect(pitchAttempts(records, 'coder')).toEqual([a, b]);
  });

  it('has nothing to say without attempts', () => {
    expect(pitchStats([], 30)).toEqual({ count: 0, recent: [], best: null, medianRecentMs: null });
  });

  it('shows the last 10 attempts, oldest first', () => {
    const all = Array.from({ length: 12 }, (_, i) => attempt(20_000 + i * 1000));
    const stats = pitchStats(all, 30);
    expect(stats.count).toBe(12);
    expect(stats.recent.map((a) => a.ms)).toEqual(all.slice(2).map((a) => a.ms));
  });

  it('the best is the attempt closest to the target, short or long', () => {
    const all = [attempt(36_000), attempt(28_500), attempt(31_000), attempt(22_000)];
    expect(pitchStats(all, 30).best?.ms).toBe(31_000);
    // 29.0 s and 31.0 s are as close: more beats hit wins; then the later attempt.
    const tie = [attempt(29_000, [0, 1, 2]), attempt(31_000, [0])];
    expect(pitchStats(tie, 30).best?.ms).toBe(29_000);
    const sameBeats = [attempt(29_000, [0]), attempt(31_000, [1])];
    expect(pitchStats(sameBeats, 30).best?.ms).toBe(31_000);
  });

  it('the median is over the last 5 attempts only', () => {
    const all = [90_000, 80_000, 31_000, 29_000, 35_000, 27_000, 30_500].map((ms) => attempt(ms));
    // Last 5: 31.0, 29.0, 35.0, 27.0, 30.5 -> 30.5
    expect(pitchStats(all, 30).medianRecentMs).toBe(30_500);
    expect(pitchStats(all.slice(0, 2), 30).medianRecentMs).toBe(85_000);
  });

  it('median: middle value, or the mean of the middle two', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});
