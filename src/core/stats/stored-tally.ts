import { DAY_MS, zoneSignature } from '../schedule/day.js';
import type { StoredProgress } from '../schedule/stored-progress.js';
import type { LogPosition } from '../store/log-reader.js';
import { streamLog } from '../store/log-stream.js';
import { readTally, samePosition, saveTally, type StoredTally, type TallyHead } from '../store/tally-store.js';
import { LogTally, tallyFromLines, windowFrom } from './log-tally.js';

// The time zone is checked over the span a later `prep stats` can draw from the tally: its
// calendar reaches 12 weeks and 6 days back, and a record may be dated up to a day ahead.
const ZONE_BEFORE_MS = 100 * DAY_MS;
const ZONE_AFTER_MS = 3 * DAY_MS;

function zoneFits(head: TallyHead): boolean {
  return zoneSignature(head.zone.from, head.zone.to) === head.zone.sig;
}

/** The tally of a file's lines, whole or (`figuresOnly`) for its figures alone; null when they are not a tally. */
function parsed(read: StoredTally, figuresOnly = false): LogTally | null {
  try {
    if (read.lines !== 2) return null;
    const figures: unknown = JSON.parse(read.line(0));
    return figuresOnly ? tallyFromLines(figures) : tallyFromLines(figures, JSON.parse(read.line(1)));
  } catch {
    return null;
  }
}

/**
 * The stored tally of a deck's log up to `at` (where its snapshot ends), when it fits: counted
 * up to that very position, in a time zone that puts the study days where this one does, and
 * keeping the grades of the window of `now` one by one. Null otherwise: count the whole log.
 * With `figuresOnly` (no record follows `at`), only what the figures are drawn from is parsed,
 * and the tally cannot count more records.
 */
export function storedTally(dataDir: string, key: string, at: LogPosition, now: Date, figuresOnly = false): LogTally | null {
  const read = readTally(dataDir, key);
  if (!read || !samePosition(read.head.at, at) || !zoneFits(read.head)) return null;
  const tally = parsed(read, figuresOnly);
  return tally?.answersFor(now) ? tally : null;
}

/**
 * Brings a deck's stored tally up to where `stored` (the progress a start just read) ends, for
 * the next `prep stats`: the stored one and the records read after it when it fits, else the
 * records read when the whole log was, else one pass over the log up to that end. Called after
 * the first frame, by the commands that keep the snapshot; best effort, as the snapshot.
 */
export function keepTally(dataDir: string, key: string, logFile: string, stored: StoredProgress, now = new Date()): void {
  try {
    keep(dataDir, key, logFile, stored, now);
  } catch {
    // A log that cannot be read now: the next `prep stats` counts it whole, and says why.
  }
}

function keep(dataDir: string, key: string, logFile: string, stored: StoredProgress, now: Date): void {
  const end = stored.end;
  if (!end || end.offset === 0) return;
  const read = readTally(dataDir, key);
  // Stryker disable next-line ConditionalExpression: a tally taken as not fitting is counted again from the log: the same figures, only slower
  const fits = read !== null && zoneFits(read.head);
  // Stryker disable next-line ConditionalExpression: a tally already at the log's end, saved again, is the same tally
  if (fits && samePosition(read.head.at, end)) return;
  let tally = fits && stored.tail && samePosition(read.head.at, stored.tail.from) ? parsed(read) : null;
  // Stryker disable next-line ConditionalExpression: counting the log again instead gives the same figures, only slower
  if (tally?.answersFor(now)) {
    for (const r of stored.tail!.records) tally.add(r, stored.undone, key);
  } else {
    const fresh = new LogTally(windowFrom(now));
    // Stryker disable next-line ConditionalExpression: reading the log instead of the records already read gives the same records
    if (stored.all) for (const r of stored.all) fresh.add(r, stored.undone, key);
    else
      streamLog(
        logFile,
        (r) => {
          if (r.deck === key) fresh.add(r, stored.undone, key);
        },
        end.offset,
      );
    tally = fresh;
  }
  const from = now.getTime() - ZONE_BEFORE_MS;
  const to = now.getTime() + ZONE_AFTER_MS;
  saveTally(dataDir, key, { at: end, zone: { from, to, sig: zoneSignature(from, to) } }, tally.toLines(windowFrom(now)));
}
