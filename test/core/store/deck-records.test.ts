import { describe, expect, it } from 'vitest';
import { recordsOfDeck } from '../../../src/core/store/deck-records.js';
import type { GradeRecord } from '../../../src/core/store/review-log.js';

// Two decks may share card ids: a log copied or renamed by hand must not grade this deck's cards.
const grade = (id: string, deck: string): GradeRecord => ({ v: 1, type: 'grade', id, deck, card: 'q1', grade: 3, at: '2026-01-01T10:00:00.000Z' });

describe('records of one deck', () => {
  it('are all kept, with no warning, when the log names only this deck', () => {
    const read = { records: [grade('a', 'coder'), grade('b', 'coder')], warnings: ['earlier warning'] };
    expect(recordsOfDeck(read, 'coder')).toEqual(read);
  });

  it('skip one record of another deck with a warning naming it', () => {
    const read = { records: [grade('a', 'coder'), grade('b', 'sql'), grade('c', 'coder')], warnings: ['earlier warning'] };
    expect(recordsOfDeck(read, 'coder')).toEqual({
      records: [grade('a', 'coder'), grade('c', 'coder')],
      warnings: ['earlier warning', `1 record in this deck's log names another deck ("sql"); skipped`],
    });
  });

  it('count many such records and name at most three decks, each cut to 40 characters', () => {
    const long = 'a-deck-name-that-goes-on-and-on-and-on-and-on';
    const others = ['sql', 'sql', long, 'system', 'behavioural'].map((deck, i) => grade(`o${i}`, deck));
    const { records, warnings } = recordsOfDeck({ records: [grade('a', 'coder'), ...others], warnings: [] }, 'coder');
    expect(records.map((r) => r.id)).toEqual(['a']);
    expect(warnings).toEqual([`5 records in this deck's log name another deck ("sql", "${long.slice(0, 40)}", "system"); skipped`]);
  });
});
