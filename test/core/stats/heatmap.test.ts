import { describe, expect, it } from 'vitest';
import { heatLevel, reviewHeatmap } from '../../../src/core/stats/heatmap.js';
import { localDate } from '../../../src/core/schedule/day.js';
import { grade, pitch, undo } from '../../helpers/fixture-log.js';

// A Thursday.
const NOW = new Date('2026-11-26T10:00');

describe('review heatmap', () => {
  it('lays out 12 weeks, Monday to Sunday, ending with this week; days after today are empty', () => {
    const map = reviewHeatmap([], NOW);
    expect(map.weeks).toHaveLength(12);
    expect(map.weeks.every((w) => w.length === 7)).toBe(true);
    expect(localDate(map.weeks[0]![0]!.day)).toBe('2026-09-07');
    expect(map.weeks[0]![0]!.day.getDay()).toBe(1);
    const last = map.weeks[11]!;
    expect(last.map((d) => (d ? localDate(d.day) : null))).toEqual(['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', null, null, null]);
  });

  it('counts grades per study day; undone grades, pitch runs and older grades are left out', () => {
    const g = grade('q1', 3, '2026-11-24T10:00');
    const records = [
      g,
      undo(g, '2026-11-24T10:01'),
      grade('q1', 3, '2026-11-24T11:00'),
      grade('q2', 1, '2026-11-24T23:30'),
      grade('q2', 3, '2026-11-25T01:30'), // after midnight, before 04:00: still the 24th
      grade('q3', 4, '2026-11-26T09:00'),
      grade('q3', 4, '2026-09-06T12:00'), // a Sunday before the first week shown
      pitch(30_000, '2026-11-26T09:30'),
    ];
    const map = reviewHeatmap(records, NOW);
    const counts = new Map(map.weeks.flat().flatMap((d) => (d ? [[localDate(d.day), d.count]] : [])));
    expect(counts.get('2026-11-24')).toBe(3);
    expect(counts.get('2026-11-25')).toBe(0);
    expect(counts.get('2026-11-26')).toBe(1);
    expect([...counts.values()].reduce((a, b) => a + b, 0)).toBe(4);
    expect(map.max).toBe(3);
  });

  it('shades each day by quarters of the busiest day', () => {
    const records = [
      ...Array.from({ length: 8 }, (_, i) => grade(`a${i}`, 3, '2026-11-23T10:00')),
      ...Array.from({ length: 2 }, (_, i) => grade(`b${i}`, 3, '2026-11-24T10:00')),
      ...Array.from({ length: 5 }, (_, i) => grade(`c${i}`, 3, '2026-11-25T10:00')),
      grade('d', 3, '2026-11-26T10:00'),
    ];
    const map = reviewHeatmap(records, NOW);
    expect(map.weeks[11]!.slice(0, 4).map((d) => d!.level)).toEqual([4, 1, 3, 1]);
    expect(map.weeks[10]![0]!.level).toBe(0);
  });

  it('counts a grade from the very start of the first day shown', () => {
    const map = reviewHeatmap([grade('q1', 3, '2026-09-07T04:00'), grade('q1', 3, '2026-09-07T03:59')], NOW);
    expect(map.weeks[0]![0]!.count).toBe(1);
  });

  it('a grade dated after today (a synced machine whose clock ran ahead) does not dim the days shown', () => {
    const records = [grade('q1', 3, '2026-11-26T09:00'), ...Array.from({ length: 4 }, (_, i) => grade(`f${i}`, 3, '2026-11-28T10:00'))];
    const map = reviewHeatmap(records, NOW);
    expect(map.max).toBe(1);
    expect(map.weeks[11]![3]).toMatchObject({ count: 1, level: 4 });
  });

  it('levels: none is 0, anything is at least 1, the busiest day is 4', () => {
    expect(heatLevel(0, 10)).toBe(0);
    // A calendar with no grades at all: every day is blank, not a broken shade.
    expect(heatLevel(0, 0)).toBe(0);
    expect(heatLevel(1, 10)).toBe(1);
    expect(heatLevel(3, 10)).toBe(2);
    expect(heatLevel(6, 10)).toBe(3);
    expect(heatLevel(10, 10)).toBe(4);
  });
});
