import { context, openDeck } from './context.js';
import { processIO, type CommandIO } from './command-io.js';
import { readSettings } from './report-io.js';
import { EXIT_USAGE, UserError } from './user-error.js';
import { describeInterview, interviewOf, interviewPassed } from '../core/schedule/interview.js';
import { parseInterview } from '../core/store/interview-date.js';
import { openSettings } from '../core/store/settings.js';
import { progressKey } from '../core/deck/progress-key.js';
import { inert } from '../core/text/inert.js';

export interface InterviewOptions {
  /** Forget the saved date. */
  clear?: boolean;
  /** Accept a date that has already passed (e.g. to record one after the fact). */
  past?: boolean;
}

/** "in 4 days", "tomorrow at 09:00", "was yesterday": the countdown after the date. */
const countdown = (d: Date, now: Date) => describeInterview(d, now).replace(/^Interview /, '');

const when = (d: Date) =>
  `${d.toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' })} ${d.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' })}`;

/**
 * `prep interview <deck> [date]`: prints the deck's interview date and countdown, sets it (the
 * same dates `--interview` takes, remembered in the settings) or clears it with `--clear`. Works
 * without a terminal; printing it writes nothing.
 */
export async function interview(deckArg: string, dateArg: string | undefined, opts: InterviewOptions, io: CommandIO = processIO(), now = new Date()): Promise<number> {
  if (dateArg !== undefined && opts.clear) throw new UserError('give a date or --clear, not both');
  const { paths, dirs } = context(io.env);
  // Printing the date writes nothing, not even the deck cache. No card text is shown or needed,
  // so none is read from the cache (10 MB at 10,000 cards): the name and date are in its index.
  const deck = await openDeck(deckArg, dirs, paths.cacheDir, io.cwd, dateArg === undefined && opts.clear !== true, true);

  if (opts.clear) {
    const settings = openSettings(paths.configDir);
    settings.clearInterview(progressKey(deck));
    io.out(`Cleared the interview date of ${deck.name}.`);
    const own = interviewOf(deck);
    if (own) io.out(`The deck file's own date still applies: ${when(own)} (remove "interview:" from the deck to drop it).`);
    return 0;
  }

  if (dateArg === undefined) {
    const { values, warnings } = readSettings(paths.configDir);
    warnings.forEach((w) => io.err(`prep: ${inert(w)}`));
    const date = interviewOf(deck, values.interviews);
    if (!date) {
      io.out(`${deck.name}: no interview date. Set one: prep interview ${deck.name} 2026-12-03T14:00`);
      return 0;
    }
    io.out(`${deck.name}: interview ${when(date)}, ${countdown(date, now)}`);
    return 0;
  }

  const text = dateArg.trim();
  const date = parseInterview(text);
  if (!date) throw new UserError(`"${dateArg}" is not a date: use 2026-12-03 (09:00) or 2026-12-03T14:00.`, EXIT_USAGE);
  if (interviewPassed(date, now) && !opts.past) {
    throw new UserError(`${when(date)} has already passed; give --past to set it anyway.`, EXIT_USAGE);
  }
  openSettings(paths.configDir).setInterview(progressKey(deck), text);
  io.out(`Interview for ${deck.name} set: ${when(date)}, ${countdown(date, now)}`);
  return 0;
}
