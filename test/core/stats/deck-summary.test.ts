import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { brokenDeck, byName, deckOrder, summarizeDeck } from '../../../src/core/stats/deck-summary.js';
import { listJson } from '../../../src/core/stats/json-shapes.js';
import type { Card } from '../../../src/core/deck/types.js';
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

  it('a deck never practised has no last practice; only a deck with a pitch offers to time one', () => {
    const plain = summarizeDeck(place, makeDeck(2), [], { now: NOW, retention: 0.9, interview: null });
    expect(plain).toMatchObject({ lastPractised: null, hasPitch: false, interviewPast: false });
    const pitchCard: Card = { id: 'pitch', kind: 'pitch', prompt: 'Tell me about yourself.', answer: 'I build.', points: ['a'], tags: [], line: 2 };
    const withPitch = makeDeck(2);
    withPitch.cards.push(pitchCard);
    expect(summarizeDeck(place, withPitch, [], { now: NOW, retention: 0.9, interview: null }).hasPitch).toBe(true);
    // A deck that did not load has no pitch to offer and no interview passed.
    expect(brokenDeck(place, 'bad')).toMatchObject({ hasPitch: false, interviewPast: false });
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

describe('the order of list and home', () => {
  const deck = makeDeck(3);
  const at = (name: string, interview: string | null, records = [] as ReturnType<typeof grade>[]) =>
    summarizeDeck({ ...place, name }, deck, records, { now: NOW, retention: 0.9, interview: interview ? new Date(interview) : null });

  it('nearest interview first, then no interview by most due, then past interviews, then broken decks', () => {
    const dueOne = [grade('q1', 1, '2026-11-26T09:00')];
    const decks = [
      brokenDeck({ ...place, name: 'broken' }, 'bad'),
      at('past', '2026-11-20T09:00'),
      at('calm', null),
      at('busy', null, dueOne),
      at('later', '2026-12-20T09:00'),
      at('soon', '2026-12-01T09:00'),
      at('earlier-today', '2026-11-26T08:00'),
    ];
    expect(deckOrder(decks).map((d) => d.name)).toEqual(['soon', 'later', 'busy', 'calm', 'earlier-today', 'past', 'broken']);
    // The most due first, even when its name sorts last.
    expect(deckOrder([at('alpha', null), at('zeta', null, dueOne)]).map((d) => d.name)).toEqual(['zeta', 'alpha']);
    expect(deckOrder([at('zeta', null, dueOne), at('alpha', null)]).map((d) => d.name)).toEqual(['zeta', 'alpha']);
  });

  it('marks an interview that started an hour ago as past, and predicts recall only for one ahead', () => {
    const past = at('p', '2026-11-26T09:00');
    expect(past).toMatchObject({ interviewPast: true, daysLeft: 0, recallAtInterview: null });
    const ahead = at('a', '2026-12-03T09:00', [grade('q1', 3, '2026-11-25T10:00')]);
    expect(ahead.interviewPast).toBe(false);
    // One card of three seen: the mean counts the two unseen as 0.
    expect(ahead.recallAtInterview).toBeGreaterThan(0);
    expect(ahead.recallAtInterview).toBeLessThan(1 / 3);
  });
});

describe('byName: the order of deck names within a rank', () => {
  it('is the order of localeCompare, for names the fast comparison takes and for the others', () => {
    const name = fc.stringMatching(/^[A-Za-z0-9_][A-Za-z0-9_-]{0,8}$/);
    const plain = fc.stringMatching(/^[a-z0-9]{0,8}$/);
    fc.assert(
      fc.property(fc.oneof(name, plain), fc.oneof(name, plain), (a, b) => {
        expect(Math.sign(byName(a, b))).toBe(Math.sign(a.localeCompare(b)));
      }),
      { numRuns: 3000 },
    );
    expect(['n1000', 'coder', 'n100', 'Zeta', 'a-b', 'ab'].sort(byName)).toEqual(['a-b', 'ab', 'coder', 'n100', 'n1000', 'Zeta']);
  });
});
