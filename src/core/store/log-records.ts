import { randomBytes } from 'node:crypto';
import { firstControl, inert } from '../text/inert.js';

/** How well the answer was recalled: 1 Again, 2 Hard, 3 Good, 4 Easy. */
export type Grade = 1 | 2 | 3 | 4;

/** One answer graded by the user. */
export interface GradeRecord {
  v: 1;
  type: 'grade';
  id: string;
  deck: string;
  card: string;
  grade: Grade;
  /** ISO 8601 time of the grade. */
  at: string;
  /** How long the user took to answer, in milliseconds. */
  ms?: number;
  /** Graded before the card was due (extra practice). */
  early?: boolean;
  /** What the user typed, in 'type' answer mode. */
  typed?: string;
  /** The id of the mock interview (`prep mock`) this grade was given in; always with `early`. */
  mock?: string;
}

/**
 * Cancels an earlier record (the log itself is never rewritten): a grade taken back in the
 * drill, or a pitch attempt deleted with `prep pitch --delete`. One record type for both, so a
 * prep from before deletions reads such a log without a warning (it still shows the attempt).
 */
export interface UndoRecord {
  v: 1;
  type: 'undo';
  id: string;
  deck: string;
  /** The id of the grade or pitch attempt cancelled. */
  target: string;
  at: string;
}

/** One timed run of the user's pitch. */
export interface PitchRecord {
  v: 1;
  type: 'pitch';
  id: string;
  deck: string;
  ms: number;
  /** 0-based indices of the beats the user marked as hit, ascending (empty when not asked, as in the drill). */
  beats: number[];
  beatsTotal: number;
  at: string;
}

/** One answer of a mock interview, as the scorecard showed it. */
export interface MockItemRecord {
  card: string;
  kind: 'question' | 'pitch' | 'ask';
  /** How long the answer took; null when it was skipped. */
  ms: number | null;
  /** The card's target in seconds, if it has one. */
  target: number | null;
  skipped: boolean;
  /** The grade given in the scorecard; null when none was given. */
  grade: Grade | null;
}

/** One rehearsal of the whole interview (`prep mock`): its history, whether or not graded. */
export interface MockRecord {
  v: 1;
  type: 'mock';
  /** Also the `mock` field of the grades given in it. */
  id: string;
  deck: string;
  /** When the rehearsal started. */
  at: string;
  /** From the first question to the scorecard. */
  ms: number;
  items: MockItemRecord[];
  /** False with --no-grade: the grades are in this record only, not in the schedule. */
  scheduled: boolean;
}

/** A line of the review log. */
export type LogRecord = GradeRecord | UndoRecord | PitchRecord | MockRecord;

/** Ids of the records that undo records cancel. */
export function cancelledIds(records: readonly LogRecord[]): Set<string> {
  const ids = new Set<string>();
  // Stryker disable next-line ConditionalExpression: other records have no target, and no record id is undefined
  for (const r of records) if (r.type === 'undo') ids.add(r.target);
  return ids;
}

/** The only record format version this build reads and writes. */
export const LOG_VERSION = 1;

/** A short random record id (12 hex characters, 48 bits: collisions are not a practical concern). */
export function newRecordId(): string {
  return randomBytes(6).toString('hex');
}

// Hand-written checks, not zod: a year of history is tens of thousands of lines, read at every
// start, and a schema library would also add its own start-up cost to every command.
type Check = (value: unknown) => boolean;
const text: Check = (x) => typeof x === 'string' && x.length > 0;
// A full timestamp as prep writes it (Date#toISOString), or with a zone offset: `at: "1"` would
// parse as the year 2001, and `+275760-09-13` as a date no report can show.
const FULL_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;
const isoTime: Check = (x) => typeof x === 'string' && FULL_ISO.test(x) && !Number.isNaN(Date.parse(x));
/** Records before this are taken for a clock set wrong. */
const EARLIEST = Date.UTC(2000, 0, 1);
const DAY = 86_400_000;
const millis: Check = (x) => typeof x === 'number' && Number.isFinite(x) && x >= 0;
const optional = (c: Check): Check => (x) => x === undefined || c(x);
const oneOf = (...xs: unknown[]): Check => (x) => xs.includes(x);

