import { describe, expect, it } from 'vitest';
import { formatClock, formatDiff, formatSeconds, pitchTargetSeconds, secondsLeft, timerZone, verdict, zoneWords } from '../../../src/core/pitch/timing.js';

describe('pitch timing', () => {
  it('shows the clock as mm:ss.t, never a tenth early', () => {
    expect(formatClock(0)).toBe('00:00.0');
    expect(formatClock(99)).toBe('00:00.0');
    expect(formatClock(26_000)).toBe('00:26.0');
    expect(formatClock(65_399)).toBe('01:05.3');
    expect(formatSeconds(33_480)).toBe('33.4 s');
  });

  it('writes the difference to the target with its sign', () => {
    expect(formatDiff(33_400, 30)).toBe('+3.4 s');
    expect(formatDiff(23_900, 30)).toBe('-6.1 s');
    expect(formatDiff(30_050, 30)).toBe('±0.0 s');
    expect(formatDiff(95_000, 30)).toBe('+65.0 s');
  });

  it('is on target within 3 s either way, inclusive, as the difference is shown', () => {
    expect(verdict(30_000, 30)).toBe('on target');
    expect(verdict(27_000, 30)).toBe('on target');
    expect(verdict(26_999, 30)).toBe('short');
    expect(verdict(33_000, 30)).toBe('on target');
    // 33.09 s is shown as 33.0 s (+3.0 s): the verdict agrees with what is shown.
    expect(verdict(33_099, 30)).toBe('on target');
    expect(verdict(33_100, 30)).toBe('long');
    expect(verdict(60_000, 45)).toBe('long');
  });

  it('warns in the last 5 seconds before the target and is over after it', () => {
    expect(timerZone(0, 30)).toBe('pace');
    expect(timerZone(24_999, 30)).toBe('pace');
    expect(timerZone(25_000, 30)).toBe('warning');
    expect(timerZone(30_099, 30)).toBe('warning');
    expect(timerZone(30_100, 30)).toBe('over');
    expect(secondsLeft(25_000, 30)).toBe(5);
    expect(secondsLeft(26_000, 30)).toBe(4);
    expect(secondsLeft(29_950, 30)).toBe(1);
  });

  it('says the zone in words where colour cannot (NO_COLOR)', () => {
    expect(zoneWords(10_000, 30)).toBe('[on pace]');
    expect(zoneWords(26_000, 30)).toBe('[4 s left]');
    expect(zoneWords(30_099, 30)).toBe('[0 s left]');
    expect(zoneWords(30_100, 30)).toBe('[over]');
  });

  it('times a pitch card against its own seconds, else 30 s', () => {
    expect(pitchTargetSeconds({ seconds: 90 })).toBe(90);
    expect(pitchTargetSeconds({})).toBe(30);
  });
});
