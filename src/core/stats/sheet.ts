import type { Deck } from '../deck/types.js';
import type { LogRecord } from '../store/log-records.js';
import { scheduler } from '../schedule/fsrs.js';
import { replay } from '../schedule/snapshot.js';
import { pitchTargetSeconds } from '../pitch/timing.js';
import { recallAt } from './recall.js';

/** One question of the interview-day sheet. */
export interface SheetQuestion {
  prompt: string;
  points: string[];
  seconds: number | null;
  /** Predicted recall at the interview (or now, without one ahead); null for a card never graded. */
  recall: number | null;
}

/** What `prep sheet` prints: the morning-of summary of a deck. */
export interface Sheet {
  title: string;
  company: string | null;
  role: string | null;
  /** The interview ahead, if any: recall is predicted for then. */
  interview: Date | null;
  pitch: { prompt: string; seconds: number; beats: string[] } | null;
  /** Weakest first: never graded, then lowest recall; ties keep deck order. */
  questions: SheetQuestion[];
  ask: Array<{ question: string; why: string | null }>;
}

/** The interview-day sheet of a deck, from its log as of `now`. Reads only. */
export function interviewSheet(input: {
  deck: Deck;
  records: readonly LogRecord[];
  retention: number;
  interview: Date | null;
  now: Date;
}): Sheet {
  const { deck, retention, now } = input;
  const f = scheduler(retention);
  const progress = replay(f, deck.cards, input.records);
  const ahead = input.interview && input.interview.getTime() > now.getTime() ? input.interview : null;
  const at = ahead ?? now;
  const pitchCard = deck.cards.find((c) => c.kind === 'pitch');
  const questions = deck.cards
    .filter((c) => c.kind === 'question')
    .map((c) => ({ prompt: c.prompt, points: c.points, seconds: c.seconds ?? null, recall: recallAt(f, progress.get(c.id)!, at) }))
    // Stable sort: never graded (-1) first, then the lowest recall.
    .sort((a, b) => (a.recall ?? -1) - (b.recall ?? -1));
  return {
    title: deck.title,
    company: deck.company ?? null,
    role: deck.role ?? null,
    interview: ahead,
    pitch: pitchCard ? { prompt: pitchCard.prompt, seconds: pitchTargetSeconds(pitchCard), beats: pitchCard.points } : null,
    questions,
    ask: deck.cards.filter((c) => c.kind === 'ask').map((c) => ({ question: c.answer, why: c.why ?? null })),
  };
}
