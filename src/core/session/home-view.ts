import { interviewCountdown, interviewDay } from '../schedule/interview.js';
import type { DeckSummary } from '../stats/deck-summary.js';
import type { HomeState } from './home-state.js';

/** Which columns fit: the title needs a wide window, the recall a middling one. */
export interface HomeColumns {
  title: boolean;
  recall: boolean;
  newCards: boolean;
}

/** One deck as the home screen shows it. */
export interface HomeRow {
  name: string;
  title: string;
  due: string;
  newCards: string;
  interview: string;
  recall: string;
  /** Cards are due now. */
  hasDue: boolean;
  /** The interview has passed. */
  past: boolean;
  /** The deck did not load: `title` holds why. */
  broken: boolean;
  selected: boolean;
}

/** What the home screen draws, all decided here. */
export interface HomeView {
  columns: HomeColumns;
  rows: HomeRow[];
  /** Decks above and below the visible rows. */
  above: number;
  below: number;
  /** The line under the list: the selected deck's title (when the table has no room for it) or error. */
  detail: string | null;
  message: string | null;
}

/** Lines of the frame that are not deck rows: heading, column names, the two markers, detail, message, two of key hints. */
export const HOME_CHROME_LINES = 8;

/** The interview cell: "3 Dec · in 7 d", "3 Dec · tomorrow 09:00", "3 Dec · past", or "—". */
export function interviewCell(d: Pick<DeckSummary, 'interview'>, now: Date, withDate: boolean): string {
  if (!d.interview) return '—';
  const left = interviewCountdown(d.interview, now);
  return withDate ? `${interviewDay(d.interview)} · ${left}` : left;
}

/** Which columns a window `width` wide can hold. */
export function homeColumns(width: number): HomeColumns {
  return { title: width >= 76, recall: width >= 56, newCards: width >= 48 };
}

/**
 * The home screen at `now` in a window of `width` x `height`: the columns that fit, and a window
 * of rows around the selected deck when there are more decks than lines.
 */
export function homeView(s: HomeState, now: Date, width: number, height: number): HomeView {
  const columns = homeColumns(width);
  const room = Math.max(1, height - HOME_CHROME_LINES);
  // Keep the selection in view, as near the middle as the ends allow.
  const start = Math.min(Math.max(0, s.selected - Math.floor(room / 2)), Math.max(0, s.decks.length - room));
  const shown = s.decks.slice(start, start + room);
  const selected = s.decks[s.selected];
  const rows = shown.map(
    (d, i): HomeRow => ({
      name: d.name,
      title: d.error !== null ? `error: ${d.error}` : (d.title ?? ''),
      due: d.dueNow === null ? '' : String(d.dueNow),
      newCards: d.new === null ? '' : String(d.new),
      interview: d.error !== null ? '' : interviewCell(d, now, width >= 64),
      recall: d.error !== null ? '' : d.recallAtInterview === null ? '—' : `${Math.round(d.recallAtInterview * 100)}%`,
      hasDue: (d.dueNow ?? 0) > 0,
      past: d.interviewPast,
      broken: d.error !== null,
      selected: start + i === s.selected,
    }),
  );
  let detail: string | null = null;
  if (selected?.error) detail = `${selected.name} did not load: ${selected.error}`;
  else if (selected && !columns.title) detail = `${selected.title ?? ''}${selected.shipped ? ' · shipped' : ''}`;
  return { columns, rows, above: start, below: Math.max(0, s.decks.length - start - shown.length), detail, message: s.message };
}
