import { describe, expect, it } from 'vitest';
import { brokenDeck, summarizeDeck } from '../../../src/core/stats/deck-summary.js';
import { listJson } from '../../../src/core/stats/json-shapes.js';
import { makeDeck } from '../../helpers/deck.js';
import { grade, pitch } from '../../helpers/fixture-log.js';

const NOW = new Date('2026-11-26T10:00');
const place = { name: 'test', path: '/decks/test.yaml', shipped: false };

describe('prep list lines', () => {
  it('counts cards, due now and new; the last practice may be a pitch run', () => {
    const deck = makeDeck(4);
    const records = [grade('q1', 3, '2026-11-01T10:00'), grade('q1', 3, '2026-11-01T10:15'), grade('q2', 1, '2026-11-26T09:55'), pitch(30_000, '2026-11-26T09:58')];
    const s = summarizeDeck(place, deck, records, { now: NOW, retention: 0.9, interview: new Date('2026-12-03T09:00') });
    // q1 is a review due long before now; q2 is on its one-minute step, due.
    expect(s).toMatchObject({ title: 'Test deck', cards: 4, dueNow: 2, new: 2, daysLeft: 7, error: null });
    expect(s.lastPractised?.getTime()).toBe(new Date('2026-11-26T09:58').getTime());
  });

  it('as JSON, a deck that did not load keeps every key, null where unknown', () => {
    expect(listJson(brokenDeck(place, 'decks/test.yaml:1:1 title: required'))).toEqual({
      name: 'test',
      title: null,
      path: '/decks/test.yaml',
      shipped: false,
      cards: null,
      dueNow: null,
      new: null,
      interview: null,
      daysLeft: null,
      lastPractised: null,
      error: 'decks/test.yaml:1:1 title: required',
    });
  });
});
