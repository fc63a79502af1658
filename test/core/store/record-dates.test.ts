import { describe, expect, it } from 'vitest';
import { parseRecordLine } from '../../../src/core/store/log-records.js';

const NOW = Date.parse('2026-06-01T12:00:00.000Z');
const line = (at: string) => JSON.stringify({ v: 1, type: 'grade', id: 'a1', deck: 'd', card: 'c', grade: 3, at });

describe('record dates', () => {
  it.each([
    ['1', 'a bare number (Date.parse reads it as 2001)'],
    ['+275760-09-13T00:00:00.000Z', 'the last date JavaScript can hold'],
    ['2026-05-01', 'a date without a time'],
    ['2026-05-01T10', 'an hour without minutes'],
    [' 2026-05-01T10:00:00Z', 'text before the time'],
    ['2026-05-01T10:00:00Z ', 'text after the time'],
    ['2026-05-01T10:00:00.1234567891Z', 'more than nine digits of a second'],
    ['2026-05-01T10:00:00', 'no zone (a time in which zone?)'],
    ['2026-05-01T10:00:00+0200', 'an offset without its colon'],
    ['26-05-01T10:00:00Z', 'a two-digit year'],
    ['2026-5-01T10:00:00Z', 'a one-digit month'],
    ['2026-05-01T10:00:0Z', 'a one-digit second'],
    ['May 1, 2026 10:00', 'not ISO'],
  ])('skips at: %s (%s), as malformed', (at) => {
    expect(parseRecordLine(line(at), NOW)).toEqual({ ok: false, reason: 'malformed grade record (at: invalid value)', garbage: false });
  });

  it.each([
    ['1999-12-31T23:59:59.000Z', 'before 2000', {}],
    // Ahead: a reader must not take it as skipped for good (it counts once its time comes).
    ['2026-06-02T12:00:01.000Z', 'more than a day after now', { ahead: true }],
  ])('skips at: %s (%s), saying the clock was probably wrong', (at, _, ahead) => {
    expect(parseRecordLine(line(at), NOW)).toEqual({
      ok: false,
      reason: `grade record dated "${at}", outside 2000 to tomorrow (a clock set wrong?)`,
      garbage: false,
      ...ahead,
    });
  });

  it.each([
    '2026-06-01T11:59:00.000Z',
    '2026-06-02T11:00:00.000Z',
    '2026-06-02T12:00:00.000Z',
    '2000-01-01T00:00:00Z',
    '2026-05-01T10:00:00+02:00',
    '2026-05-01T10:00-05:00',
    '2026-05-01T10:00Z',
    '2026-05-01T10:00:00.5Z',
    '2026-05-01T10:00:00.123456789Z',
  ])('reads at: %s', (at) => {
    expect(parseRecordLine(line(at), NOW).ok).toBe(true);
  });
});
