import { createHash } from 'node:crypto';
import { createEmptyCard, type FSRS } from 'ts-fsrs';
import type { Card } from '../deck/types.js';
import type { LogPosition } from '../store/log-reader.js';
import type { GradeRecord, LogRecord } from '../store/review-log.js';
import { digestCheckedOnRead, SNAPSHOT_VERSION, type ReplaySnapshot } from '../store/snapshot-store.js';
import { CardRows } from './card-rows.js';
import { addGrade, nextState, NO_GRADES, type CardProgress } from './progress.js';
import { ProgressTable } from './progress-table.js';

const isNum = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

/**
 * The checksum of a snapshot's own content (everything but the digest). The log before `at` is
 * checked by the hash of the line ending there, so this need not read the whole log: it only
 * makes a hand-edited snapshot fail to fit.
 */
export function snapshotDigest(snap: Omit<ReplaySnapshot, 'digest'>): string {
  const { v, retention, at, ids, numbers, marks, undone, lastPractised } = snap;
  // As an object in this order: the same text as the file holds, which a start checks as read.
  return createHash('sha256').update(JSON.stringify({ v, retention, at, ids, numbers, marks, undone, lastPractised })).digest('hex');
}

/** The card rows of a snapshot, or null when it does not fit (version, retention, a damaged row, a wrong digest). */
function unpack(snap: ReplaySnapshot, retention: number): CardRows | null {
  if (typeof snap.digest !== 'string' || (!digestCheckedOnRead(snap) && snap.digest !== snapshotDigest(snap))) return null;
  if (snap.v !== SNAPSHOT_VERSION || snap.retention !== retention || typeof snap.numbers !== 'string' || typeof snap.marks !== 'string') return null;
  if (!Array.isArray(snap.undone) || !(snap.lastPractised === null || isNum(snap.lastPractised))) return null;
  return CardRows.decode(snap.ids, Buffer.from(snap.numbers, 'base64'), Buffer.from(snap.marks, 'base64'));
}

/** What replaying gave: every deck card's progress, and the snapshot to store for the next start (when the log's end is known). */
export interface Replayed {
  /** In deck order; read a whole deck through factsOf (progress-readers.ts), which makes no object per card. */
  progress: ReadonlyMap<string, CardProgress>;
  /** Where the records replayed end in the log; undefined when that cannot be told. */
  end: LogPosition | undefined;
  /** The snapshot covering the log up to `end`, made when called (undefined without an `end`). */
  snapshot(): ReplaySnapshot | undefined;
  /** Ids of every grade undone in the whole log. */
  undone: Set<string>;
  /** The latest counted grade or pitch run in the whole log (ms), or null. */
  lastPractised: number | null;
}

/**
 * Every deck card's progress after `base` (a snapshot of the log's first part, or null for none)
 * and then `records`, the rest of the log; `end` is where those end in the log, for the snapshot
 * of the next start. Undone grades are skipped; cards no longer in the deck keep their state in
 * the snapshot, so an id that comes back resumes.
 *
 * Returns null when `base` cannot be used: it does not fit (another retention, damaged), or an
 * undo in `records` cancels a grade that is not among them and so may lie before `base`, whose
 * summaries cannot take one grade back. Then replay the whole log, with a null `base`.
 */
export function replayTail(
  f: FSRS,
  retention: number,
  cards: readonly Card[],
  records: readonly LogRecord[],
  base: ReplaySnapshot | null,
  end: LogPosition | undefined,
  epoch = new Date(0),
): Replayed | null {
  const rows = base ? unpack(base, retention) : null;
  if (base && !rows) return null;
  // The cards the records below change; every other card keeps its row.
  const states = new Map<string, CardProgress>();
  const stateOf = (id: string): CardProgress | undefined => {
    const changed = states.get(id);
    if (changed) return changed;
    const row = rows?.row(id);
    return row === undefined ? undefined : rows!.progress(row);
  };
  const undone = new Set<string>(base?.undone);
  const graded = new Set<string>();
  for (const r of records) {
    // Pitch runs too: an undo may delete one (issue 16), and one read here can be left out here.
    if (r.type === 'grade' || r.type === 'pitch') graded.add(r.id);
    else if (r.type === 'undo') undone.add(r.target);
  }
  if (base) for (const r of records) if (r.type === 'undo' && !graded.has(r.target) && !base.undone.includes(r.target)) return null;

  let lastPractised = base?.lastPractised ?? null;
  const practised = (at: string) => {
    const t = Date.parse(at);
    if (lastPractised === null || t > lastPractised) lastPractised = t;
  };
  for (const r of records) {
    // A deleted pitch run (an undo targeting it) was never practice.
    if (r.type === 'pitch' && !undone.has(r.id)) practised(r.at);
    if (r.type !== 'grade' || undone.has(r.id)) continue;
    const g = r as GradeRecord;
    const p = stateOf(g.card);
    states.set(g.card, {
      fsrs: nextState(f, p?.fsrs ?? createEmptyCard(epoch), g),
      history: addGrade(p?.history ?? NO_GRADES, g),
    });
    practised(g.at);
  }

  const progress = new ProgressTable(cards.map((c) => c.id), rows, states, epoch);
  // Encoded when asked for (after the first frame), not before.
  const snapshot = (): ReplaySnapshot | undefined => {
    if (!end) return undefined;
    const { ids, numbers, marks } = CardRows.encode(progress.stored(), rows ?? undefined);
    const content: Omit<ReplaySnapshot, 'digest'> = {
      v: SNAPSHOT_VERSION,
      retention,
      at: end,
      ids,
      numbers: numbers.toString('base64'),
      marks: marks.toString('base64'),
      undone: [...undone],
      lastPractised,
    };
    return { ...content, digest: snapshotDigest(content) };
  };
  return { progress, end, snapshot, undone, lastPractised };
}

/**
 * Rebuilds every card's progress from the whole review log, in log order. Undone grades are
 * skipped; grades of cards no longer in the deck are kept in the log but ignored here.
 */
export function replay(f: FSRS, cards: readonly Card[], records: readonly LogRecord[], epoch = new Date(0)): ReadonlyMap<string, CardProgress> {
  return replayTail(f, 0, cards, records, null, undefined, epoch)!.progress;
}

