import { inert } from '../text/inert.js';
import type { Card, CardKind, Deck } from '../deck/types.js';
import { cardById } from '../deck/types.js';
import type { Grade, MockRecord } from '../store/log-records.js';
import { formatClock, formatDiff, tenths, timerZone, zoneWords, type TimerZone } from '../pitch/timing.js';
import { scheduler } from '../schedule/fsrs.js';
import { isSeen, recallAt, type CardProgress } from '../schedule/progress.js';
import { GRADE_NAMES } from '../schedule/preview.js';
import type { SubmittedAnswer } from './drill-typing.js';
import type { MockState } from './mock-state.js';
import { ASK_PROMPT } from './mock-session.js';

/** The answer clock: time so far against the card's target, and where it stands. */
export interface ClockView {
  text: string;
  /** "1:30", or null for a card without a target. */
  target: string | null;
  zone: TimerZone | null;
  /** The zone in words for NO_COLOR: "[on pace]", "[4 s left]", "[over]". */
  words: string | null;
  /** 0..1 of the target used up. */
  fill: number;
}

/** A duration as m:ss: "0:34", "1:30". */
export function minSec(ms: number): string {
  const s = Math.floor(tenths(ms) / 10);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** The answer clock at `ms` against `target` seconds. */
export function clockView(ms: number, target: number | null): ClockView {
  if (target === null) return { text: formatClock(ms), target: null, zone: null, words: null, fill: 0 };
  const zone = timerZone(ms, target);
  return { text: formatClock(ms), target: minSec(target * 1000), zone, words: zoneWords(ms, target), fill: Math.min(1, ms / (target * 1000)) };
}

/** What the rehearsal screen shows: the question only, never its answer. */
export interface RehearsalView {
  index: number;
  total: number;
  kind: CardKind;
  prompt: string;
  speaking: boolean;
  clock: ClockView;
}

/** The rehearsal at `now`. */
export function rehearsalView(s: MockState, now: number): RehearsalView {
  const item = s.items[s.index]!;
  const ms = s.answerStartedAt === null ? 0 : Math.max(0, now - s.answerStartedAt);
  return {
    index: s.index + 1,
    total: s.items.length,
    kind: item.card.kind,
    prompt: item.card.kind === 'ask' ? ASK_PROMPT : item.card.prompt,
    speaking: s.phase === 'speaking',
    clock: clockView(ms, item.target),
  };
}

/** One answer of a rehearsal, live or read back from the log. */
export interface ScoreItem {
  id: string;
  /** The card, when the deck still has it. */
  card: Card | undefined;
  kind: CardKind;
  ms: number | null;
  target: number | null;
  skipped: boolean;
  grade: Grade | null;
  answer: SubmittedAnswer | null;
}

/** One row of the scorecard. */
export interface ScoreRow {
  /** "P" for the pitch, "A" for the ask card, else the question's number. */
  mark: string;
  prompt: string;
  time: string;
  target: string;
  /** "+0:12 over", "under", "skipped", "" without a target. */
  verdict: string;
  over: boolean;
  grade: string;
}

/** The scorecard's totals. */
export interface ScoreTotals {
  /** From the first question to the scorecard. */
  ms: number;
  answered: number;
  skipped: number;
  /** Answers that ran past their target, of those with a target. */
  overTime: number;
  timed: number;
  /** How many of each grade, and their mean; null before any grade. */
  grades: Record<Grade, number>;
  meanGrade: number | null;
  /** "34.2 s against 30 s · +4.2 s", or null without a pitch answered. */
  pitch: string | null;
  /** Mean predicted recall at the interview over these cards (never-graded ones as 0), or null without an interview ahead. */
  recallAtInterview: number | null;
  interview: Date | null;
}

export interface Scorecard {
  rows: ScoreRow[];
  totals: ScoreTotals;
}

const markOf = (kind: CardKind, n: number) => (kind === 'pitch' ? 'P' : kind === 'ask' ? 'A' : String(n));

/** The scorecard of a rehearsal: a row per answer, then the totals. */
export function scorecard(
  items: readonly ScoreItem[],
  totalMs: number,
  recall: { progress: ReadonlyMap<string, CardProgress>; retention: number; interview: Date | null; now: Date },
): Scorecard {
  let n = 0;
  const rows = items.map((i): ScoreRow => {
    if (i.kind === 'question') n++;
    const over = !i.skipped && i.ms !== null && i.target !== null && tenths(i.ms) > i.target * 10;
    const verdict = i.skipped
      ? 'skipped'
      : i.ms === null || i.target === null
        ? ''
        : over
          ? `+${minSec(i.ms - i.target * 1000)} over`
          : 'under';
    return {
      mark: markOf(i.kind, n),
      prompt: i.kind === 'ask' ? ASK_PROMPT : (i.card?.prompt ?? `(card ${inert(i.id)} is no longer in the deck)`),
      time: i.skipped || i.ms === null ? '—' : minSec(i.ms),
      target: i.target === null ? '—' : minSec(i.target * 1000),
      verdict,
      over,
      grade: i.grade === null ? '·' : `${i.grade} ${GRADE_NAMES[i.grade]}`,
    };
  });
  const grades: Record<Grade, number> = { 1: 0, 2: 0, 3: 0, 4: 0 };
  for (const i of items) if (i.grade !== null) grades[i.grade]++;
  const given = items.filter((i) => i.grade !== null);
  const pitch = items.find((i) => i.kind === 'pitch' && !i.skipped && i.ms !== null);
  const { progress, retention, interview, now } = recall;
  const ahead = interview && interview.getTime() > now.getTime() ? interview : null;
  const f = scheduler(retention);
  const recalls = items.map((i) => {
    const p = progress.get(i.id);
    return ahead && p && isSeen(p) ? recallAt(f, p, ahead) : 0;
  });
  return {
    rows,
    totals: {
      ms: totalMs,
      answered: items.filter((i) => !i.skipped && i.ms !== null).length,
      skipped: items.filter((i) => i.skipped).length,
      overTime: rows.filter((r) => r.over).length,
      timed: items.filter((i) => !i.skipped && i.ms !== null && i.target !== null).length,
      grades,
      meanGrade: given.length ? given.reduce((a, i) => a + i.grade!, 0) / given.length : null,
      pitch: pitch ? `${(tenths(pitch.ms!) / 10).toFixed(1)} s against ${pitch.target} s · ${formatDiff(pitch.ms!, pitch.target!)}` : null,
      recallAtInterview: ahead && items.length ? recalls.reduce((a, r) => a + r, 0) / items.length : null,
      interview: ahead,
    },
  };
}

/** The live state's answers, for the scorecard. */
export function itemsOfState(s: MockState): ScoreItem[] {
  return s.items.map((i) => ({ id: i.card.id, card: i.card, kind: i.card.kind, ms: i.ms, target: i.target, skipped: i.skipped, grade: i.grade, answer: i.answer }));
}

/** A stored rehearsal's answers, for `prep mock --last`. */
export function itemsOfRecord(r: MockRecord, deck: Deck): ScoreItem[] {
  return r.items.map((i) => ({ id: i.card, card: cardById(deck, i.card), kind: i.kind, ms: i.ms, target: i.target, skipped: i.skipped, grade: i.grade, answer: null }));
}
