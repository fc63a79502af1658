import { describe, expect, it } from 'vitest';
import { pitchRecord } from '../../../src/core/pitch/attempt-record.js';
import { deletionRecord, findAttempt } from '../../../src/core/pitch/delete-attempt.js';
import { pitchAttempts } from '../../../src/core/pitch/history.js';
import { isShortAttempt } from '../../../src/core/pitch/short-attempt.js';
import type { PitchRecord } from '../../../src/core/store/log-records.js';

const startedAt = Date.UTC(2026, 10, 1, 10, 0);

const stored = (id: string, ms = 30_000, deck = 'coder'): PitchRecord => ({
  v: 1,
  type: 'pitch',
  id,
  deck,
  ms,
  beats: [],
  beatsTotal: 3,
  at: new Date(startedAt).toISOString(),
});

describe('an attempt as the review log keeps it', () => {
  it('keeps the beats hit once each, in order, and drops beats the pitch does not have', () => {
    const r = pitchRecord({ deck: 'coder', startedAt, ms: 31_234.6, hit: [4, 0, 2, 2, -1, 5, 1.5, 3], beatsTotal: 5 });
    expect(r).toMatchObject({ v: 1, type: 'pitch', deck: 'coder', ms: 31_235, beats: [0, 2, 3, 4], beatsTotal: 5, at: '2026-11-01T10:00:00.000Z' });
  });

  it('sorts the beats as numbers (beat 10 after beat 9), and never stores a negative time', () => {
    const r = pitchRecord({ deck: 'coder', startedAt, ms: -40, hit: [10, 9, 1], beatsTotal: 12 });
    expect(r.beats).toEqual([1, 9, 10]);
    expect(r.ms).toBe(0);
  });

  it('gives every attempt its own id', () => {
    const a = { deck: 'coder', startedAt, ms: 1000, hit: [], beatsTotal: 1 };
    expect(pitchRecord(a).id).not.toBe(pitchRecord(a).id);
  });
});

describe('naming an attempt to delete', () => {
  const attempts = [stored('a1b2c3d4e5f6'), stored('a1b2ffff0000'), stored('9f8e7d6c5b4a')];

  it('finds the exact id, or a unique prefix of four or more characters, typed in any case with spaces', () => {
    expect(findAttempt(attempts, 'a1b2c3d4e5f6')).toBe(attempts[0]);
    expect(findAttempt(attempts, '  A1B2C  ')).toBe(attempts[0]);
    expect(findAttempt(attempts, '9f8e')).toBe(attempts[2]);
  });

  it('says why when the id is ambiguous, too short, or matches nothing', () => {
    expect(findAttempt(attempts, 'a1b2')).toBe('"a1b2" starts 2 attempt ids; give more of it');
    expect(findAttempt(attempts, '9f8')).toBe('no pitch attempt has the id "9f8"');
    expect(findAttempt(attempts, 'e5f6')).toBe('no pitch attempt has the id "e5f6"');
    expect(findAttempt([], 'a1b2c3d4e5f6')).toBe('no pitch attempt has the id "a1b2c3d4e5f6"');
  });

  it('an exact id wins even when it is also the start of a longer one', () => {
    const both = [stored('abcd'), stored('abcdef')];
    expect(findAttempt(both, 'abcd')).toBe(both[0]);
  });

  it('the deletion is an undo of that attempt, after which the history leaves it out', () => {
    const now = Date.UTC(2026, 10, 2, 8, 30);
    const undo = deletionRecord(attempts[1]!, now);
    expect(undo).toMatchObject({ v: 1, type: 'undo', deck: 'coder', target: 'a1b2ffff0000', at: '2026-11-02T08:30:00.000Z' });
    expect(undo.id).not.toBe('a1b2ffff0000');
    expect(pitchAttempts([...attempts, undo], 'coder').map((a) => a.id)).toEqual(['a1b2c3d4e5f6', '9f8e7d6c5b4a']);
  });
});

describe('an attempt too short to be a real try', () => {
  it('is under 3 s, or under a tenth of the target', () => {
    expect(isShortAttempt(2_999, 30)).toBe(true);
    expect(isShortAttempt(3_000, 30)).toBe(false);
    // A 2-minute pitch: 11.9 s is a false start, 12 s is a try.
    expect(isShortAttempt(11_999, 120)).toBe(true);
    expect(isShortAttempt(12_000, 120)).toBe(false);
    // A 10-second line: 2 s is still a false start.
    expect(isShortAttempt(2_000, 10)).toBe(true);
  });
});
