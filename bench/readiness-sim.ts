// The readiness simulation behind `npm run bench -- readiness` (bundled and run by readiness.mjs).
// Simulated learners whose true memory follows the FSRS forgetting curve with their own, randomised
// parameters are drilled by prep's real drill session, one session a day, up to an interview.
import {
  clipParameters,
  createEmptyCard,
  default_w,
  fsrs,
  generatorParameters,
  type Card as FsrsCard,
  type FSRS,
  type Grade as FsrsGrade,
} from 'ts-fsrs';
import type { Card, Deck } from '../src/core/deck/types.js';
import type { CardProgress } from '../src/core/schedule/progress.js';
import { replay } from '../src/core/schedule/snapshot.js';
import { scheduler } from '../src/core/schedule/fsrs.js';
import { initDrill, type DrillMode } from '../src/core/session/drill-state.js';
import { DrillSession } from '../src/core/session/drill-session.js';
import { mulberry32 } from '../src/core/session/mock-draw.js';
import type { Grade } from '../src/core/store/review-log.js';

const DAY = 86_400_000;
const CARDS = 20;
const RETENTION = 0.9;

// prep's own seeded PRNG, so every run prints the same table.
const prng = mulberry32;

/** A standard normal draw (Box-Muller). */
function normal(rand: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
}

/** One learner: their own FSRS weights (the truth), and how easy each card is at first sight. */
interface Learner {
  truth: FSRS;
  firstSight: number[];
}

function makeLearner(seed: number): Learner {
  const rand = prng(seed);
  const w = [...default_w];
  // Stability-related weights vary most between people: initial stabilities, growth on recall,
  // stability after a lapse; each scaled log-normally around the population default.
  for (const i of [0, 1, 2, 3]) w[i] = w[i]! * Math.exp(0.5 * normal(rand));
  w[8] = w[8]! * Math.exp(0.2 * normal(rand));
  w[11] = w[11]! * Math.exp(0.3 * normal(rand));
  const truth = fsrs(generatorParameters({ w: clipParameters(w, 1), enable_fuzz: false }));
  return { truth, firstSight: Array.from({ length: CARDS }, () => 0.4 + 0.5 * rand()) };
}

/** What the learner really remembers of one card at `at` (0 if never seen). */
function trueRecall(l: Learner, c: FsrsCard, at: number): number {
  if (!c.last_review) return 0;
  return l.truth.forgetting_curve(Math.max(0, (at - c.last_review.getTime()) / DAY), c.stability);
}

/** The grade the learner gives: recalled with probability `p`, then mostly Good. */
function answer(rand: () => number, p: number): Grade {
  if (rand() >= p) return 1;
  const u = rand();
  return u < 0.15 ? 2 : u < 0.9 ? 3 : 4;
}

type Strategy = 'deadline' | 'plain' | 'every-day';

