import type { Deck } from '../core/deck/types.js';
import { scheduler } from '../core/schedule/fsrs.js';
import type { CardProgress } from '../core/schedule/progress.js';
import { readStoredProgress } from '../core/schedule/stored-progress.js';
import { reviewLogPath, type PrepPaths } from '../core/store/paths.js';
import { ReviewLog } from '../core/store/review-log.js';
import { saveSnapshot } from '../core/store/snapshot-store.js';

/** A deck's review log, opened, and every card's progress rebuilt from it. */
export interface LoadedProgress {
  log: ReviewLog;
  progress: Map<string, CardProgress>;
  warnings: string[];
  /** Stores the snapshot for the next start if it moved on; call it after the first frame. */
  saveSnapshot(): void;
}

/** Opens the log for appending and rebuilds progress, reading only what follows the deck's snapshot when it fits. */
export function loadProgress(paths: PrepPaths, deck: Deck, retention: number): LoadedProgress {
  const file = reviewLogPath(paths.logsDir, deck.name);
  const log = ReviewLog.forAppending(file);
  const stored = readStoredProgress(scheduler(retention), retention, deck.cards, file, paths.dataDir, deck.name);
  return {
    log,
    progress: stored.progress,
    warnings: stored.warnings,
    saveSnapshot: () => {
      const snapshot = stored.moved ? stored.snapshot() : undefined;
      if (snapshot) saveSnapshot(paths.dataDir, deck.name, snapshot);
    },
  };
}
