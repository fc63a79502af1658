import pkg from '../../package.json' with { type: 'json' };
import { context } from './context.js';
import { shownPath } from './command-io.js';
import { outputColumns, readProgress, readSettings, writeOut } from './report-io.js';
import { wantsColour } from '../ui/theme.js';
import { listDecks, type DeckRef } from '../core/deck/locate.js';
import { openDeckFile } from '../core/deck/open-deck-file.js';
import { DeckError, formatProblem } from '../core/deck/types.js';
import { brokenDeck, deckOrder, summarizeDeck, type DeckSummary } from '../core/stats/deck-summary.js';
import { interviewOf } from '../core/schedule/interview.js';
import { listJson } from '../core/stats/json-shapes.js';
import { inert } from '../core/text/inert.js';
import type { PrepPaths } from '../core/store/paths.js';
import type { SettingsValues } from '../core/store/settings.js';

export interface ListOptions {
  json?: boolean;
}

/** A deck's failure in one line: its first problem, and how many more there are. */
function oneLine(err: unknown): string {
  if (err instanceof DeckError) {
    const [first, ...rest] = err.problems;
    const head = first ? formatProblem(first) : err.message;
    return rest.length ? `${head} (and ${rest.length} more)` : head;
  }
  return err instanceof Error ? err.message.split('\n')[0]! : String(err);
}

async function summarize(
  ref: DeckRef,
  settings: SettingsValues,
  paths: Pick<PrepPaths, 'cacheDir' | 'logsDir' | 'dataDir'>,
  now: Date,
  warn: (w: string) => void,
): Promise<DeckSummary> {
  try {
    const opened = await openDeckFile(ref.path, {
      displayPath: shownPath(ref.path, process.cwd()),
      cacheDir: paths.cacheDir,
      salt: pkg.version,
      // A report only looks: it reads the deck cache but never fills it.
      cacheReadOnly: true,
      // The list shows no card's text: read only the cache's index, not its 10 MB of texts.
      textsOnDemand: true,
    });
    const deck = ref.key === opened.name ? opened : { ...opened, key: ref.key };
    const stored = readProgress(paths, deck, settings.retention);
    stored.warnings.forEach(warn);
    return summarizeDeck(ref, deck, stored, { now, retention: settings.retention, interview: interviewOf(deck, settings.interviews) });
  } catch (err) {
    // One bad deck (or unreadable log) must not hide the others.
    return brokenDeck(ref, oneLine(err));
  }
}

/**
 * Every deck, the user's and the shipped ones, summarised as of `now` in the order the list and
 * the home screen show them (deckOrder). Reads only; warnings go to `warn`.
 */
export async function deckSummaries(now: Date, warn: (w: string) => void): Promise<DeckSummary[]> {
  const { paths, dirs } = context();
  const settings = readSettings(paths.configDir);
  settings.warnings.forEach(warn);
  const decks: DeckSummary[] = [];
  for (const ref of listDecks(dirs)) decks.push(await summarize(ref, settings.values, paths, now, warn));
  return deckOrder(decks);
}

/** `prep list`: every deck, the user's and the shipped ones, drawn once (or printed as JSON). */
export async function list(opts: ListOptions, now = new Date()): Promise<number> {
  const { paths } = context();
  const warn = (w: string) => process.stderr.write(`prep: ${inert(w)}\n`);
  const decks = await deckSummaries(now, warn);

  if (opts.json) {
    writeOut(JSON.stringify(decks.map(listJson), null, 2));
    return 0;
  }
  const [{ renderToString }, { ListScreen }] = await Promise.all([import('ink'), import('../ui/screens/list-screen.js')]);
  const columns = outputColumns();
  const screen = <ListScreen decks={decks} now={now} columns={columns} colour={wantsColour()} decksDir={paths.decksDir} />;
  writeOut(renderToString(screen, { columns }));
  return 0;
}
