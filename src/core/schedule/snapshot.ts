import { createHash } from 'node:crypto';
import { createEmptyCard, type Card as FsrsCard, type FSRS } from 'ts-fsrs';
import type { Card } from '../deck/types.js';
import type { GradeRecord, LogRecord } from '../store/review-log.js';
import { nextState, type CardProgress } from './progress.js';
import type { ReplaySnapshot } from '../store/snapshot-store.js';

/** The digest of a snapshot's states over the first `count` records (see ReplaySnapshot.digest). */
function digestOf(cards: Record<string, unknown>, records: readonly LogRecord[], count: number): string {
  const h = createHash('sha256');
  for (let i = 0; i < count; i++) h.update(`${records[i]!.id}\n`);
  return h.update(JSON.stringify(cards)).digest('hex');
}

// A stored snapshot holds ISO strings; one made in this process still holds Dates.
const isTime = (x: unknown): boolean => (typeof x === 'string' || x instanceof Date) && !Number.isNaN(new Date(x).getTime());
const isNumber = (x: unknown): boolean => typeof x === 'number' && Number.isFinite(x);
const NUMBERS = ['stability', 'difficulty', 'elapsed_days', 'scheduled_days', 'learning_steps', 'reps', 'lapses', 'state'] as const;

/** A card state as JSON holds it: a damaged value would turn into NaN dates in every schedule. */
function isCardState(c: unknown): boolean {
  if (typeof c !== 'object' || c === null) return false;
  const card = c as Record<string, unknown>;
  return isTime(card.due) && (card.last_review === undefined || isTime(card.last_review)) && NUMBERS.every((k) => isNumber(card[k]));
}

/** True when `snap` describes a prefix of `records` that later undos do not reach into. */
function fits(snap: ReplaySnapshot, records: readonly LogRecord[], retention: number): boolean {
  if (snap.v !== 1 || snap.retention !== retention || typeof snap.cards !== 'object' || snap.cards === null) return false;
  if (!Object.values(snap.cards).every(isCardState)) return false;
  if (!Number.isInteger(snap.count) || snap.count < 0 || snap.count > records.length) return false;
  if (snap.count > 0 && records[snap.count - 1]?.id !== snap.lastId) return false;
  if (snap.digest !== digestOf(snap.cards, records, snap.count)) return false;
  const lateUndos = new Set<string>();
  for (let i = snap.count; i < records.length; i++) {
    const r = records[i]!;
    if (r.type === 'undo') lateUndos.add(r.target);
  }
  if (lateUndos.size === 0) return true;
  for (let i = 0; i < snap.count; i++) if (lateUndos.has(records[i]!.id)) return false;
  return true;
}

function revive(c: FsrsCard): FsrsCard {
  return { ...c, due: new Date(c.due), last_review: c.last_review ? new Date(c.last_review) : undefined };
}

/**
 * Rebuilds every deck card's progress from the log, starting from `snap` when it fits, and
 * returns a fresh snapshot covering the whole log. Undone grades are skipped; grades of cards
 * no longer in the deck keep their state in the snapshot, so an id that comes back resumes.
 */
export function replayFrom(
  f: FSRS,
  retention: number,
  cards: readonly Card[],
  records: readonly LogRecord[],
  snap?: ReplaySnapshot | null,
  epoch = new Date(0),
): { progress: Map<string, CardProgress>; snapshot: ReplaySnapshot; reused: boolean } {
  const reused = !!snap && fits(snap, records, retention);
  const states = new Map<string, FsrsCard>();
  if (reused) for (const [id, c] of Object.entries(snap!.cards)) states.set(id, revive(c));

  const undone = new Set<string>();
  for (const r of records) if (r.type === 'undo') undone.add(r.target);
  const grades = new Map<string, GradeRecord[]>(cards.map((c) => [c.id, []]));
  const start = reused ? snap!.count : 0;
  records.forEach((r, i) => {
    if (r.type !== 'grade' || undone.has(r.id)) return;
    grades.get(r.card)?.push(r);
    if (i >= start) states.set(r.card, nextState(f, states.get(r.card) ?? createEmptyCard(epoch), r));
  });

  const progress = new Map<string, CardProgress>();
  for (const c of cards) progress.set(c.id, { fsrs: states.get(c.id) ?? createEmptyCard(epoch), grades: grades.get(c.id)! });
  const snapshot: ReplaySnapshot = {
    v: 1,
    retention,
    count: records.length,
    lastId: records.at(-1)?.id ?? null,
    cards: Object.fromEntries(states),
  };
  snapshot.digest = digestOf(snapshot.cards, records, records.length);
  return { progress, snapshot, reused };
}

/**
 * Rebuilds every card's progress from the review log, in log order. Undone grades are skipped;
 * grades of cards no longer in the deck are kept in the log but ignored here.
 */
export function replay(
  f: FSRS,
  cards: readonly Card[],
  records: readonly LogRecord[],
  epoch = new Date(0),
): Map<string, CardProgress> {
  return replayFrom(f, 0, cards, records, null, epoch).progress;
}