/** Runs one learner through daily 19:00 sessions until the interview (09:00, `horizon` days on). */
function simulate(l: Learner, strategy: Strategy, horizon: number, seed: number): { recall: number; reviews: number } {
  const rand = prng(seed);
  const deck: Deck = {
    name: 'sim',
    path: '/sim.yaml',
    title: 'Simulated deck',
    cards: Array.from({ length: CARDS }, (_, i): Card => ({
      id: `c${i}`,
      kind: 'question',
      prompt: '',
      answer: '',
      points: [],
      tags: [],
      line: 1,
    })),
  };
  const first = new Date(2026, 5, 1, 19, 0).getTime();
  const interview = new Date(2026, 5, 1 + horizon, 9, 0);
  const config = { deck, retention: RETENTION, newPerDay: CARDS, ...(strategy === 'deadline' ? { interview } : {}) };
  const truth = new Map<string, FsrsCard>(deck.cards.map((c) => [c.id, createEmptyCard(new Date(0))]));
  let progress: ReadonlyMap<string, CardProgress> = replay(scheduler(RETENTION), deck.cards, []);
  let reviews = 0;

  for (let day = 0; day < horizon; day++) {
    let now = first + day * DAY;
    if (now >= interview.getTime()) break;
    // Day 0 is the same for everyone: the new cards are learned through prep's learning steps.
    // From then on (c) goes through every card once a day, as `prep drill --all` does.
    const mode: DrillMode = strategy === 'every-day' && day > 0 ? 'all' : 'due';
    const session = new DrillSession(initDrill(config, progress, now, mode), { append: () => {} }, () => now);
    for (let step = 0; step < 500; step++) {
      const s = session.getState();
      if (s.phase !== 'question' || !s.current) break;
      const id = s.current.id;
      const mem = truth.get(id)!;
      now += 20_000;
      session.send({ type: 'reveal' });
      const p = mem.last_review ? trueRecall(l, mem, now) : l.firstSight[Number(id.slice(1))]!;
      const grade = answer(rand, p);
      now += 5_000;
      session.send({ type: 'grade', grade });
      truth.set(id, l.truth.next(mem, new Date(now), grade as FsrsGrade).card);
      reviews++;
    }
    progress = session.getState().progress;
  }
  let recall = 0;
  for (const c of truth.values()) recall += trueRecall(l, c, interview.getTime());
  return { recall: recall / CARDS, reviews };
}

/** Runs the whole table and prints it. */
export function run(learners = 200): void {
  const started = Date.now();
  const strategies: Array<[Strategy, string]> = [
    ['deadline', '(a) prep, deadline-aware'],
    ['plain', '(b) plain FSRS, no date'],
    ['every-day', '(c) every card every day'],
  ];
  console.log(`Readiness at the interview: ${learners} simulated learners per cell, ${CARDS}-card deck, one session a day at 19:00,`);
  console.log(`interview at 09:00; true memory = FSRS curve with per-learner random weights; retention ${RETENTION}.`);
  console.log('Day 0 is the same for all three (new cards learned through the learning steps); (c) then drills every card daily.');
  console.log('');
  console.log(
    `${'horizon'.padEnd(9)}${'scheduler'.padEnd(28)}${'recall at interview'.padStart(20)}${'learners < 0.9'.padStart(16)}` +
      `${'reviews'.padStart(9)}${'recall / (b)'.padStart(14)}${'reviews / (c)'.padStart(15)}`,
  );
  const verdicts: string[] = [];
  for (const horizon of [3, 7, 14]) {
    const cells = new Map<Strategy, { recall: number; reviews: number; below: number }>();
    for (const [strategy] of strategies) {
      let recall = 0;
      let reviews = 0;
      let below = 0;
      for (let i = 0; i < learners; i++) {
        // The same learners, and the same dice, for each scheduler: the comparison is paired.
        const r = simulate(makeLearner(1000 + i), strategy, horizon, 50_000 + i * 31 + horizon);
        recall += r.recall;
        reviews += r.reviews;
        below += r.recall < 0.9 ? 1 : 0;
      }
      cells.set(strategy, { recall: recall / learners, reviews: reviews / learners, below: below / learners });
    }
    const a = cells.get('deadline')!;
    const b = cells.get('plain')!;
    const c = cells.get('every-day')!;
    for (const [strategy, label] of strategies) {
      const x = cells.get(strategy)!;
      console.log(
        `${`${horizon} days`.padEnd(9)}${label.padEnd(28)}${x.recall.toFixed(3).padStart(20)}${`${(x.below * 100).toFixed(1)}%`.padStart(16)}` +
          `${x.reviews.toFixed(1).padStart(9)}${(x.recall / b.recall).toFixed(3).padStart(14)}${(x.reviews / c.reviews).toFixed(2).padStart(15)}`,
      );
    }
    const ok = a.recall >= 0.9 && a.recall > b.recall && a.reviews < c.reviews;
    verdicts.push(`${horizon} days: ${ok ? 'met' : 'NOT met'}`);
  }
  console.log('');
  console.log(`target (a) recall >= 0.9, > (b), and fewer reviews than (c): ${verdicts.join(' · ')}`);
  console.log(`took ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
