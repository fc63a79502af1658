// What `prep sync` does with review logs: pure functions over the text of a log.

/** Every record starts so (see the log reader): where two glued records can be told apart. */
const RECORD_START = '{"v":';

interface Line {
  text: string;
  id?: string;
  at?: number;
}

function parse(text: string): Line {
  try {
    const value: unknown = JSON.parse(text);
    // Stryker disable next-line ConditionalExpression,LogicalOperator: a number or string has no id or at either way, and null throws into the catch
    if (typeof value === 'object' && value !== null) {
      const { id, at } = value as { id?: unknown; at?: unknown };
      const time = typeof at === 'string' ? Date.parse(at) : NaN;
      return { text, id: typeof id === 'string' ? id : undefined, at: Number.isNaN(time) ? undefined : time };
    }
  } catch {
    // Not JSON: kept as it is, for the reader to warn about.
  }
  return { text };
}

/** A line holding several records glued together (a log that did not end in a newline, merged). */
function unglue(text: string): Line[] {
  const whole = parse(text);
  if (whole.id !== undefined || !text.includes(RECORD_START, 1)) return [whole];
  const parts = text.split(RECORD_START).filter((p, i) => i > 0 || p !== '');
  const lines = parts.map((p, i) => parse(i === 0 && !text.startsWith(RECORD_START) ? p : RECORD_START + p));
  return lines.some((l) => l.id !== undefined) ? lines : [whole];
}

/**
 * A review log as a merge should leave it: one line per record (a record that came from both
 * machines is kept once, by its unique id), glued records split onto their own lines, in the
 * order of their times (a stable sort, so records of the same time keep their order), and
 * ending in a newline. Lines that are not records are kept, in place, and then nothing is sorted:
 * the reader warns about them, and prep never drops what it cannot read.
 */
export function normalizeLog(text: string): string {
  const seen = new Set<string>();
  const lines: Line[] = [];
  for (const raw of text.split('\n')) {
    if (raw.trim() === '') continue;
    for (const line of unglue(raw)) {
      if (line.id !== undefined) {
        if (seen.has(line.id)) continue;
        seen.add(line.id);
      }
      lines.push(line);
    }
  }
  const sortable = lines.every((l) => l.id !== undefined && l.at !== undefined);
  // Stryker disable next-line ArithmeticOperator: Array#sort is stable and V8 only asks whether a comparison is below 0, so a tie that compares positive keeps log order too (checked on random logs of up to 3,000 lines)
  const ordered = sortable ? lines.map((l, i) => ({ l, i })).sort((a, b) => a.l.at! - b.l.at! || a.i - b.i).map((x) => x.l) : lines;
  return ordered.map((l) => `${l.text}\n`).join('');
}

/** The ids of the grade records ("reviews") in a log's text. */
export function reviewIds(text: string): Set<string> {
  const ids = new Set<string>();
  for (const raw of text.split('\n')) {
    for (const line of unglue(raw)) {
      if (line.id === undefined) continue;
      try {
        if ((JSON.parse(line.text) as { type?: unknown }).type === 'grade') ids.add(line.id);
      } catch {
        // unglue only gives ids to JSON lines
      }
    }
  }
  return ids;
}

/** How many of `a`'s ids `b` lacks. */
export function missingFrom(a: Set<string>, b: Set<string>): number {
  let n = 0;
  for (const id of a) if (!b.has(id)) n++;
  return n;
}

const reviews = (n: number) => `${n} review${n === 1 ? '' : 's'}`;

/** The line `prep sync` prints for a deck. */
export function deckLine(deck: string, pulled: number, pushed: number | undefined): string {
  return pushed === undefined ? `${deck}: ${reviews(pulled)} pulled` : `${deck}: ${reviews(pulled)} pulled, ${pushed} pushed`;
}
