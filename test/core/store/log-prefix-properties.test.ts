import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { scheduler } from '../../../src/core/schedule/fsrs.js';
import { deadlineIntervals } from '../../../src/core/schedule/deadline.js';
import { replay } from '../../../src/core/schedule/snapshot.js';
import type { LogRecord } from '../../../src/core/store/review-log.js';
import { ReviewLog } from '../../../src/core/store/review-log.js';
import { makeDeck } from '../../helpers/deck.js';
import { makeTempHome } from '../../helpers/temp-home.js';

// A crash can stop a write at any byte. Whatever is left must open and replay to a sane state:
// the complete records kept in order, nothing invented, every card with a real due date.

const deck = makeDeck(4);
const f = scheduler(0.9);
const T0 = Date.parse('2026-01-10T09:00:00Z');
const tmp = makeTempHome('prep-prefix-');
afterAll(() => tmp.cleanup());

/** A log as prep writes it: grades, undos of earlier grades, pitch attempts; clocks that jump about. */
const logArb = fc
  .array(
    fc.record({
      kind: fc.constantFrom('grade', 'grade', 'grade', 'undo', 'pitch'),
      card: fc.constantFrom('q1', 'q2', 'q3', 'q4', 'gone'),
      grade: fc.constantFrom(1, 2, 3, 4),
      // Mostly forwards, sometimes backwards (a clock set back, a log from a machine ahead).
      step: fc.integer({ min: -3 * 86_400_000, max: 9 * 86_400_000 }),
      typed: fc.option(fc.string({ unit: 'grapheme', maxLength: 12 }), { nil: undefined }),
    }),
    { minLength: 1, maxLength: 25 },
  )
  .map((steps) => {
    const records: LogRecord[] = [];
    let at = T0;
    steps.forEach((s, i) => {
      at += s.step;
      const id = `r${i.toString(16).padStart(4, '0')}`;
      const when = new Date(at).toISOString();
      const grades = records.filter((r) => r.type === 'grade');
      if (s.kind === 'undo' && grades.length > 0) {
        records.push({ v: 1, type: 'undo', id, deck: 'test', target: grades[grades.length - 1]!.id, at: when });
      } else if (s.kind === 'pitch') {
        records.push({ v: 1, type: 'pitch', id, deck: 'test', ms: 31_500, beats: [0, 2], beatsTotal: 3, at: when });
      } else {
        records.push({ v: 1, type: 'grade', id, deck: 'test', card: s.card, grade: s.grade as 1 | 2 | 3 | 4, at: when, ms: 4200, ...(s.typed === undefined ? {} : { typed: s.typed }) });
      }
    });
    return records;
  });

let n = 0;

/** Writes `bytes` as a log untouched for an hour (a crash's leftover), opens it, replays it. */
function openCut(records: LogRecord[], bytes: Buffer): void {
  const dir = path.join(tmp.dir, `cut-${n++}`);
  const file = path.join(dir, 'test.jsonl');
  fs.mkdirSync(dir);
  fs.writeFileSync(file, bytes);
  const hourAgo = new Date(Date.now() - 3_600_000);
  fs.utimesSync(file, hourAgo, hourAgo);

  const { log, records: read } = ReviewLog.open(file);
  log.close();
  // The records read are exactly the complete ones, in order.
  const lines = bytes.toString('utf8').split('\n');
  const whole = lines.slice(0, -1).length + (records[lines.length - 1] && lines.at(-1) === JSON.stringify(records[lines.length - 1]) ? 1 : 0);
  expect(read).toEqual(records.slice(0, whole));

  const progress = replay(f, deck.cards, read);
  for (const c of deck.cards) {
    const p = progress.get(c.id)!;
    expect(Number.isNaN(p.fsrs.due.getTime())).toBe(false);
    for (const v of [p.fsrs.stability, p.fsrs.difficulty, p.fsrs.reps, p.fsrs.lapses]) expect(Number.isFinite(v)).toBe(true);
    // Asked at a moment earlier than the last review too: no negative wait, no NaN.
    for (const now of [new Date(T0), new Date(T0 + 400 * 86_400_000)]) {
      for (const ms of Object.values(deadlineIntervals(f, p, null, now))) expect(ms >= 0 && Number.isFinite(ms)).toBe(true);
    }
  }
  fs.rmSync(dir, { recursive: true, force: true });
}

const asBytes = (records: LogRecord[]) => Buffer.from(records.map((r) => `${JSON.stringify(r)}\n`).join(''), 'utf8');

describe('any prefix of a valid review log (fast-check)', () => {
  it('opens and replays to a valid state, keeping exactly the complete records', () => {
    fc.assert(
      fc.property(logArb, fc.double({ min: 0, max: 1, noNaN: true }), (records, where) => {
        const bytes = asBytes(records);
        openCut(records, bytes.subarray(0, Math.floor(where * bytes.length)));
      }),
      { numRuns: 150 },
    );
  });

  it('every single cut of one log, byte by byte, multi-byte characters included', () => {
    const records: LogRecord[] = [
      { v: 1, type: 'grade', id: 'a1', deck: 'test', card: 'q1', grade: 3, at: '2026-01-10T09:00:00.000Z', ms: 1200, typed: 'café 🚀 面接' },
      { v: 1, type: 'pitch', id: 'a2', deck: 'test', ms: 29_000, beats: [1], beatsTotal: 2, at: '2026-01-10T09:01:00.000Z' },
      { v: 1, type: 'grade', id: 'a3', deck: 'test', card: 'q2', grade: 1, at: '2026-01-09T09:00:00.000Z' },
      { v: 1, type: 'undo', id: 'a4', deck: 'test', target: 'a3', at: '2026-01-10T09:02:00.000Z' },
      { v: 1, type: 'grade', id: 'a5', deck: 'test', card: 'q1', grade: 4, at: '2026-01-12T09:00:00.000Z' },
    ];
    const bytes = asBytes(records);
    for (let cut = 0; cut <= bytes.length; cut++) openCut(records, bytes.subarray(0, cut));
  });
});
