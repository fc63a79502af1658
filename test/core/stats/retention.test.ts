import { describe, expect, it } from 'vitest';
import { reviewSummary } from '../../../src/core/stats/retention.js';
import { grade, pitch, undo } from '../../helpers/fixture-log.js';

const NOW = new Date('2026-11-26T10:00');

describe('true retention over 30 days', () => {
  it('is the share of reviews of seen cards not graded Again; first grades do not count', () => {
    const records = [
      grade('q1', 1, '2026-11-10T10:00'), // first sight of q1: not a test of memory
      grade('q1', 3, '2026-11-11T10:00'), // recalled
      grade('q1', 1, '2026-11-15T10:00'), // forgotten
      grade('q2', 4, '2026-11-12T10:00'), // first sight
      grade('q2', 2, '2026-11-20T10:00'), // Hard still counts as recalled
      grade('q2', 3, '2026-11-25T10:00'), // recalled
    ];
    const s = reviewSummary(records, NOW);
    expect(s).toEqual({ total: 6, lastWindow: 6, retention: 3 / 4, retentionOf: 4 });
  });

  it('counts only the last 30 days, but remembers cards seen before them', () => {
    const records = [
      grade('q1', 3, '2026-09-01T10:00'), // long ago: counts in the total only
      grade('q1', 1, '2026-10-26T10:00'), // over 30 days before NOW
      grade('q1', 1, '2026-10-27T10:01'), // just inside: a forgotten seen card
      grade('q1', 3, '2026-11-26T09:00'),
    ];
    const s = reviewSummary(records, NOW);
    expect(s.total).toBe(4);
    expect(s.lastWindow).toBe(2);
    expect(s.retention).toBe(0.5);
  });

  it('the 30 days end now: a grade exactly 30 days ago or dated after now (a clock ahead) is outside', () => {
    const records = [
      grade('q1', 3, '2026-10-27T10:00'), // exactly 30 days before NOW
      grade('q1', 3, '2026-11-26T10:00'), // NOW itself: inside
      grade('q1', 1, '2026-11-27T10:00'), // tomorrow
    ];
    expect(reviewSummary(records, NOW)).toEqual({ total: 3, lastWindow: 1, retention: 1, retentionOf: 1 });
  });

  it('counts only the first answer of a study day, as Anki does: repeats seconds apart are not memory', () => {
    const records = [
      grade('q1', 3, '2026-11-24T10:00'), // first sight
      grade('q1', 1, '2026-11-25T10:00'), // the day's first answer: forgotten, counted
      grade('q1', 3, '2026-11-25T10:01'), // same session: not counted
      grade('q1', 4, '2026-11-25T10:02'),
    ];
    expect(reviewSummary(records, NOW)).toEqual({ total: 4, lastWindow: 4, retention: 0, retentionOf: 1 });
  });

  it('leaves out cards first graded that study day: learning steps are not reviews', () => {
    const records = [grade('q1', 1, '2026-11-25T10:00'), grade('q1', 3, '2026-11-25T10:01'), grade('q1', 3, '2026-11-25T10:11')];
    expect(reviewSummary(records, NOW)).toEqual({ total: 3, lastWindow: 3, retention: null, retentionOf: 0 });
  });

  it('leaves out undone grades and pitch runs', () => {
    const wrong = grade('q1', 1, '2026-11-20T10:00');
    const records = [grade('q1', 3, '2026-11-19T10:00'), wrong, undo(wrong, '2026-11-20T10:01'), grade('q1', 3, '2026-11-20T10:02'), pitch(30_000, '2026-11-21T10:00')];
    expect(reviewSummary(records, NOW)).toEqual({ total: 2, lastWindow: 2, retention: 1, retentionOf: 1 });
  });

  it('is null with no review of a seen card', () => {
    const s = reviewSummary([grade('q1', 3, '2026-11-20T10:00'), grade('q2', 1, '2026-11-21T10:00')], NOW);
    expect(s.retention).toBeNull();
    expect(s.lastWindow).toBe(2);
    expect(reviewSummary([], NOW)).toEqual({ total: 0, lastWindow: 0, retention: null, retentionOf: 0 });
  });
});
