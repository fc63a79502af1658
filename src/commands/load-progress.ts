import { clockSkewNote, scheduleFromNow } from '../core/schedule/clock-skew.js';
import { recordsOfDeck } from '../core/store/deck-records.js';
import { progressKey } from '../core/deck/progress-key.js';
import type { Deck } from '../core/deck/types.js';
import { scheduler } from '../core/schedule/fsrs.js';
import type { CardProgress } from '../core/schedule/progress.js';
import { replayFrom } from '../core/schedule/snapshot.js';
import { reviewLogPath, type PrepPaths } from '../core/store/paths.js';
import { ReviewLog, type LogRecord } from '../core/store/review-log.js';
import { loadSnapshot, saveSnapshot, type ReplaySnapshot } from '../core/store/snapshot-store.js';

/** A deck's review log, opened, and every card's progress rebuilt from it. */
export interface LoadedProgress {
  log: ReviewLog;
  records: LogRecord[];
  progress: Map<string, CardProgress>;
  warnings: string[];
  /** Stores the snapshot for the next start if it moved on; call it after the first frame. */
  saveSnapshot(): void;
}

/** Opens the log and replays it, from the deck's snapshot when it still fits the log. */
export function loadProgress(paths: PrepPaths, deck: Deck, retention: number): LoadedProgress {
  const opened = ReviewLog.open(reviewLogPath(paths.logsDir, progressKey(deck)));
  const { log } = opened;
  const { records, warnings } = recordsOfDeck(opened, progressKey(deck));
  const old = loadSnapshot(paths.dataDir, progressKey(deck));
  const { progress, snapshot, reused } = replayFrom(scheduler(retention), retention, deck.cards, records, old);
  const stale = !reused || (old as ReplaySnapshot).count !== snapshot.count;
  const { progress: fromNow, moved } = scheduleFromNow(progress, new Date());
  return {
    log,
    records,
    progress: fromNow,
    warnings: moved.length > 0 ? [...warnings, clockSkewNote(moved)] : warnings,
    saveSnapshot: () => {
      if (stale && records.length > 0) saveSnapshot(paths.dataDir, progressKey(deck), snapshot);
    },
  };
}
