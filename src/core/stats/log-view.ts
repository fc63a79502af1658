import type { GradeRecord, LogRecord, PitchRecord } from '../store/log-records.js';

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

/** The time of the latest grade or pitch run, or null for a deck never practised. */
export function lastPractised(records: readonly LogRecord[]): Date | null {
  let last: number | null = null;
  const runs = records.filter((r): r is PitchRecord => r.type === 'pitch');
  for (const r of [...countedGrades(records), ...runs]) {
    const t = Date.parse(r.at);
    if (last === null || t > last) last = t;
  }
  return last === null ? null : new Date(last);
}
