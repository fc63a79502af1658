import { describe, expect, it } from 'vitest';
import { scheduler } from '../../../src/core/schedule/fsrs.js';
import { applyGrade, emptyProgress, forgettingCurve, type CardProgress } from '../../../src/core/schedule/progress.js';
import { deadlineIntervals } from '../../../src/core/schedule/deadline.js';
import { default_w, fsrs, generatorParameters, type FSRS } from 'ts-fsrs';

/** The grade bar's waits with no interview set: plain FSRS. */
const previewIntervals = (f: FSRS, p: CardProgress, now: Date) => deadlineIntervals(f, p, null, now);
import type { Grade } from '../../../src/core/store/review-log.js';

const DAY = 86_400_000;
const start = new Date('2026-03-01T12:00:00.000Z');

/** A card graded Good three times, days apart, at `retention`: well past the learning steps. */
function learned(retention: number): CardProgress {
  const f = scheduler(retention);
  let p = emptyProgress(new Date(0));
  [0, 1, 4].forEach((d, i) => {
    p = applyGrade(f, p, { v: 1, type: 'grade', id: `g${i}`, deck: 'd', card: 'q', grade: 3 as Grade, at: new Date(start.getTime() + d * DAY).toISOString() });
  });
  return p;
}

describe('the desired retention reaches the scheduler', () => {
  const now = new Date(start.getTime() + 14 * DAY);

  it('asks to see a card sooner when the user wants to remember more', () => {
    const strict = previewIntervals(scheduler(0.97), learned(0.97), now);
    const usual = previewIntervals(scheduler(0.9), learned(0.9), now);
    const relaxed = previewIntervals(scheduler(0.8), learned(0.8), now);
    // Good and Easy: the waits a user reads on the grade bar shrink as the retention rises.
    expect(strict[3]).toBeLessThan(usual[3]);
    expect(usual[3]).toBeLessThan(relaxed[3]);
    expect(strict[4]).toBeLessThan(usual[4]);
    expect(usual[4]).toBeLessThan(relaxed[4]);
  });

  it('uses 90% when no retention is given', () => {
    expect(previewIntervals(scheduler(), learned(0.9), now)).toEqual(previewIntervals(scheduler(0.9), learned(0.9), now));
    expect(previewIntervals(scheduler(), learned(0.9), now)).not.toEqual(previewIntervals(scheduler(0.8), learned(0.9), now));
  });

  it('keeps one scheduler per retention, not one for all', () => {
    expect(scheduler(0.85)).toBe(scheduler(0.85));
    expect(scheduler(0.85)).not.toBe(scheduler(0.95));
  });

  it('shows on the grade bar exactly the wait the grade then stores (no fuzz)', () => {
    const f = scheduler(0.9);
    const p = learned(0.9);
    const shown = previewIntervals(f, p, now);
    for (const g of [1, 2, 3, 4] as Grade[]) {
      const after = applyGrade(f, p, { v: 1, type: 'grade', id: `x${g}`, deck: 'd', card: 'q', grade: g, at: now.toISOString() });
      expect(after.fsrs.due.getTime() - now.getTime()).toBe(shown[g]);
    }
    // Fuzz is seeded by the card, so the loop above would hold with it too: ask for it directly.
    expect(f.parameters.enable_fuzz).toBe(false);
  });
});

describe('the forgetting curve prep reads recall from', () => {
  it("gives exactly ts-fsrs' own figures, at every retention, for any time and stability", () => {
    const days = [0, 1e-6, 0.01, 0.5, 1, 2.75, 13, 100, 365.25, 4000];
    const stabilities = [0.001, 0.1, 0.5, 1, 3.3, 17, 120, 1000, 36500];
    for (const retention of [0.7, 0.8, 0.9, 0.97]) {
      const f = scheduler(retention);
      const curve = forgettingCurve(f);
      expect(forgettingCurve(f)).toBe(curve);
      for (const t of days) for (const s of stabilities) expect(curve(t, s)).toBe(f.forgetting_curve(t, s));
    }
    // A scheduler with another decay (FSRS-5's) too: the curve is the scheduler's, not a constant.
    const five = fsrs(generatorParameters({ w: [...default_w.slice(0, 20), 0.5] }));
    expect(forgettingCurve(five)(10, 3)).toBe(five.forgetting_curve(10, 3));
    expect(forgettingCurve(five)(10, 3)).not.toBe(forgettingCurve(scheduler(0.9))(10, 3));
  });
});
