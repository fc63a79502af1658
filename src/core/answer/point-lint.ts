import { formatPath, type DeckPath, type Finding } from '../deck/finding.js';
import { placeOf, type YamlSource } from '../deck/yaml-source.js';
import { figures } from './figures.js';
import { words, type Word } from './words.js';

/** A key point longer than this many words is more than one point, or a second answer. */
export const MAX_POINT_WORDS = 15;

/** The point's text and where it sits, for a plain point or a `{ text, match }` one. */
function pointText(p: unknown): string | undefined {
  if (typeof p === 'string') return p;
  if (typeof p === 'object' && p !== null && typeof (p as { text?: unknown }).text === 'string') return (p as { text: string }).text;
  return undefined;
}

/** True when two texts' words have the same comparison keys in the same order: they say the same words. */
function sameKeys(a: readonly Word[], b: readonly Word[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i]!.key !== b[i]!.key) return false;
  return true;
}

/** Adds the keys of the words of a point's accepted phrasings (`match`), when it has them. */
function addMatchKeys(p: unknown, said: Set<string>): void {
  const match = typeof p === 'object' && p !== null ? (p as { match?: unknown }).match : undefined;
  if (!Array.isArray(match)) return;
  for (const m of match) if (typeof m === 'string') for (const w of words(m)) said.add(w.key);
}

/**
 * Advice on key points, for `prep lint` (warnings, never errors): a question with a single
 * point, a point too long to be one, a point that repeats the whole answer, a figure of the
 * answer that no point mentions, and a pitch without beats. Reads the raw data leniently, as
 * the deck's own warnings do.
 */
export function pointWarnings(data: unknown, src: YamlSource): Finding[] {
  if (!isRecord(data)) return [];
  const out: Finding[] = [];
  const warn = (path: DeckPath, message: string): void => {
    out.push({ ...placeOf(src, path), path: formatPath(path), message, severity: 'warning' });
  };
  // Stryker disable next-line ArrayDeclaration: a made-up question that is not a map is passed over
  const questions = Array.isArray(data.questions) ? data.questions : [];
  questions.forEach((q: unknown, i) => {
    if (!isRecord(q) || !Array.isArray(q.points) || q.points.length === 0) return;
    const at: DeckPath = ['questions', i];
    const points: unknown[] = q.points;
    // Terminal escape sequences are reported elsewhere; their digits ("\e[31m") are no figures.
    const answer = typeof q.answer === 'string' ? withoutEscapes(q.answer) : '';
    if (points.length === 1) warn([...at, 'points'], 'only one key point: list 2 to 6, one for each claim of the answer, so a typed answer can be checked against each');
    // Each text's words are made once: they are the costly part, and a point's serve its length,
    // the "repeats the answer" test and the keys the figures are looked for in. The answer's
    // words are made only when a point could repeat it.
    let answerWords: Word[] | undefined;
    const said = new Set<string>();
    points.forEach((p, j) => {
      const text = pointText(p);
      const ws = words(text ?? '');
      for (const w of ws) said.add(w.key);
      addMatchKeys(p, said);
      if (text === undefined) return;
      const n = ws.length;
      if (n > MAX_POINT_WORDS) warn([...at, 'points', j], `${n} words is more than a key point (at most ${MAX_POINT_WORDS}): keep the claim's few telling words, or split it in two`);
      if (answer && sameKeys(ws, (answerWords ??= words(answer)))) warn([...at, 'points', j], 'repeats the whole answer: a key point is one claim of it, in a few words');
    });
    const seen = new Set<string>();
    for (const f of figures(answer)) {
      // Stryker disable next-line OptionalChaining: a figure's number always holds a word
      const key = words(f.number)[0]?.key;
      if (!key || said.has(key) || seen.has(key)) continue;
      seen.add(key);
      warn([...at, 'answer'], `the figure "${f.text}" is in the answer but in no key point: add it to the point it proves, so a typed answer must say it`);
    }
  });
  const pitch = data.pitch;
  if (isRecord(pitch) && typeof pitch.script === 'string' && (!Array.isArray(pitch.points) || pitch.points.length === 0)) {
    warn(['pitch'], 'the pitch has no beats: list under "points:" the 3 to 6 things it must hit, so prep pitch can tick them off');
  }
  return out;
}

// eslint-disable-next-line no-control-regex
const ESCAPES = /\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

function withoutEscapes(text: string): string {
  return text.replace(ESCAPES, ' ');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
