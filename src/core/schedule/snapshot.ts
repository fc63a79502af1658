import { createHash } from 'node:crypto';
import { createEmptyCard, type Card as FsrsCard, type FSRS } from 'ts-fsrs';
import type { Card } from '../deck/types.js';
import type { LogPosition } from '../store/log-reader.js';
import type { GradeRecord, LogRecord } from '../store/review-log.js';
import { digestCheckedOnRead, SNAPSHOT_VERSION, type ReplaySnapshot } from '../store/snapshot-store.js';
import { addGrade, nextState, NO_GRADES, type CardProgress, type GradeMark } from './progress.js';

// A card in a snapshot is one flat row, numbers for dates: 10,000 of them are read at every start.
// [due, stability, difficulty, elapsed_days, scheduled_days, learning_steps, reps, lapses, state,
//  last_review | null, count, first [grade, at] | null, last [grade, at, ms | null] | null, typed [text, at] | null]
type Row = unknown[];
const FSRS_NUMBERS = 9;

const isNum = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
const isGrade = (x: unknown): x is 1 | 2 | 3 | 4 => x === 1 || x === 2 || x === 3 || x === 4;
// The times of grade marks are only shown and compared, never scheduled from: a string will do
// (parsing 30,000 of them would cost every start more than the rest of the snapshot).
const isTime = (x: unknown): x is string => typeof x === 'string';

function markOf(x: unknown, withMs: boolean): GradeMark | null | undefined {
  if (x === null) return null;
  if (!Array.isArray(x) || !isGrade(x[0]) || !isTime(x[1])) return undefined;
  if (!withMs || x[2] === null) return { grade: x[0], at: x[1] };
  return isNum(x[2]) ? { grade: x[0], at: x[1], ms: x[2] } : undefined;
}

/** A row back to a card's progress, or undefined when it is damaged (a damaged value would turn into NaN dates in every schedule). */
function decode(row: unknown): CardProgress | undefined {
  if (!Array.isArray(row) || row.length !== 14) return undefined;
  for (let i = 0; i < FSRS_NUMBERS; i++) if (!isNum(row[i])) return undefined;
  const [due, stability, difficulty, elapsed_days, scheduled_days, learning_steps, reps, lapses, state, last, count] = row as number[];
  if ((last !== null && !isNum(last)) || !isNum(count) || count < 1) return undefined;
  const first = markOf(row[11], false);
  const lastMark = markOf(row[12], true);
  const t = row[13] as unknown;
  const typed = t === null ? null : Array.isArray(t) && typeof t[0] === 'string' && isTime(t[1]) ? { text: t[0], at: t[1] } : undefined;
  if (first === undefined || lastMark === undefined || typed === undefined) return undefined;
  const fsrs: FsrsCard = {
    due: new Date(due!),
    stability: stability!,
    difficulty: difficulty!,
    elapsed_days: elapsed_days!,
    scheduled_days: scheduled_days!,
    learning_steps: learning_steps!,
    reps: reps!,
    lapses: lapses!,
    state: state!,
    last_review: last === null ? undefined : new Date(last!),
  };
  return { fsrs, history: { count: count!, first, last: lastMark, typed } };
}

function encode(p: CardProgress): Row {
  const c = p.fsrs;
  const { count, first, last, typed } = p.history;
  return [
    c.due.getTime(), c.stability, c.difficulty, c.elapsed_days, c.scheduled_days, c.learning_steps, c.reps, c.lapses, c.state,
    c.last_review ? c.last_review.getTime() : null,
    count,
    first && [first.grade, first.at],
    last && [last.grade, last.at, last.ms ?? null],
    typed && [typed.text, typed.at],
  ];
}

/**
 * The checksum of a snapshot's own content (everything but the digest). The log before `at` is
 * checked by the hash of the line ending there, so this need not read the whole log: it only
 * makes a hand-edited snapshot fail to fit.
 */
export function snapshotDigest(snap: Omit<ReplaySnapshot, 'digest'>): string {
  const { v, retention, at, cards, undone, lastPractised } = snap;
  // As an object in this order: the same text as the file holds, which a start checks as read.
  return createHash('sha256').update(JSON.stringify({ v, retention, at, cards, undone, lastPractised })).digest('hex');
}

/** The progress of every card in a snapshot, or null when it does not fit (version, retention, a damaged row, a wrong digest). */
function unpack(snap: ReplaySnapshot, retention: number): Map<string, CardProgress> | null {
  if (typeof snap.digest !== 'string' || (!digestCheckedOnRead(snap) && snap.digest !== snapshotDigest(snap))) return null;
  if (snap.v !== SNAPSHOT_VERSION || snap.retention !== retention || typeof snap.cards !== 'object' || snap.cards === null) return null;
  if (!Array.isArray(snap.undone) || !(snap.lastPractised === null || isNum(snap.lastPractised))) return null;
  const out = new Map<string, CardProgress>();
  for (const id of Object.keys(snap.cards)) {
    const p = decode(snap.cards[id]);
    if (!p) return null;
    out.set(id, p);
  }
  return out;
}

/** What replaying gave: every deck card's progress, and the snapshot to store for the next start (when the log's end is known). */
export interface Replayed {
  progress: Map<string, CardProgress>;
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
  const states = base ? unpack(base, retention) : new Map<string, CardProgress>();
  if (!states) return null;
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
    const p = states.get(g.card);
    states.set(g.card, {
      fsrs: nextState(f, p?.fsrs ?? createEmptyCard(epoch), g),
      history: addGrade(p?.history ?? NO_GRADES, g),
    });
    practised(g.at);
  }

  const progress = new Map<string, CardProgress>();
  for (const c of cards) progress.set(c.id, states.get(c.id) ?? { fsrs: createEmptyCard(epoch), history: NO_GRADES });
  // Encoded when asked for (after the first frame), not before.
  const snapshot = (): ReplaySnapshot | undefined => {
    if (!end) return undefined;
    const content: Omit<ReplaySnapshot, 'digest'> = {
      v: SNAPSHOT_VERSION,
      retention,
      at: end,
      cards: Object.fromEntries([...states].map(([id, p]) => [id, encode(p)])),
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
export function replay(f: FSRS, cards: readonly Card[], records: readonly LogRecord[], epoch = new Date(0)): Map<string, CardProgress> {
  return replayTail(f, 0, cards, records, null, undefined, epoch)!.progress;
}

