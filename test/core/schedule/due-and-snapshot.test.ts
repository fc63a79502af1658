import { describe, expect, it } from 'vitest';
import { scheduler } from '../../../src/core/schedule/fsrs.js';
import { nextDue } from '../../../src/core/schedule/queue.js';
import { replay, replayTail, snapshotDigest } from '../../../src/core/schedule/snapshot.js';
import { FIELDS } from '../../../src/core/schedule/card-rows.js';
import { withNumber } from '../../helpers/snapshot-rows.js';
import type { LogPosition } from '../../../src/core/store/log-reader.js';
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

  it('a log whose undo names a grade it does not hold (a hand-edited log) replays the rest', () => {
    const undoUnknown = { v: 1, type: 'undo', id: 'u', deck: 'test', target: 'not-in-log', at: new Date(T + 5 * HOUR).toISOString() } as const;
    const p = replay(f, deck.cards, [grade('a', 'q3', 3, 0), undoUnknown, grade('b', 'q3', 3, 30)]);
    expect(p.get('q3')!.history.count).toBe(2);
    expect(nextDue(deck.cards, p)).toEqual(replay(f, deck.cards, [grade('a', 'q3', 3, 0), grade('b', 'q3', 3, 30)]).get('q3')!.fsrs.due);
  });

  it('ignores cards never graded, and is null when none has been', () => {
    const p = replay(f, deck.cards, [grade('a', 'q3', 3, 0)]);
    expect(nextDue(deck.cards, p)).toEqual(p.get('q3')!.fsrs.due);
    expect(nextDue(deck.cards, replay(f, deck.cards, []))).toBeNull();
  });
});

