// src/core/answer/point-lint.ts as it was before its answer test compared keys in place; kept
// unchanged for test/core/answer/point-lint-same.test.ts. Not used by prep itself.
import { formatPath, type DeckPath, type Finding } from '../../../../src/core/deck/finding.js';
import { placeOf, type YamlSource } from '../../../../src/core/deck/yaml-source.js';
import { figures } from '../../../../src/core/answer/figures.js';
import { words, type Word } from '../../../../src/core/answer/words.js';

/** A key point longer than this many words is more than one point, or a second answer. */
export const MAX_POINT_WORDS = 15;

/** The point's text and where it sits, for a plain point or a `{ text, match }` one. */
function pointText(p: unknown): string | undefined {
  if (typeof p === 'string') return p;
  if (typeof p === 'object' && p !== null && typeof (p as { text?: unknown }).text === 'string') return (p as { text: string }).text;
  return undefined;
}

/** The comparison keys of a text's words, in order: two texts with the same keys say the same words. */
const keyLine = (ws: readonly Word[]): string => ws.map((w) => w.key).join(' ');

/** The texts of a point's accepted phrasings (`match`), when it has them. */
function matchTexts(p: unknown): string[] {
  const match = typeof p === 'object' && p !== null ? (p as { match?: unknown }).match : undefined;
  return Array.isArray(match) ? match.filter((m): m is string => typeof m === 'string') : [];
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
    let answerKeys: string | undefined;
    const said = new Set<string>();
    points.forEach((p, j) => {
      const text = pointText(p);
      const ws = words(text ?? '');
      for (const w of ws) said.add(w.key);
      for (const m of matchTexts(p)) for (const w of words(m)) said.add(w.key);
      if (text === undefined) return;
      const n = ws.length;
      if (n > MAX_POINT_WORDS) warn([...at, 'points', j], `${n} words is more than a key point (at most ${MAX_POINT_WORDS}): keep the claim's few telling words, or split it in two`);
      if (answer && keyLine(ws) === (answerKeys ??= keyLine(words(answer)))) warn([...at, 'points', j], 'repeats the whole answer: a key point is one claim of it, in a few words');
    });
    const seen = new Set<string>();
    for (const f of figures(answer)) {
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
