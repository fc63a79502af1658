import type { Card } from '../deck/types.js';
import type { TypedAttempt } from '../answer/last-attempt.js';
import { pitchTargetSeconds } from '../pitch/timing.js';
import { deadlineIntervals, deadlineView, describeReadiness } from '../schedule/deadline.js';
import { scheduler } from '../schedule/fsrs.js';
import { describeInterview, interviewCountdown } from '../schedule/interview.js';
import { formatDue, formatDuration, formatInterval, GRADE_NAMES, GRADES } from '../schedule/preview.js';
import { nextDue } from '../schedule/queue.js';
import type { Grade } from '../store/log-records.js';
import { currentCard, shortPitchMs } from './drill-pitch.js';
import { position, type DrillState, type SessionProgress } from './drill-state.js';

/** One grade as the grade bar shows it: "3 Good · 3d". */
export interface GradeChoice {
  grade: Grade;
  name: string;
  /** The wait this grade would give, short: "10m", "3d" (interview-aware). */
  wait: string;
}

/** How a session ended, or why nothing is due: what to say and when to come back. */
export interface DrillEnd {
  /** "in 3d (Sun 29 Nov)", or null when no card is scheduled. */
  nextDue: string | null;
  /** How ready the deck is for the interview, when one is set. */
  readiness: string | null;
  /** Time spent in the session: "4m 12s". */
  spent: string;
}

/** Everything the drill screen shows that takes a rule to work out; the screen only renders it. */
export interface DrillView {
  card: Card | undefined;
  /** The header's interview reminder: "Interview in 5 days". */
  note: string | undefined;
  /** The same in fewer columns: "in 5 d", "tomorrow 09:00". */
  noteShort: string | undefined;
  /** What is left of the session, for the header's "4 left · 2 learning"; null at the end. */
  position: SessionProgress | null;
  /** The grades with their waits, once the card is revealed. */
  grades: GradeChoice[] | null;
  /** The newest typed answer to this card in an earlier session, shown on reveal. */
  lastAttempt: TypedAttempt | null;
  /** The pitch card's target length in seconds. */
  pitchTarget: number | null;
  /** A revealed pitch attempt too short to be a real try: its length, and whether it is to be kept. */
  shortPitch: { ms: number; kept: boolean } | null;
  /** Set when the screen asked for the end (or nothing is due). */
  end: DrillEnd | null;
}

/**
 * The drill as the screen shows it at `now`. `ending` asks for the end-of-session figures too
 * (the screen knows when the user quit mid-session; the state knows when it ran out of cards).
 * `end` is set exactly when the screen should show the end (or the nothing-due) page.
 */
// Stryker disable next-line ConditionalExpression,LogicalOperator,StringLiteral: a done or empty drill has no current card, so `ending ||= !card` ends it anyway
export function drillView(s: DrillState, now: Date, ending = s.phase === 'empty' || s.phase === 'done'): DrillView {
  const { interview, retention } = s.config;
  const card = currentCard(s);
  // No card on screen: the session is over, whatever the caller thought.
  ending ||= !card;
  const progress = card ? s.progress.get(card.id) : undefined;
  const revealed = s.phase === 'revealed';
  return {
    card,
    note: (interview && describeInterview(interview, now)) ?? undefined,
    noteShort: interview ? interviewCountdown(interview, now) : undefined,
    position: card && !ending ? position(s) : null,
    grades:
      revealed && progress && !ending
        ? (() => {
            const waits = deadlineIntervals(scheduler(retention), progress, interview, now);
            return GRADES.map((grade) => ({ grade, name: GRADE_NAMES[grade], wait: formatInterval(waits[grade]) }));
          })()
        : null,
    lastAttempt: revealed && progress ? progress.history.typed : null,
    pitchTarget: card?.kind === 'pitch' ? pitchTargetSeconds(card) : null,
    shortPitch: shortPitch(s),
    end: ending ? drillEnd(s, now) : null,
  };
}

function drillEnd(s: DrillState, now: Date): DrillEnd {
  const { deck, interview, retention } = s.config;
  const f = scheduler(retention);
  const due = nextDue(deck.cards, deadlineView(f, s.progress, interview, now));
  return {
    nextDue: due ? formatDue(due, now) : null,
    readiness: describeReadiness(f, deck.cards, s.progress, interview, now),
    spent: formatDuration(now.getTime() - s.startedAt),
  };
}

function shortPitch(s: DrillState): DrillView['shortPitch'] {
  const ms = shortPitchMs(s);
  return ms === null ? null : { ms, kept: s.keepShortPitch };
}
