import { cancelledIds, type GradeRecord, type LogRecord, type PitchRecord } from '../store/log-records.js';

/** The grades that count (undone ones removed), in log order. */
export function countedGrades(records: readonly LogRecord[]): GradeRecord[] {
  const undone = cancelledIds(records);
  return records.filter((r): r is GradeRecord => r.type === 'grade' && !undone.has(r.id));
}

/** The time of the latest grade or pitch run, or null for a deck never practised. */
export function lastPractised(records: readonly LogRecord[]): Date | null {
  let last: number | null = null;
  const deleted = cancelledIds(records);
  const runs = records.filter((r): r is PitchRecord => r.type === 'pitch' && !deleted.has(r.id));
  for (const r of [...countedGrades(records), ...runs]) {
    const t = Date.parse(r.at);
    if (last === null || t > last) last = t;
  }
  return last === null ? null : new Date(last);
}
