import { describe, expect, it } from 'vitest';
import { scheduler } from '../../../src/core/schedule/fsrs.js';
import { nextDue } from '../../../src/core/schedule/queue.js';
import { replay, replayFrom } from '../../../src/core/schedule/snapshot.js';
import type { ReplaySnapshot } from '../../../src/core/store/snapshot-store.js';
import type { GradeRecord } from '../../../src/core/store/review-log.js';
import { makeDeck } from '../../helpers/deck.js';

const f = scheduler(0.9);
const deck = makeDeck(4);
const T = Date.parse('2026-10-01T10:00:00Z');
const HOUR = 3_600_000;

function grade(id: string, card: string, g: 1 | 2 | 3 | 4, hours: number): GradeRecord {
  return { v: 1, type: 'grade', id, deck: 'test', card, grade: g, at: new Date(T + hours * HOUR).toISOString() };
}

describe('nextDue: when the drill says to come back', () => {
  it('is the earliest due card, whatever order the deck lists them in', () => {
    // q1 learned well (due in days), q2 failed (due in minutes), q3 learned later, q4 new.
    const records = [grade('a', 'q1', 4, 0), grade('b', 'q2', 1, 1), grade('c', 'q3', 3, 2), grade('d', 'q3', 3, 3)];
    const p = replay(f, deck.cards, records);
    const dues = ['q1', 'q2', 'q3'].map((id) => p.get(id)!.fsrs.due.getTime());
    const earliest = new Date(Math.min(...dues));
    expect(earliest).toEqual(p.get('q2')!.fsrs.due);
    expect(nextDue(deck.cards, p)).toEqual(earliest);
    expect(nextDue([...deck.cards].reverse(), p)).toEqual(earliest);
  });

  it('ignores cards never graded, and is null when none has been', () => {
    const p = replay(f, deck.cards, [grade('a', 'q3', 3, 0)]);
    expect(nextDue(deck.cards, p)).toEqual(p.get('q3')!.fsrs.due);
    expect(nextDue(deck.cards, replay(f, deck.cards, []))).toBeNull();
  });
});

describe('a damaged snapshot is rebuilt from the log, never trusted', () => {
  const records = [grade('a', 'q1', 3, 0), grade('b', 'q1', 3, 30), grade('c', 'q2', 1, 31), grade('d', 'q2', 3, 32), grade('e', 'q1', 2, 200)];
  // Covers q1's first two grades: the replay goes on from q1's stored state.
  const good = replayFrom(f, 0.9, deck.cards, records.slice(0, 2)).snapshot;
  const truth = replay(f, deck.cards, records);
  const dues = (p: ReturnType<typeof replay>) => deck.cards.map((c) => p.get(c.id)!.fsrs.due.toISOString());

  /** The good snapshot, as read from disk, with one field of q1's card replaced. */
  function damaged(field: string, value: unknown): ReplaySnapshot {
    const snap = JSON.parse(JSON.stringify(good)) as ReplaySnapshot;
    (snap.cards.q1 as unknown as Record<string, unknown>)[field] = value;
    return snap;
  }

  it('reuses the snapshot as read back from disk when it is sound', () => {
    const r = replayFrom(f, 0.9, deck.cards, records, JSON.parse(JSON.stringify(good)) as ReplaySnapshot);
    expect(r.reused).toBe(true);
    expect(dues(r.progress)).toEqual(dues(truth));
  });

  it.each([
    ['due', 'next tuesday'],
    ['due', 12],
    ['last_review', 'yesterday'],
    ['stability', 'x'],
    ['stability', null],
    ['difficulty', undefined],
    ['reps', '2'],
    ['state', {}],
    ['lapses', Number.NaN],
  ])('ignores a snapshot whose card has %s = %j, and shows the right due dates', (field, value) => {
    const r = replayFrom(f, 0.9, deck.cards, records, damaged(field, value));
    expect(r.reused).toBe(false);
    expect(dues(r.progress)).toEqual(dues(truth));
  });

  it('ignores a snapshot with a card that is not an object, or a bad count', () => {
    const snap = JSON.parse(JSON.stringify(good)) as ReplaySnapshot;
    expect(replayFrom(f, 0.9, deck.cards, records, { ...snap, cards: { ...snap.cards, q3: null as never } }).reused).toBe(false);
    expect(replayFrom(f, 0.9, deck.cards, records, { ...snap, cards: null as never }).reused).toBe(false);
    expect(replayFrom(f, 0.9, deck.cards, records, { ...snap, count: 2.5 }).reused).toBe(false);
    expect(replayFrom(f, 0.9, deck.cards, records, { ...snap, count: -1 }).reused).toBe(false);
    expect(replayFrom(f, 0.9, deck.cards, records, { ...snap, count: 5 }).reused).toBe(false);
    expect(replayFrom(f, 0.9, deck.cards, records, { ...snap, v: 2 as 1 }).reused).toBe(false);
  });

  it('reuses an empty snapshot of an empty log prefix', () => {
    const empty = replayFrom(f, 0.9, deck.cards, []).snapshot;
    expect(empty).toMatchObject({ count: 0, lastId: null, cards: {} });
    const r = replayFrom(f, 0.9, deck.cards, records, empty);
    expect(r.reused).toBe(true);
    expect(dues(r.progress)).toEqual(dues(truth));
  });
});
