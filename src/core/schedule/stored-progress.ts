import type { FSRS } from 'ts-fsrs';
import type { Card } from '../deck/types.js';
import { recordsOfDeck } from '../store/deck-records.js';
import { readLog, readLogAfter, type LogPosition } from '../store/log-reader.js';
import type { LogRecord } from '../store/log-records.js';
import { loadSnapshot, type ReplaySnapshot } from '../store/snapshot-store.js';
import { replayTail, type Replayed } from './snapshot.js';

/** A deck's progress as stored: what replaying gave, with how much of the log was read. */
export interface StoredProgress extends Replayed {
  warnings: string[];
  /** Every record of the log when it had to be read whole (no snapshot fitted); undefined when only the part after the snapshot was read. */
  all: LogRecord[] | undefined;
  /** True when `snapshot()` covers more than the stored one: worth saving for the next start. */
  moved: boolean;
  /** When only the part after the snapshot was read: where the snapshot ends, and the records after it. */
  tail: { from: LogPosition; records: LogRecord[] } | undefined;
}

/**
 * Every deck card's progress from its review log, reading only the part after the deck's
 * snapshot when the snapshot still fits the log (see {@link replayTail}), and the whole log
 * otherwise. `deck` is the deck's progress key: records naming another deck are skipped. Writes
 * nothing but the log's own crash repairs (see readLog), and with `repair: false` not even those.
 */
export function readStoredProgress(
  f: FSRS,
  retention: number,
  cards: readonly Card[],
  logFile: string,
  dataDir: string,
  deck: string,
  opts: { repair?: boolean } = {},
): StoredProgress {
  const base = loadSnapshot(dataDir, deck);
  if (base) {
    const read = readLogAfter(logFile, base.at, opts);
    const tail = read && recordsOfDeck(read, deck);
    const replayed = tail && replayTail(f, retention, cards, tail.records, base, tail.end);
    if (tail && replayed) {
      return { ...replayed, warnings: tail.warnings, all: undefined, moved: moved(base, replayed.end), tail: { from: base.at, records: tail.records } };
    }
  }
  const { records, warnings, end } = recordsOfDeck(readLog(logFile, opts), deck);
  const replayed = replayTail(f, retention, cards, records, null, end)!;
  // A stored snapshot that did not fit is replaced at once.
  return { ...replayed, warnings, all: records, moved: records.length > 0 && replayed.end !== undefined, tail: undefined };
}

function moved(old: ReplaySnapshot, end: LogPosition | undefined): boolean {
  return end !== undefined && (old.at.offset !== end.offset || old.at.last?.hash !== end.last?.hash);
}
