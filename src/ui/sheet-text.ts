import type { Sheet } from '../core/stats/sheet.js';
import { inert } from '../core/text/inert.js';
import { clockTime, percent, shortDate } from './format.js';
import { wrapProse } from './wrap-prose.js';

/** Markdown, or the terminal's form (bold headings unless colour is off, no Markdown marks). */
export type SheetForm = 'markdown' | 'terminal';

const BOLD = (s: string) => `\x1b[1m${s}\x1b[22m`;

/**
 * The interview-day sheet as text, every line at most `width` columns (lists hang under their
 * marker). The deck's text is made inert: it can only be read, whatever it holds.
 */
export function sheetText(s: Sheet, form: SheetForm, opts: { width: number; colour: boolean }): string {
  const md = form === 'markdown';
  const head = (level: number, text: string) => {
    const safe = inert(text);
    return md ? `${'#'.repeat(level)} ${safe}` : opts.colour ? BOLD(safe) : safe.toUpperCase();
  };
  const bullet = md ? '-' : '•';
  const lines: string[] = [];
  // Every line of the deck's text is made inert here; headings are made inert by head().
  const add = (...xs: string[]) => lines.push(...xs.map(inert));
  const addHead = (level: number, text: string) => lines.push('', head(level, text));
  const when = s.interview ? `the interview, ${shortDate(s.interview)} ${clockTime(s.interview)}` : 'today (no interview date set)';

  lines.push(head(1, s.title));
  const who = [s.company, s.role].filter(Boolean).join(' · ');
  add('', `${who ? `${who} · ` : ''}recall predicted for ${when}`);
  if (s.pitch) {
    addHead(2, `Pitch (${s.pitch.seconds} s): ${s.pitch.prompt}`);
    add('');
    s.pitch.beats.forEach((b, i) => add(`${i + 1}. ${b}`));
  }
  if (s.questions.length) {
    addHead(2, 'Questions, weakest first');
    s.questions.forEach((q, i) => {
      const recall = q.recall === null ? 'never practised' : `recall ${percent(q.recall)}`;
      const time = q.seconds ? ` · ${q.seconds} s` : '';
      addHead(3, `Q${i + 1} · ${recall}${time}`);
      add(q.prompt);
      for (const p of q.points) add(`${bullet} ${p}`);
    });
  }
  if (s.ask.length) {
    addHead(2, 'Your questions to ask');
    add('');
    for (const a of s.ask) add(`${bullet} ${a.question}${a.why ? ` (${md ? '_' : ''}why: ${a.why}${md ? '_' : ''})` : ''}`);
  }
  return `${wrapProse(lines.join('\n'), opts.width)}\n`;
}
