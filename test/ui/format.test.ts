import { describe, expect, it } from 'vitest';
import { clockTime, dayMonth, shortDate } from '../../src/ui/format.js';

describe('dates as the screens write them', () => {
  it('match what en-GB date formatting writes, for every day of two years and times all round the clock', () => {
    // Both years' daylight-saving changes are in the test's time zone (America/New_York).
    for (let i = 0; i < 731; i++) {
      const d = new Date(2026, 0, 1 + i, (i * 7) % 24, (i * 13) % 60);
      expect(shortDate(d)).toBe(d.toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric', month: 'short' }));
      expect(dayMonth(d)).toBe(d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short' }));
      expect(clockTime(d)).toBe(d.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' }));
    }
  });

  it('write midnight as 00:00 and a September date with its four letters', () => {
    expect(clockTime(new Date(2026, 8, 1, 0, 5))).toBe('00:05');
    expect(shortDate(new Date(2026, 8, 1))).toBe('Tue 1 Sept');
  });
});
