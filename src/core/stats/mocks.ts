import type { LogRecord, MockRecord } from '../store/log-records.js';
import { tenths } from '../pitch/timing.js';

/** How many rehearsals `prep stats` lists. */
export const MOCKS_SHOWN = 5;

/** One rehearsal (`prep mock`) as the stats show it. */
export interface MockSummary {
  id: string;
  at: Date;
  /** From the first question to the scorecard. */
  ms: number;
  /** Cards in it: the pitch, the questions and the ask card. */
  cards: number;
  answered: number;
  skipped: number;
  /** Answers past their target, of those answered with a target. */
  overTime: number;
  timed: number;
  /** Mean of the grades given in its scorecard; null when none was given. */
  meanGrade: number | null;
  /** False for a --no-grade rehearsal, whose grades stayed out of the schedule. */
  scheduled: boolean;
}

/** The rehearsals of `deck` in a review log, oldest first. */
export function mockRecords(records: readonly LogRecord[], deck: string): MockRecord[] {
  return records.filter((r): r is MockRecord => r.type === 'mock' && r.deck === deck);
}

/** A rehearsal's figures. */
export function summarizeMock(r: MockRecord): MockSummary {
  const answered = r.items.filter((i) => !i.skipped && i.ms !== null);
  const timed = answered.filter((i) => i.target !== null);
  const grades = r.items.flatMap((i) => (i.grade === null ? [] : [i.grade]));
  return {
    id: r.id,
    at: new Date(r.at),
    ms: r.ms,
    cards: r.items.length,
    answered: answered.length,
    skipped: r.items.filter((i) => i.skipped).length,
    overTime: timed.filter((i) => tenths(i.ms!) > i.target! * 10).length,
    timed: timed.length,
    meanGrade: grades.length ? grades.reduce((a, g) => a + g, 0) / grades.length : null,
    scheduled: r.scheduled,
  };
}
