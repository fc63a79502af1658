import { describe, expect, it } from 'vitest';
import { lastPractised } from '../../../src/core/stats/log-view.js';
import { mockRecords, summarizeMock } from '../../../src/core/stats/mocks.js';
import type { GradeRecord, LogRecord, MockItemRecord, MockRecord, PitchRecord, UndoRecord } from '../../../src/core/store/log-records.js';

const at = (h: number) => new Date(Date.UTC(2026, 10, 1, h)).toISOString();
const grade = (id: string, h: number, deck = 'coder'): GradeRecord => ({ v: 1, type: 'grade', id, deck, card: 'q1', grade: 3, at: at(h) });
const pitch = (id: string, h: number, deck = 'coder'): PitchRecord => ({ v: 1, type: 'pitch', id, deck, ms: 30_000, beats: [], beatsTotal: 3, at: at(h) });
const undo = (target: string, h: number): UndoRecord => ({ v: 1, type: 'undo', id: `u-${target}`, deck: 'coder', target, at: at(h) });
const item = (over: Partial<MockItemRecord>): MockItemRecord => ({ card: 'q', kind: 'question', ms: 20_000, target: null, skipped: false, grade: null, ...over });
const mock = (id: string, items: MockItemRecord[], deck = 'coder'): MockRecord => ({ v: 1, type: 'mock', id, deck, at: at(9), ms: 600_000, items, scheduled: true });

describe('when a deck was last practised', () => {
  it('is the latest grade or pitch run, in whatever order the log has them', () => {
    expect(lastPractised([grade('a', 9), pitch('p', 12), grade('b', 10)])).toEqual(new Date(at(12)));
    expect(lastPractised([grade('b', 11), grade('a', 9)])).toEqual(new Date(at(11)));
    expect(lastPractised([pitch('p', 8)])).toEqual(new Date(at(8)));
  });

  it('leaves out an undone grade and a deleted pitch run, and is null for a deck never practised', () => {
    expect(lastPractised([grade('a', 9), pitch('p', 12), undo('p', 13), grade('b', 11), undo('b', 11)])).toEqual(new Date(at(9)));
    expect(lastPractised([pitch('p', 12), undo('p', 13)])).toBeNull();
    expect(lastPractised([])).toBeNull();
    // A rehearsal alone is not practice of the schedule: its grades are logged as grades.
    expect(lastPractised([mock('m', [])])).toBeNull();
  });
});

describe('a rehearsal in the stats', () => {
  it('takes the rehearsals of the deck only, oldest first', () => {
    const a = mock('m1', []);
    const b = mock('m2', []);
    const records: LogRecord[] = [grade('g', 8), a, mock('x', [], 'other'), b];
    expect(mockRecords(records, 'coder')).toEqual([a, b]);
  });

  it('counts answered, skipped and over-time answers and the mean grade of the scorecard', () => {
    const r = mock('m1', [
      item({ kind: 'pitch', ms: 33_100, target: 30, grade: 2 }), // 33.1 s of a 30 s target: over
      item({ ms: 45_099, target: 45, grade: 4 }), // shown as 45.0 s: not over
      item({ ms: 12_000, grade: 3 }), // no target
      item({ ms: null, skipped: true }),
      item({ kind: 'ask', ms: 50_000, target: 40, skipped: true, grade: 1 }), // skipped after it ran: not answered
    ]);
    expect(summarizeMock(r)).toEqual({
      id: 'm1',
      at: new Date(at(9)),
      ms: 600_000,
      cards: 5,
      answered: 3,
      skipped: 2,
      overTime: 1,
      timed: 2,
      meanGrade: 2.5,
      scheduled: true,
    });
  });

  it('has no mean grade when none was given, and says when it stayed out of the schedule', () => {
    const r = { ...mock('m2', [item({ ms: 10_000, target: 5 })]), scheduled: false };
    expect(summarizeMock(r)).toMatchObject({ answered: 1, overTime: 1, timed: 1, meanGrade: null, scheduled: false });
  });
});
