import { clockSkewNote, scheduleFromNow } from '../core/schedule/clock-skew.js';
import { progressKey } from '../core/deck/progress-key.js';
import type { Deck } from '../core/deck/types.js';
import { scheduler } from '../core/schedule/fsrs.js';
import type { CardProgress } from '../core/schedule/progress.js';
import { readStoredProgress } from '../core/schedule/stored-progress.js';
import { reviewLogPath, type PrepPaths } from '../core/store/paths.js';
import { ReviewLog } from '../core/store/review-log.js';
import { saveSnapshot } from '../core/store/snapshot-store.js';
import { keepTally } from '../core/stats/stored-tally.js';

/** A deck's review log, opened, and every card's progress rebuilt from it. */
export interface LoadedProgress {
  log: ReviewLog;
  progress: ReadonlyMap<string, CardProgress>;
  warnings: string[];
  /** Stores the snapshot (and the stats' tally) for the next start if it moved on; call it after the first frame. */
  saveSnapshot(): void;
}

/** Opens the log for appending and rebuilds progress, reading only what follows the deck's snapshot when it fits. */
export function loadProgress(paths: PrepPaths, deck: Deck, retention: number): LoadedProgress {
  const key = progressKey(deck);
  const file = reviewLogPath(paths.logsDir, key);
  const log = ReviewLog.forAppending(file);
  const stored = readStoredProgress(scheduler(retention), retention, deck.cards, file, paths.dataDir, key);
  // The snapshot keeps the states as replayed; only what is shown is moved to start from now.
  const { progress, moved } = scheduleFromNow(stored.progress, new Date());
  return {
    log,
    progress,
    warnings: moved.length > 0 ? [...stored.warnings, clockSkewNote(moved)] : stored.warnings,
    saveSnapshot: () => {
      const snapshot = stored.moved ? stored.snapshot() : undefined;
      if (snapshot) saveSnapshot(paths.dataDir, key, snapshot);
      // What `prep stats` counts, kept up to the same place, so it reads only what follows.
      keepTally(paths.dataDir, key, file, stored);
    },
  };
}
