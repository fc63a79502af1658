import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createEmptyCard } from 'ts-fsrs';
import { ProgressMap } from '../../../src/core/schedule/progress-map.js';
import { NO_GRADES, type CardProgress } from '../../../src/core/schedule/progress.js';

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
