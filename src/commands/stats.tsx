import { progressKey } from '../core/deck/progress-key.js';
import { context, openDeck } from './context.js';
import { outputColumns, readProgress, readSettings, writeOut } from './report-io.js';
import { wantsColour } from '../ui/theme.js';
import { deckStats } from '../core/stats/deck-stats.js';
import { interviewOf } from '../core/schedule/interview.js';
import { statsJson } from '../core/stats/json-shapes.js';
import { inert } from '../core/text/inert.js';

export interface StatsOptions {
  json?: boolean;
}

/** `prep stats <deck>`: every figure of one deck, drawn once (or printed as JSON), then exit. */
export async function stats(deckArg: string, opts: StatsOptions, now = new Date()): Promise<number> {
  const { paths, dirs } = context();
  // A report only looks: it reads the deck cache but never fills it.
  const deck = await openDeck(deckArg, dirs, paths.cacheDir, process.cwd(), true);
  const settings = readSettings(paths.configDir);
  const { records, warnings, snapshot } = readProgress(paths, progressKey(deck));
  for (const w of [...settings.warnings, ...warnings]) process.stderr.write(`prep: ${inert(w)}\n`);

  const { retention, interviews } = settings.values;
  const s = deckStats({ deck, records, now, retention, interview: interviewOf(deck, interviews), snapshot });
  if (opts.json) {
    writeOut(JSON.stringify(statsJson(s), null, 2));
    return 0;
  }
  // Ink only for the picture: a script asking for JSON never loads it.
  const [{ renderToString }, { StatsScreen }] = await Promise.all([import('ink'), import('../ui/screens/stats-screen.js')]);
  const columns = outputColumns();
  writeOut(renderToString(<StatsScreen stats={s} columns={columns} colour={wantsColour()} />, { columns }));
  return 0;
}
