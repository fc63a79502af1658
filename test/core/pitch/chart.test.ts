import { describe, expect, it } from 'vitest';
import { barChart } from '../../../src/core/pitch/chart.js';

const text = (row: { text: string }[]) => row.map((s) => s.text).join('');

describe('pitch history chart', () => {
  it('draws bars with eighth blocks and a dashed line through the target row', () => {
    const { rows, targetRow } = barChart([150, 300, 400], 300, { height: 4 });
    expect(rows.map(text)).toEqual([
      '      ██',
      '┄┄┄██┄██',
      '▄▄ ██ ██',
      '██ ██ ██',
    ]);
    expect(targetRow).toBe(1);
  });

  it('marks bars over the target apart from those within it', () => {
    const { rows } = barChart([300, 301], 300, { height: 4 });
    const bottom = rows[3]!;
    expect(bottom.map((s) => s.kind)).toEqual(['bar', 'empty', 'over']);
  });

  it('keeps the target in place unless a bar is taller, then scales to the tallest', () => {
    // Target at 3/4 of the height: a 30 s bar fills three of four rows.
    expect(barChart([300], 300).rows.map(text)).toEqual(['  ', '██', '██', '██']);
    // A 60 s bar sets the scale: the target drops to the second row from the bottom.
    const tall = barChart([600, 150], 300);
    expect(tall.rows.map(text)).toEqual(['██   ', '██   ', '██┄┄┄', '██ ██']);
    expect(tall.targetRow).toBe(2);
  });

  it('gives a very short attempt a sliver rather than nothing', () => {
    expect(text(barChart([1], 300).rows[3]!)).toBe('▁▁');
  });

  it('draws no bar for an attempt of no time at all', () => {
    expect(barChart([0, 300], 300).rows.map(text)).toEqual(['     ', '┄┄┄██', '   ██', '   ██']);
  });

  it('tells the caller which cells are the target line, so it can be coloured apart', () => {
    const { rows, targetRow } = barChart([150, 300], 300);
    expect(rows[targetRow]!.map((s) => s.kind)).toEqual(['target', 'bar']);
    expect(rows[0]!.map((s) => s.kind)).toEqual(['empty']);
  });
});
