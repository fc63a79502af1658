import { describe, expect, it } from 'vitest';
import { parseRecordLine } from '../../../src/core/store/log-records.js';

const NOW = Date.parse('2026-06-01T12:00:00.000Z');
const line = (at: string) => JSON.stringify({ v: 1, type: 'grade', id: 'a1', deck: 'd', card: 'c', grade: 3, at });

describe('record dates', () => {
  it.each([
    ['1', 'a bare number (Date.parse reads it as 2001)'],
    ['2026-05-01', 'a date without a time'],
    ['+275760-09-13T00:00:00.000Z', 'the last date JavaScript can hold'],
    ['1999-12-31T23:59:59.000Z', 'before 2000'],
    ['2026-06-02T12:00:01.000Z', 'more than a day after now'],
    ['May 1, 2026 10:00', 'not ISO'],
  ])('skips at: %s (%s)', (at) => {
    const parsed = parseRecordLine(line(at), NOW);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.garbage).toBe(false);
  });

  it.each(['2026-06-01T11:59:00.000Z', '2026-06-02T11:00:00.000Z', '2000-01-01T00:00:00Z', '2026-05-01T10:00:00+02:00'])('reads at: %s', (at) => {
    expect(parseRecordLine(line(at), NOW).ok).toBe(true);
  });
});
