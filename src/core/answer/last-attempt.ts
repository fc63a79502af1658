import type { GradeRecord } from '../store/log-records.js';

/** A typed answer as saved with its grade. */
export interface TypedAttempt {
  text: string;
  /** ISO time of the grade. */
  at: string;
}

/** The newest typed answer among a card's grades (oldest first, undone ones already removed). */
export function lastTyped(grades: readonly GradeRecord[]): TypedAttempt | null {
  for (let i = grades.length - 1; i >= 0; i--) {
    const g = grades[i]!;
    if (g.typed !== undefined && g.typed.trim() !== '') return { text: g.typed, at: g.at };
  }
  return null;
}
