import { progressKey } from '../core/deck/progress-key.js';
import { statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { context, openDeck } from './context.js';
import { shownPath } from './command-io.js';
import { outputColumns, readRecords, readSettings } from './report-io.js';
import { UserError } from './user-error.js';
import { writeFileAtomic } from '../core/store/atomic-write.js';
import { describeFsError, StoreError } from '../core/store/store-error.js';
import { wantsColour } from '../ui/theme.js';
import { sheetText } from '../ui/sheet-text.js';
import { interviewSheet } from '../core/stats/sheet.js';
import { interviewOf } from '../core/schedule/interview.js';
import { inert } from '../core/text/inert.js';

export interface SheetOptions {
  markdown?: boolean;
  out?: string;
}

/** The sheet is printed for an 80-column page, or narrower on a narrower terminal. */
const PAGE = 80;

/** `prep sheet <deck>`: the one-page interview-day summary, on stdout or to `--out`. Writes nothing else. */
export async function sheet(deckArg: string, opts: SheetOptions, now = new Date()): Promise<number> {
  const { paths, dirs } = context();
  // No parse cache either: the sheet leaves the data folder exactly as it was.
  const deck = await openDeck(deckArg, dirs);
  const settings = readSettings(paths.configDir);
  const { records, warnings } = readRecords(paths, progressKey(deck));
  for (const w of [...settings.warnings, ...warnings]) process.stderr.write(`prep: ${inert(w)}\n`);
  const s = interviewSheet({ deck, records, retention: settings.values.retention, interview: interviewOf(deck, settings.values.interviews), now });

  if (opts.out !== undefined) {
    writeAtomically(resolve(opts.out), sheetText(s, 'markdown', { width: PAGE, colour: false }));
    process.stdout.write(inert(`Wrote ${shownPath(resolve(opts.out), process.cwd())}\n`));
    return 0;
  }
  const terminal = process.stdout.isTTY === true && !opts.markdown;
  const width = terminal ? Math.min(PAGE, outputColumns()) : PAGE;
  const text = sheetText(s, terminal ? 'terminal' : 'markdown', { width, colour: terminal && wantsColour() });
  process.stdout.write(text);
  return 0;
}

/**
 * Writes beside the target and renames (writeFileAtomic), so a crash or a full disk never leaves
 * half a sheet, nor a temp file; a failure is told in words.
 */
function writeAtomically(target: string, text: string): void {
  const shown = shownPath(target, process.cwd());
  try {
    if (statSync(target).isDirectory()) throw new UserError(`${shown} is a folder: give --out a file name, e.g. day.md`);
  } catch (err) {
    if (err instanceof UserError) throw err;
  }
  try {
    writeFileAtomic(target, text, { mode: 0o644 });
  } catch (err) {
    if (!(err instanceof StoreError)) throw err;
    if (err.code === 'ENOENT') throw new UserError(`cannot write ${shown}: its folder ${shownPath(dirname(target), process.cwd())} does not exist`);
    throw new UserError(`cannot write ${shown}: ${describeFsError(err.cause)}. Nothing was written.`, 1);
  }
}
