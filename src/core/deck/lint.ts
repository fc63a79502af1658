import { resolve } from 'node:path';
import { countWords, estimatePace, PACE_WPM } from './pace.js';
import { formatPath, type DeckPath, type Finding } from './finding.js';
import { parseDeck, type ParseDeckOptions, type ReadDeck } from './load-deck.js';
import { deckNameOf } from './deck-name.js';
import { readDeckSource } from './read-deck-file.js';
import { DEFAULT_PITCH_SECONDS } from './schema.js';
import { slugify } from './slug.js';
import type { DeckProblem } from './types.js';
import { placeOf, readYaml, toData, type YamlSource } from './yaml-source.js';

/** An answer warns when saying it takes more than this many times its `seconds` target. */
export const LONG_ANSWER_RATIO = 1.25;

/** A pitch warns when saying it overruns its target by more than this share (a breath of slack). */
export const PITCH_SLACK = 0.1;

/** Seconds it takes to say `text` at `wpm` words a minute (the pitch timer's pace by default). */
export function speakingSeconds(text: string, wpm = PACE_WPM): number {
  return (countWords(text) * 60) / wpm;
}

/** More advice on a deck's raw data, from a part the deck format does not depend on (key points). */
export type Advisor = (data: unknown, src: YamlSource) => Finding[];

/**
 * Everything `prep lint` reports for deck text: the loader's errors and warnings, plus advice
 * that does not stop a drill (a question without an id or key points, an answer or pitch too
 * long to say in its time), plus what each of `advisors` says. Sorted by place. Never throws.
 */
export function lintDeckText(text: string, opts: ParseDeckOptions, advisors: readonly Advisor[] = []): DeckProblem[] {
  // The advice reads the document the loader parsed: parsing a big deck twice doubled the memory lint needs.
  const read: ReadDeck = {};
  const { problems } = parseDeck(text, opts, read);
  const file = opts.displayPath ?? opts.path;
  let advice: Finding[] = [];
  try {
    const src = read.src ?? readYaml(text.replace(/^\uFEFF/, ''));
    if (src.usable) {
      const data = 'data' in read ? read.data : toData(src);
      advice = [...deckWarnings(data, src), ...advisors.flatMap((a) => a(data, src))];
    }
  } catch {
    // The loader has already reported whatever makes the file unreadable.
  }
  const all = [...problems.map(withHint), ...advice.map((f) => ({ file, ...f }))];
  return all.sort((a, b) => a.line - b.line || a.column - b.column);
}

// What each required key holds, for the loader's terse `missing "answer"`.
const REQUIRED_HINTS: Record<string, string> = {
  title: 'the deck title, e.g. "Acme — Backend Engineer"',
  question: 'the question as the interviewer would ask it',
  ask: 'the question you will ask them',
  answer: 'your model answer',
  script: 'the pitch as you would say it',
};

/** The loader's problems mostly say how to fix them already; these two only say what is wrong. */
function withHint(p: DeckProblem): DeckProblem {
  const missing = /^missing "(\w+)"$/.exec(p.message);
  // An ask item's question is the user's own, not the interviewer's.
  const key = missing?.[1] === 'question' && p.path.startsWith('ask[') ? 'ask' : missing?.[1];
  const hint = key ? REQUIRED_HINTS[key] : undefined;
  if (hint && missing) return { ...p, message: `${p.message}: add "${missing[1]}:", ${hint}` };
  if (p.message === 'must not be empty') return { ...p, message: `${p.message}: write the text, or remove the key` };
  return p;
}

/** Reads a deck file and lints it; a file that cannot be read is one problem at 1:1. */
export function lintDeckFile(path: string, displayPath?: string, advisors: readonly Advisor[] = []): DeckProblem[] {
  const file = displayPath ?? path;
  const absolute = resolve(path);
  const source = readDeckSource(absolute, file);
  if ('problem' in source) return [source.problem];
  return lintDeckText(source.text, { name: deckNameOf(absolute), path: absolute, displayPath: file }, advisors);
}

/**
 * The advice on a deck's raw data. It reads leniently (a value of the wrong type is the
 * schema's to report, and is passed over here), so advice comes alongside errors too.
 */
export function deckWarnings(data: unknown, src: YamlSource): Finding[] {
  if (!isRecord(data)) return [];
  const out: Finding[] = [];
  const warn = (path: DeckPath, message: string): void => {
    out.push({ ...placeOf(src, path), path: formatPath(path), message, severity: 'warning' });
  };
  const questions = Array.isArray(data.questions) ? data.questions : [];
  questions.forEach((q: unknown, i) => {
    if (!isRecord(q) || typeof q.question !== 'string' || q.question.trim() === '') return;
    const at: DeckPath = ['questions', i];
    if (q.id === undefined) {
      const suggestion = slugify(q.question);
      const eg = suggestion ? `: add one, e.g. "id: ${suggestion}"` : ': add one';
      warn(at, `no "id", so rewording the question would reset its progress${eg}`);
    }
    if (q.points === undefined || (Array.isArray(q.points) && q.points.length === 0)) {
      warn(q.points === undefined ? at : [...at, 'points'], 'no key points: list under "points:" the few things the answer must hit (the drill shows them with the answer)');
    }
    if (typeof q.answer === 'string' && isPositive(q.seconds)) {
      const takes = speakingSeconds(q.answer);
      if (takes > q.seconds * LONG_ANSWER_RATIO) {
        warn([...at, 'answer'], `takes about ${Math.round(takes)} s to say at ${PACE_WPM} words a minute, well over its ${q.seconds} s target: shorten it to about ${wordsFor(q.seconds)} words or raise "seconds"`);
      }
    }
  });
  const asks = Array.isArray(data.ask) ? data.ask : [];
  if (asks.length > 1) {
    asks.forEach((a: unknown, i) => {
      const at: DeckPath = ['ask', i];
      if (typeof a === 'string') warn(at, 'no "cue" or "why": before the reveal the card shows only the first words of the question; write it as { question, cue } to say what to recall');
      else if (isRecord(a) && typeof a.question === 'string' && typeof a.cue === 'string' && a.cue.trim() === a.question.trim()) {
        warn([...at, 'cue'], 'the cue is the question itself, so the card gives its answer away: say in a few words what it is about');
      }
    });
  }
  const pitch = data.pitch;
  if (isRecord(pitch) && typeof pitch.script === 'string') {
    const target = isPositive(pitch.seconds) ? pitch.seconds : DEFAULT_PITCH_SECONDS;
    const pace = estimatePace(pitch.script, target);
    if (pace.seconds > target * (1 + PITCH_SLACK)) {
      const set = isPositive(pitch.seconds) ? '' : ' (the default)';
      const took = `${pace.words} words take about ${Math.round(pace.seconds)} s at ${PACE_WPM} words a minute`;
      warn(['pitch', 'script'], `cannot fit its ${target} s target${set}: ${took}; cut about ${pace.overWords} words or raise "seconds"`);
    }
  }
  return out;
}

function wordsFor(seconds: number): number {
  return Math.round((seconds * PACE_WPM) / 60);
}

function isPositive(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
