import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createEmptyCard } from 'ts-fsrs';
import { ProgressMap } from '../../../src/core/schedule/progress-map.js';
import { applyGrade, NO_GRADES, type CardProgress } from '../../../src/core/schedule/progress.js';
import { scheduler } from '../../../src/core/schedule/fsrs.js';
import { replayTail } from '../../../src/core/schedule/snapshot.js';
import { countByState } from '../../../src/core/stats/counts.js';
import { dueForecast } from '../../../src/core/stats/forecast.js';
import { makeDeck } from '../../helpers/deck.js';
import { gradeAt } from '../../helpers/history.js';

const progress = (reps: number): CardProgress => ({ fsrs: { ...createEmptyCard(new Date(0)), reps }, history: NO_GRADES });
const base = (n: number) => new Map(Array.from({ length: n }, (_, i) => [`c${i}`, progress(0)] as const));
const summary = (m: ReadonlyMap<string, CardProgress>) => [...m].map(([id, p]) => `${id}:${p.fsrs.reps}`);

describe('ProgressMap', () => {
  it('a change makes a new map and leaves the old one as it was', () => {
    const first = ProgressMap.from(base(3));
    const second = first.with('c1', progress(1));
    expect(first.get('c1')!.fsrs.reps).toBe(0);
    expect(second.get('c1')!.fsrs.reps).toBe(1);
    expect(summary(first)).toEqual(['c0:0', 'c1:0', 'c2:0']);
    expect(summary(second)).toEqual(['c0:0', 'c1:1', 'c2:0']);
  });

  it('reads exactly like a Map given the same changes, before and after folding (any sequence)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 40 }),
        // Ids beyond the base are cards added later; long runs cross the fold at 512 changes.
        fc.array(fc.tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 1, max: 9 })), { maxLength: 1200 }),
        (n, sets) => {
          const plain = base(n);
          let map = ProgressMap.from(base(n));
          const states: Array<[ProgressMap, string[]]> = [];
          for (const [i, reps] of sets) {
            map = map.with(`c${i}`, progress(reps));
            plain.set(`c${i}`, progress(reps));
            if (states.length < 20) states.push([map, summary(plain)]);
          }
          expect(summary(map)).toEqual(summary(plain));
          expect(map.size).toBe(plain.size);
          expect([...map.keys()]).toEqual([...plain.keys()]);
          expect([...map.values()].map((p) => p.fsrs.reps)).toEqual([...plain.values()].map((p) => p.fsrs.reps));
          for (let i = 0; i <= 60; i++) {
            expect(map.has(`c${i}`)).toBe(plain.has(`c${i}`));
            expect(map.get(`c${i}`)?.fsrs.reps).toBe(plain.get(`c${i}`)?.fsrs.reps);
          }
          const seen: string[] = [];
          map.forEach((p, id) => seen.push(`${id}:${p.fsrs.reps}`));
          expect(seen).toEqual(summary(plain));
          // Earlier states (what undo returns to) still read as they did.
          for (const [old, expected] of states) expect(summary(old)).toEqual(expected);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('a drill\'s map over the table it loaded', () => {
  it('a pass over the whole deck reads the table before the first grade, and the graded card\'s new state after it', () => {
    const f = scheduler(0.9);
    const deck = makeDeck(6);
    const now = new Date('2026-10-10T10:00:00Z');
    const day = (d: number) => new Date(now.getTime() - d * 86_400_000);
    const log = [gradeAt('q1', day(9), 3), gradeAt('q2', day(9), 3), gradeAt('q2', day(4), 3)];
    const table = replayTail(f, 0.9, deck.cards, log, null, undefined)!.progress;
    const loaded = ProgressMap.from(table);
    expect(countByState(deck.cards, loaded)).toEqual(countByState(deck.cards, table));
    expect(dueForecast(deck.cards, loaded, now, 7)).toEqual(dueForecast(deck.cards, table, now, 7));
    // A first grade of q3 and an Again for q2, as the drill records them.
    const graded = loaded
      .with('q3', applyGrade(f, table.get('q3')!, gradeAt('q3', now, 3)))
      .with('q2', applyGrade(f, table.get('q2')!, gradeAt('q2', now, 1)));
    const plain = new Map([...graded]);
    expect(countByState(deck.cards, graded)).toEqual(countByState(deck.cards, plain));
    expect(countByState(deck.cards, graded)).not.toEqual(countByState(deck.cards, table));
    expect(dueForecast(deck.cards, graded, now, 7)).toEqual(dueForecast(deck.cards, plain, now, 7));
    expect(dueForecast(deck.cards, graded, now, 7)).not.toEqual(dueForecast(deck.cards, table, now, 7));
  });
});
