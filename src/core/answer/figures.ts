import { eng } from 'stopword';

/** A figure of a text with the word that says what it counts: "50 MB/s", "12 partitions", "replication factor 3". */
export interface Figure {
  /** The phrase as written, number and unit or noun. */
  text: string;
  /** The number alone, as written ("50", "40%", "p99", "1.5"). */
  number: string;
  start: number;
  end: number;
}

const STOP = new Set(eng);
// A number (with decimals, thousands separators, a % or an x), or a word with digits in it
// (p99, 3x, 10k), then, when there is one, the unit or noun after it (MB/s, ms, partitions).
const FIGURE = /(?<![\p{L}\p{N}])(\p{N}[\p{N}.,]*(?:%|x\b|×)?|\p{L}+\p{N}[\p{L}\p{N}]*|\p{N}+\p{L}+)(?![\p{L}\p{N}])(?:[ \u00a0]?([\p{L}][\p{L}\p{N}/]*|%))?/gu;
const WORD_BEFORE = /([\p{L}][\p{L}\p{N}-]*)\s+$/u;

/**
 * The figures of a text, each with its unit or noun: the word after the number when it is not
 * a stop word ("12 partitions", "50 MB/s", "40% headroom"), else the word before it
 * ("factor 3", "HTTP 429"). A year-like or list-like bare number without either is kept alone.
 */
export function figures(text: string): Figure[] {
  const out: Figure[] = [];
  for (const m of text.matchAll(FIGURE)) {
    const number = m[1]!.replace(/[.,]$/, '');
    const after = m[2];
    let start = m.index;
    let end = m.index + number.length;
    if (after && !STOP.has(after.toLowerCase())) {
      end = m.index + m[0].length;
    } else {
      const before = WORD_BEFORE.exec(text.slice(Math.max(0, start - 40), start));
      if (before?.[1] && !STOP.has(before[1].toLowerCase())) start -= before[0].length;
    }
    out.push({ text: text.slice(start, end), number, start, end });
  }
  return out;
}
