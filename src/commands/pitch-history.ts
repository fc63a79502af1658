import { deletionRecord, findAttempt } from '../core/pitch/delete-attempt.js';
import { pitchAttempts } from '../core/pitch/history.js';
import { formatDiff, formatSeconds, pitchTargetSeconds, verdict } from '../core/pitch/timing.js';
import { reviewLogPath } from '../core/store/paths.js';
import { readLog } from '../core/store/log-reader.js';
import { recordsOfDeck } from '../core/store/deck-records.js';
import { progressKey } from '../core/deck/progress-key.js';
import { inert } from '../core/text/inert.js';
import { ReviewLog } from '../core/store/review-log.js';
import type { PitchRecord } from '../core/store/log-records.js';
import { processIO, type CommandIO } from './command-io.js';
import { context, openDeck, reportOnDeck } from './context.js';
import type { Deck } from '../core/deck/types.js';
import { UserError } from './user-error.js';
import { pitchCardOf } from './pitch-card.js';

const pad = (n: number) => String(n).padStart(2, '0');
/** Local date and time to the minute: "2026-11-29 14:05". */
function when(iso: string): string {
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

function line(a: PitchRecord, target: number): string {
  const beats = a.beatsTotal > 0 ? ` · ${a.beats.length}/${a.beatsTotal} beats` : '';
  return `${a.id}  ${when(a.at)}  ${formatSeconds(a.ms).padStart(6)}  ${formatDiff(a.ms, target).padStart(7)}  ${verdict(a.ms, target)}${beats}`;
}

/** `prep pitch <deck> --history`: every saved attempt with its id, oldest first. Reads only. */
export async function pitchHistory(deckArg: string, opts: { json?: boolean }, io: CommandIO = processIO()): Promise<number> {
  const { paths, dirs } = context(io.env);
  // Reads only: the deck cache is used when there, never written, and none of its card texts
  // (10 MB at 10,000 cards) is read: the history shows the deck's title and the pitch's target.
  const lines = await reportOnDeck(deckArg, dirs, paths.cacheDir, io.cwd, (deck, again) => historyLines(deck, opts, paths, again ? () => {} : io.err));
  for (const l of lines) io.out(l);
  return 0;
}

/** What `--history` prints, line by line; warnings about the log go to `warn`. */
function historyLines(deck: Deck, opts: { json?: boolean }, paths: ReturnType<typeof context>['paths'], warn: (line: string) => void): string[] {
  const target = pitchTargetSeconds(pitchCardOf(deck));
  const key = progressKey(deck);
  // Reads only: a torn line is skipped here and repaired by the next command that writes.
  const { records, warnings } = recordsOfDeck(readLog(reviewLogPath(paths.logsDir, key), { repair: false }), key);
  for (const w of warnings) warn(`prep: ${inert(w)}`);
  const attempts = pitchAttempts(records, key);
  if (opts.json) {
    return [JSON.stringify(attempts.map((a) => ({ id: a.id, at: a.at, seconds: a.ms / 1000, verdict: verdict(a.ms, target), beats: a.beats.length, beatsTotal: a.beatsTotal })), null, 2)];
  }
  if (attempts.length === 0) return [`No pitch attempt saved for ${deck.title} yet.`];
  return [
    `${attempts.length} pitch attempt${attempts.length === 1 ? '' : 's'} of ${deck.title}, target ${target} s (oldest first):`,
    ...attempts.map((a) => line(a, target)),
    `Delete one with: prep pitch ${deck.name} --delete ID`,
  ];
}

/** `prep pitch <deck> --delete ID`: leaves an attempt out of history, stats and the chart from now on. */
export async function pitchDelete(deckArg: string, id: string, io: CommandIO = processIO()): Promise<number> {
  const { paths, dirs } = context(io.env);
  const deck = await openDeck(deckArg, dirs, paths.cacheDir, io.cwd);
  const target = pitchTargetSeconds(pitchCardOf(deck));
  const key = progressKey(deck);
  const opened = ReviewLog.open(reviewLogPath(paths.logsDir, key));
  const { log } = opened;
  const { records, warnings } = recordsOfDeck(opened, key);
  try {
    for (const w of warnings) io.err(`prep: ${inert(w)}`);
    const found = findAttempt(pitchAttempts(records, key), id);
    if (typeof found === 'string') throw new UserError(`${found} in ${deck.name} (see: prep pitch ${deck.name} --history)`);
    log.append(deletionRecord(found, Date.now()));
    io.out(`Deleted ${line(found, target)}`);
    io.out('It is left out of the history, stats and chart; the log keeps a record of the deletion.');
    return 0;
  } finally {
    log.close();
  }
}
