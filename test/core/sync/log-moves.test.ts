import { describe, expect, it } from 'vitest';
import { heldIn, newLines, recordIds, renamedTo, renameInLine } from '../../../src/core/sync/log-moves.js';

const rec = (id: string, deck = 'five') => JSON.stringify({ v: 1, type: 'grade', id, deck, card: 'q1', grade: 3, at: '2026-01-05T09:00:00.000Z' });

describe('log moves', () => {
  it('finds where a renamed log went by its record ids, and nothing for a removed one', () => {
    const gone = recordIds([rec('a'), rec('b'), '{"torn'].join('\n'));
    expect([...gone]).toEqual(['a', 'b']);
    const logs = new Map([
      ['other', rec('z', 'other')],
      ['six', [rec('a', 'six'), rec('b', 'six'), rec('c', 'six')].join('\n')],
    ]);
    expect(renamedTo(gone, logs)).toBe('six');
    expect(renamedTo(gone, new Map([['other', rec('z', 'other')]]))).toBeUndefined();
  });

  it('gives the lines added since the base, and renames the deck a line names', () => {
    const text = [rec('a'), rec('n1'), 'not json', rec('n2')].join('\n');
    expect(newLines(text, new Set(['a']))).toEqual([rec('n1'), rec('n2')]);
    expect(JSON.parse(renameInLine(rec('n1'), 'five', 'six'))).toMatchObject({ id: 'n1', deck: 'six' });
    expect(renameInLine(rec('n1', 'other'), 'five', 'six')).toBe(rec('n1', 'other'));
    expect(renameInLine('{"torn', 'five', 'six')).toBe('{"torn');
  });

  it('reads no id from a line that is JSON but no record, or whose id is not text', () => {
    const text = ['null', '42', '"a"', '[1]', '{"id":7}', '{"id":null}', rec('kept')].join('\n');
    expect([...recordIds(text)]).toEqual(['kept']);
    expect(newLines(text, new Set())).toEqual([rec('kept')]);
    for (const line of ['null', '42', '"five"', '{"deck":"other"}']) expect(renameInLine(line, 'five', 'six')).toBe(line);
  });

  it('counts how many of a set of ids a log holds, each once, and none without a log', () => {
    const text = [rec('a'), rec('b'), rec('a'), rec('z'), '{"torn'].join('\n');
    expect(heldIn(new Set(['a', 'b', 'c']), text)).toBe(2);
    expect(heldIn(new Set(['c']), text)).toBe(0);
    expect(heldIn(new Set(['a']), undefined)).toBe(0);
  });
});