const nullOr = (c: Check): Check => (x) => x === null || c(x);
const mockItemShape: Array<[string, Check]> = [
  ['card', text],
  ['kind', oneOf('question', 'pitch', 'ask')],
  ['ms', nullOr(millis)],
  ['target', nullOr(millis)],
  ['skipped', (x) => typeof x === 'boolean'],
  ['grade', nullOr(oneOf(1, 2, 3, 4))],
];
const mockItem: Check = (x) =>
  typeof x === 'object' && x !== null && mockItemShape.every(([k, ok]) => ok((x as Record<string, unknown>)[k]));

const shapeOf: { [K in LogRecord['type']]: Record<string, Check> } = {
  grade: {
    id: text,
    deck: text,
    card: text,
    grade: oneOf(1, 2, 3, 4),
    at: isoTime,
    ms: optional(millis),
    early: optional((x) => typeof x === 'boolean'),
    typed: optional((x) => typeof x === 'string'),
    mock: optional(text),
  },
  undo: { id: text, deck: text, target: text, at: isoTime },
  pitch: {
    id: text,
    deck: text,
    ms: millis,
    beats: (x) => Array.isArray(x) && x.every(millis),
    beatsTotal: (x) => Number.isInteger(x) && (x as number) >= 0,
    at: isoTime,
  },
  mock: {
    id: text,
    deck: text,
    at: isoTime,
    ms: millis,
    items: (x) => Array.isArray(x) && x.every(mockItem),
    scheduled: (x) => typeof x === 'boolean',
  },
};

// As [key, check] lists, made once: a log is checked line by line at every start.
const shapes = new Map(Object.entries(shapeOf).map(([type, shape]) => [type, Object.entries(shape)]));

/**
 * The result of reading one line: a record, or why the line was skipped. `garbage` is false
 * when the line at least looks like a record (a JSON object), e.g. one from a newer prep.
 */
export type ParsedLine = { ok: true; record: LogRecord } | { ok: false; reason: string; garbage: boolean; ahead?: true };

/** Parses and validates one log line (without its newline). */
export function parseRecordLine(line: string, now = Date.now()): ParsedLine {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { ok: false, reason: 'not valid JSON', garbage: true };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, reason: 'not a record (expected a JSON object)', garbage: true };
  }
  const { v, type } = value as { v?: unknown; type?: unknown };
  if (v !== LOG_VERSION) {
    return { ok: false, reason: `unknown record version ${JSON.stringify(v) ?? 'missing'} (written by a newer prep?)`, garbage: v === undefined };
  }
  // Stryker disable next-line ConditionalExpression: a Map keyed by strings has nothing under other types either
  const shape = typeof type === 'string' ? shapes.get(type) : undefined;
  if (!shape) {
    return { ok: false, reason: `unknown record type ${JSON.stringify(type) ?? 'missing'}`, garbage: false };
  }
  const fields = value as Record<string, unknown>;
  for (const [key, ok] of shape) {
    if (!ok(fields[key])) return { ok: false, reason: `malformed ${type} record (${key}: invalid value)`, garbage: false };
  }
  const at = Date.parse(fields.at as string);
  if (at < EARLIEST || at > now + DAY) {
    const reason = `${type} record dated ${JSON.stringify(fields.at)}, outside 2000 to tomorrow (a clock set wrong?)`;
    // One dated ahead becomes a record like any other once its day comes: `ahead` tells the reader.
    return at > now + DAY ? { ok: false, reason, garbage: false, ahead: true } : { ok: false, reason, garbage: false };
  }
  // A log is a file anyone may have edited or copied from elsewhere: what the user typed is shown
  // again ("Last time you wrote"), so it gets the deck text's rule and can never act on a terminal.
  // Stryker disable next-line ConditionalExpression,LogicalOperator: inert() gives back a text without control characters, and a missing field, unchanged
  if (type === 'grade' && typeof fields.typed === 'string' && firstControl(fields.typed)) fields.typed = inert(fields.typed);
  return { ok: true, record: value as LogRecord };
}
