import { scheduler } from '../../src/core/schedule/fsrs.js';
import { applyGrade, emptyProgress, type CardProgress } from '../../src/core/schedule/progress.js';
import type { Grade, GradeRecord } from '../../src/core/store/review-log.js';

let n = 0;

/** A grade record for card `card` at `at`. */
export function gradeAt(card: string, at: Date, grade: Grade, ms?: number): GradeRecord {
  return { v: 1, type: 'grade', id: `r${++n}`, deck: 'test', card, grade, at: at.toISOString(), ...(ms === undefined ? {} : { ms }) };
}

/** A card's progress after these grades, through FSRS at retention 0.9. */
export function progressOf(grades: Array<[Date, Grade] | [Date, Grade, number]>, card = 'q'): CardProgress {
  let p = emptyProgress(new Date(0));
  for (const [at, grade, ms] of grades) p = applyGrade(scheduler(0.9), p, gradeAt(card, at, grade, ms));
  return p;
}

/** `n` days after `d` (exact multiples of 24 h). */
export const days = (d: Date, n: number) => new Date(d.getTime() + n * 86_400_000);
