import { firstControl } from '../text/inert.js';
import { formatPath, type DeckPath, type Finding } from './finding.js';
import { INTERVIEW_PATTERN, parseInterview } from '../store/interview-date.js';
import { ID_PATTERN } from './schema.js';
import { slugify } from './slug.js';
import { placeOf, type YamlSource } from './yaml-source.js';

/**
 * The deck rules that are not about shape: at least one card, ids unique across all cards, an
 * interview date that exists on a calendar; and a warning for each text holding a terminal control
 * character (the loader shows those as symbols: see core/text/inert.ts). They read the raw data
 * leniently, so they report alongside the schema's findings rather than only once the schema is
 * satisfied.
 */
export function checkDeck(data: Record<string, unknown>, src: YamlSource): Finding[] {
  const findings: Finding[] = [];
  if (!hasCards(data)) {
    findings.push(top('the deck has no cards: add a "pitch", some "questions" or some "ask" items'));
  }
  const date = checkInterview(data.interview);
  if (date) findings.push({ ...placeOf(src, ['interview']), path: 'interview', message: date, severity: 'error' });
  findings.push(...checkIds(data, src));
  checkControlChars(data, [], src, findings);
  return findings;
}

// Tab and newline are fine; any other control character (an escape "\e" in a quoted string, say)
// would act on the terminal. The deck still loads, with the character made a visible symbol; the
// warning says where, so the author can clean it up.
function checkControlChars(value: unknown, path: DeckPath, src: YamlSource, out: Finding[]): void {
  // Deck text sits at most six levels down (questions[0].points[1].match[0]); deeper is the schema's to report.
  if (path.length > 6) return;
  if (typeof value === 'string') {
    const found = firstControl(value);
    if (found) {
      out.push({
        ...placeOf(src, path),
        path: formatPath(path),
        message: `contains a terminal control character (${found.code}): it is shown as "${found.shown}" and never sent to the terminal`,
        severity: 'warning',
      });
    }
  } else if (Array.isArray(value)) {
    value.forEach((item: unknown, i) => checkControlChars(item, [...path, i], src, out));
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) checkControlChars(item, [...path, key], src, out);
  }
}

function top(message: string): Finding {
  return { line: 1, column: 1, path: '', message, severity: 'error' };
}

function hasCards(data: Record<string, unknown>): boolean {
  const nonEmpty = (v: unknown): boolean => Array.isArray(v) && v.length > 0;
  return (data.pitch !== undefined && data.pitch !== null) || nonEmpty(data.questions) || nonEmpty(data.ask);
}

/** Why a well-formed interview date is still wrong, or undefined when it is fine (or not ours to judge). */
function checkInterview(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (!INTERVIEW_PATTERN.test(text)) return undefined;
  if (parseInterview(text)) return undefined;
  // The one parser said no; say which half is wrong.
  const [y, m, d] = text.split(/[-T:]/).map(Number) as [number, number, number];
  const daysInMonth = new Date(Date.UTC(y, m, 0)).getUTCDate();
  // Years 0-99 are refused by the parser (a Date would read them as 1900-1999): the date is what is wrong.
  if (y < 100 || m < 1 || m > 12 || d < 1 || d > daysInMonth) return `"${text}" is not a real date`;
  return `"${text}" is not a real time of day`;
}

/** One card's id, as far as the raw data lets us know it. */
interface IdSlot {
  id: string;
  /** Where the id comes from: the `id` key, the question it was made from, or the `pitch` key. */
  from: DeckPath;
  derived: boolean;
}

function checkIds(data: Record<string, unknown>, src: YamlSource): Finding[] {
  const findings: Finding[] = [];
  const slots: IdSlot[] = [];
  if (data.pitch !== undefined && data.pitch !== null) slots.push({ id: 'pitch', from: ['pitch'], derived: false });
  for (const section of ['questions', 'ask'] as const) {
    const items = data[section];
    if (!Array.isArray(items)) continue;
    items.forEach((item: unknown, i) => {
      const slot = idSlot(item, [section, i]);
      if (slot?.id === '') {
        findings.push({
          ...placeOf(src, slot.from),
          path: formatPath(slot.from),
          message: 'this question has no letters or digits to make an id from: give the card an "id"',
          severity: 'error',
        });
      } else if (slot) {
        slots.push(slot);
      }
    });
  }
  const first = new Map<string, IdSlot>();
  for (const slot of slots) {
    const earlier = first.get(slot.id);
    if (!earlier) {
      first.set(slot.id, slot);
      continue;
    }
    const line = placeOf(src, earlier.from).line;
    const made = slot.derived ? ' made from the question text' : '';
    const fix = slot.derived ? ': give one of them an "id"' : '';
    findings.push({
      ...placeOf(src, slot.from),
      path: formatPath(slot.from),
      message: `duplicate id "${slot.id}"${made} (first used on line ${line})${fix}`,
      severity: 'error',
    });
  }
  return findings;
}

// A malformed id or question yields no slot: the schema already reports it.
function idSlot(item: unknown, path: DeckPath): IdSlot | undefined {
  if (typeof item === 'string') return { id: slugify(item), from: path, derived: true };
  if (typeof item !== 'object' || item === null || Array.isArray(item)) return undefined;
  const { id, question } = item as Record<string, unknown>;
  if (id !== undefined) {
    const text = typeof id === 'string' ? id.trim() : '';
    return ID_PATTERN.test(text) ? { id: text, from: [...path, 'id'], derived: false } : undefined;
  }
  if (typeof question !== 'string' || question.trim() === '') return undefined;
  return { id: slugify(question), from: [...path, 'question'], derived: true };
}
