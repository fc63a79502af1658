import type { Deck } from '../../src/core/deck/types.js';
import type { Grade, GradeRecord, LogRecord, PitchRecord, UndoRecord } from '../../src/core/store/log-records.js';
import { makeDeck, question } from './deck.js';

let seq = 0;
const nextId = () => `r${String(++seq).padStart(6, '0')}`;

/** A grade of `card` at local time `at` (`2026-11-20T10:00`). */
export function grade(card: string, g: Grade, at: string, extra: Partial<GradeRecord> = {}): GradeRecord {
  return { v: 1, type: 'grade', id: nextId(), deck: 'test', card, grade: g, at: new Date(at).toISOString(), ...extra };
}

/** An undo of `target`. */
export function undo(target: LogRecord, at: string): UndoRecord {
  return { v: 1, type: 'undo', id: nextId(), deck: 'test', target: target.id, at: new Date(at).toISOString() };
}

/** A timed pitch run of `ms` milliseconds. */
export function pitch(ms: number, at: string): PitchRecord {
  return { v: 1, type: 'pitch', id: nextId(), deck: 'test', ms, beats: [], beatsTotal: 0, at: new Date(at).toISOString() };
}

/**
 * A deck of a pitch (target 40 s) and q1..q4 with a month of history as of 2026-11-26: q1 forgotten
 * once, q2 easy, q3 graded Hard, q4 never seen, six timed pitch runs.
 */
export function fixture(): { deck: Deck; records: LogRecord[] } {
  const deck = makeDeck(4, { name: 'test' });
  deck.cards.unshift(question('pitch', { kind: 'pitch', prompt: 'Tell me about yourself.', seconds: 40 }));
  const records = [
    grade('q1', 3, '2026-11-01T10:00', { ms: 20_000 }),
    grade('q1', 3, '2026-11-01T10:15', { ms: 20_000 }),
    grade('q1', 1, '2026-11-20T10:00', { ms: 60_000 }), // a lapse: it had been learned
    grade('q1', 3, '2026-11-20T10:10', { ms: 30_000 }),
    grade('q2', 4, '2026-11-10T10:00', { ms: 5_000 }),
    grade('q2', 4, '2026-11-20T10:00', { ms: 7_000 }),
    grade('q3', 2, '2026-11-25T10:00', { ms: 90_000 }),
    grade('pitch', 3, '2026-11-25T10:05', { ms: 42_000 }),
    pitch(45_000, '2026-11-20T09:00'),
    pitch(41_000, '2026-11-21T09:00'),
    pitch(38_000, '2026-11-22T09:00'),
    pitch(30_000, '2026-11-23T09:00'),
    pitch(50_000, '2026-11-24T09:00'),
    pitch(39_500, '2026-11-25T09:00'),
  ];
  return { deck, records };
}