describe('a damaged snapshot is rebuilt from the log, never trusted', () => {
  const records = [grade('a', 'q1', 3, 0), grade('b', 'q1', 3, 30), grade('c', 'q2', 1, 31), grade('d', 'q2', 3, 32), grade('e', 'q1', 2, 200)];
  // Where the first two records end in the log (only carried into the snapshot here).
  const AT: LogPosition = { offset: 200, lines: 2, last: { length: 99, hash: 'h' } };
  // Covers q1's first two grades: the replay goes on from q1's stored state.
  const good = replayTail(f, 0.9, deck.cards, records.slice(0, 2), null, AT)!.snapshot()!;
  const truth = replay(f, deck.cards, records);
  const dues = (p: ReturnType<typeof replay>) => deck.cards.map((c) => p.get(c.id)!.fsrs.due.toISOString());
  type Field = (typeof FIELDS)[number];

  /** As a start uses a snapshot: from it when it fits, otherwise from the whole log. */
  function start(snap: ReplaySnapshot) {
    const tail = replayTail(f, 0.9, deck.cards, records.slice(snap.at.lines), snap, undefined);
    return { reused: tail !== null, progress: (tail ?? replayTail(f, 0.9, deck.cards, records, null, undefined)!).progress };
  }
  /** `snap` with its checksum made to match, so only the check of its content can refuse it. */
  const resealed = (snap: ReplaySnapshot): ReplaySnapshot => ({ ...snap, digest: snapshotDigest(snap) });

  /** The good snapshot, as read from disk, with one number of q1's row replaced. */
  function damaged(field: Field, value: number): ReplaySnapshot {
    const snap = JSON.parse(JSON.stringify(good)) as ReplaySnapshot;
    snap.numbers = withNumber(snap, 'q1', field, value);
    return resealed(snap);
  }

  it('reuses the snapshot as read back from disk when it is sound', () => {
    const r = start(JSON.parse(JSON.stringify(good)) as ReplaySnapshot);
    expect(r.reused).toBe(true);
    expect(dues(r.progress)).toEqual(dues(truth));
    // The grade marks too, as logged: these grades have no answer time and no typed text.
    const plain = (p: ReturnType<typeof replay>) => JSON.parse(JSON.stringify([...p])) as unknown;
    expect(plain(r.progress)).toEqual(plain(truth));
    expect(truth.get('q1')!.history.last).toEqual({ grade: 2, at: records[4]!.at });
  });

  it('a snapshot sealed again after its grade marks were garbled still starts, with the schedules and counts kept', () => {
    const snap = JSON.parse(JSON.stringify(good)) as ReplaySnapshot;
    const r = start(resealed({ ...snap, marks: Buffer.from('not marks\n'.repeat(snap.ids.length)).toString('base64') }));
    expect(r.reused).toBe(true);
    expect(dues(r.progress)).toEqual(dues(truth));
    // q1's marks from before the snapshot are lost (its first grade reads as the one after it); its count is not.
    expect(r.progress.get('q1')!.history).toMatchObject({ count: 3, first: { grade: 2, at: records[4]!.at }, last: { grade: 2 } });
    expect(r.progress.get('q3')!.history.count).toBe(0);
  });

  it.each([
    ['due', Number.NaN],
    ['due', Number.POSITIVE_INFINITY],
    ['last_review', Number.NEGATIVE_INFINITY],
    ['stability', Number.NaN],
    ['difficulty', Number.POSITIVE_INFINITY],
    ['reps', Number.NaN],
    ['state', 7],
    ['state', 1.5],
    ['state', -1],
    ['count', 0],
    ['lapses', Number.NaN],
    // Every number of a row is checked.
    ['due', Number.NEGATIVE_INFINITY],
    ['stability', Number.POSITIVE_INFINITY],
    ['difficulty', Number.NaN],
    ['elapsed_days', Number.POSITIVE_INFINITY],
    ['scheduled_days', Number.NaN],
    ['learning_steps', Number.NEGATIVE_INFINITY],
    ['reps', Number.POSITIVE_INFINITY],
    ['lapses', Number.NEGATIVE_INFINITY],
    ['state', Number.NaN],
    ['count', Number.POSITIVE_INFINITY],
    ['count', Number.NaN],
    ['count', 2.5],
    ['last_review', Number.POSITIVE_INFINITY],
  ] as const)('ignores a snapshot whose card has %s = %d, and shows the right due dates', (field, value) => {
    const r = start(damaged(field, value));
    expect(r.reused).toBe(false);
    expect(dues(r.progress)).toEqual(dues(truth));
  });

  it('ignores a snapshot edited by hand (its checksum no longer matches)', () => {
    const snap = JSON.parse(JSON.stringify(good)) as ReplaySnapshot;
    snap.numbers = withNumber(snap, 'q1', 'stability', 999);
    expect(start(snap).reused).toBe(false);
    expect(dues(start(snap).progress)).toEqual(dues(truth));
  });

  it('ignores a snapshot with a row that is not a row, no rows, or another version', () => {
    const snap = JSON.parse(JSON.stringify(good)) as ReplaySnapshot;
    // Rows cut short, an id that is not a string, no numbers, a mark line missing.
    expect(start(resealed({ ...snap, numbers: Buffer.from(snap.numbers, 'base64').subarray(8).toString('base64') })).reused).toBe(false);
    expect(start(resealed({ ...snap, ids: [snap.ids[0]!, 3 as never] })).reused).toBe(false);
    expect(start(resealed({ ...snap, numbers: null as never })).reused).toBe(false);
    expect(start(resealed({ ...snap, marks: '' })).reused).toBe(false);
    expect(start(resealed({ ...snap, ids: [...snap.ids, 'q2'] })).reused).toBe(false);
    expect(start(resealed({ ...snap, undone: 'x' as never })).reused).toBe(false);
    expect(start(resealed({ ...snap, lastPractised: 'soon' as never })).reused).toBe(false);
    expect(start(resealed({ ...snap, v: 1 as never })).reused).toBe(false);
    expect(start(resealed({ ...snap, v: 3 as never })).reused).toBe(false);
    // One row of numbers too many for the ids; an id of the right count that is not a string;
    // no marks at all; a last practice time of 1e999 (JSON reads it as Infinity).
    const extraRow = Buffer.concat([Buffer.from(snap.numbers, 'base64'), Buffer.alloc(FIELDS.length * 8)]);
    expect(start(resealed({ ...snap, numbers: extraRow.toString('base64') })).reused).toBe(false);
    expect(start(resealed({ ...snap, ids: [7 as never] })).reused).toBe(false);
    expect(start(resealed({ ...snap, marks: null as never })).reused).toBe(false);
    expect(start(resealed({ ...snap, lastPractised: Number.POSITIVE_INFINITY })).reused).toBe(false);
    expect(start(snap).reused).toBe(true);
  });

  it('reuses an empty snapshot of an empty log prefix', () => {
    const empty = replayTail(f, 0.9, deck.cards, [], null, { offset: 0, lines: 0, last: null })!.snapshot()!;
    expect(empty).toMatchObject({ at: { offset: 0, lines: 0 }, ids: [], numbers: '', marks: '', undone: [] });
    const r = start(empty);
    expect(r.reused).toBe(true);
    expect(dues(r.progress)).toEqual(dues(truth));
  });
});
