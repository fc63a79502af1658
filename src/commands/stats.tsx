import { progressKey } from '../core/deck/progress-key.js';
import { context, reportOnDeck } from './context.js';
import type { Deck } from '../core/deck/types.js';
import { outputColumns, readProgress, readSettings, writeOut } from './report-io.js';
import { wantsColour } from '../ui/theme.js';
import { deckStats } from '../core/stats/deck-stats.js';
import { interviewOf } from '../core/schedule/interview.js';
import { statsJson } from '../core/stats/json-shapes.js';
import { inert } from '../core/text/inert.js';
import type { LogRecord } from '../core/store/log-records.js';
import { streamLog } from '../core/store/log-stream.js';
import { storedTally } from '../core/stats/stored-tally.js';
import { reviewLogPath } from '../core/store/paths.js';

export interface StatsOptions {
  json?: boolean;
}

/** `prep stats <deck>`: every figure of one deck, drawn once (or printed as JSON), then exit. */
export async function stats(deckArg: string, opts: StatsOptions, now = new Date()): Promise<number> {
  const { paths, dirs } = context();
  // A report only looks: it reads the deck cache but never fills it, and of its 10 MB of card
  // texts (at 10,000 cards) only the ~20 it shows; should one of those be damaged, the report is
  // made again from the deck's file. Nothing is printed until the whole output is made.
  const out = await reportOnDeck(deckArg, dirs, paths.cacheDir, process.cwd(), (deck, again) => statsOutput(deck, opts, now, again));
  writeOut(out);
  return 0;
}

/** The stats of a deck, as the text to print; warnings go to stderr unless this is a second try. */
async function statsOutput(deck: Deck, opts: StatsOptions, now: Date, again: boolean): Promise<string> {
  const { paths } = context();
  const settings = readSettings(paths.configDir);
  const { retention, interviews } = settings.values;
  const stored = readProgress(paths, deck, retention);
  if (!again) for (const w of [...settings.warnings, ...stored.warnings]) process.stderr.write(`prep: ${inert(w)}\n`);

  // The counts need every record: those already in memory, or the tally stored with the snapshot
  // and the records read after it, or else one pass streaming the log. Records naming another
  // deck are skipped, as reading the log for progress skips them.
  const key = progressKey(deck);
  // With no record after it, the tally's figures are all that is read of it.
  const tally = stored.tail && storedTally(paths.dataDir, key, stored.tail.from, now, stored.tail.records.length === 0);
  const eachRecord = (visit: (r: LogRecord) => void) =>
    tally
      ? stored.tail!.records.forEach(visit)
      : streamLog(reviewLogPath(paths.logsDir, key), (r) => {
          if (r.deck === key) visit(r);
        });
  const log = stored.all ? { records: stored.all } : { stored, eachRecord, tally: tally ?? undefined };
  const s = deckStats({ deck, now, retention, interview: interviewOf(deck, interviews), ...log });
  if (opts.json) return JSON.stringify(statsJson(s), null, 2);
  const columns = outputColumns();
  const colour = wantsColour();
  // The picture as plain text, the same as Ink draws it but without loading Ink (a third of the
  // command's time at 10,000 cards); Ink only for a layout the plain drawing does not work out.
  const { statsText } = await import('../ui/screens/stats-text.js');
  const { NotPlain } = await import('../ui/text-blocks.js');
  try {
    return statsText(s, columns, colour);
  } catch (err) {
    if (!(err instanceof NotPlain)) throw err;
  }
  const [{ renderToString }, { StatsScreen }] = await Promise.all([import('ink'), import('../ui/screens/stats-screen.js')]);
  return renderToString(<StatsScreen stats={s} columns={columns} colour={colour} />, { columns });
}
