import type { GradeRecord, LogRecord } from '../store/log-records.js';

/** Ids of records cancelled by an undo. */
function undoneIds(records: readonly LogRecord[]): Set<string> {
  const undone = new Set<string>();
  for (const r of records) if (r.type === 'undo') undone.add(r.target);
  return undone;
}

/** The grades that count (undone ones removed), in log order. */
export function countedGrades(records: readonly LogRecord[]): GradeRecord[] {
  const undone = undoneIds(records);
  return records.filter((r): r is GradeRecord => r.type === 'grade' && !undone.has(r.id));
}
