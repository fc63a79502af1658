import { describe, expect, it } from 'vitest';
import { default_w, fsrs, generatorParameters } from 'ts-fsrs';
import fs from 'node:fs';
import path from 'node:path';
import { scheduler } from '../../../src/core/schedule/fsrs.js';
import { replay } from '../../../src/core/schedule/snapshot.js';
import { readStoredProgress } from '../../../src/core/schedule/stored-progress.js';
import { scheduleFromNow } from '../../../src/core/schedule/clock-skew.js';
import { meanRecallAt } from '../../../src/core/schedule/deadline.js';
import { newIntroducedToday, nextDue, pickable, pickNext, waitingCards } from '../../../src/core/schedule/queue.js';
import { weakCards } from '../../../src/core/schedule/weakness.js';
import { newFacts } from '../../../src/core/schedule/card-rows.js';
import { factsOf, factsReader, progressReader, recallsAt } from '../../../src/core/schedule/progress-readers.js';
import { ProgressTable } from '../../../src/core/schedule/progress-table.js';
import { ProgressMap } from '../../../src/core/schedule/progress-map.js';
import { initDrill } from '../../../src/core/session/drill-state.js';
import { countByState } from '../../../src/core/stats/counts.js';
import { dueForecast } from '../../../src/core/stats/forecast.js';
import { cardStats } from '../../../src/core/stats/recall.js';
import { summarizeDeck } from '../../../src/core/stats/deck-summary.js';
import { listJson } from '../../../src/core/stats/json-shapes.js';
import { loadSnapshot, saveSnapshot } from '../../../src/core/store/snapshot-store.js';
import { recallAt, type CardProgress } from '../../../src/core/schedule/progress.js';
import type { Card, Deck } from '../../../src/core/deck/types.js';
import type { GradeRecord, LogRecord } from '../../../src/core/store/review-log.js';
import { makeDeck, question } from '../../helpers/deck.js';
import { useTempHome } from '../../helpers/temp-home.js';

// The snapshot's rows are columns (card-rows.ts) and a start reads them through a ProgressTable
// without making a card's progress: every count, queue and summary must come out exactly as
// from progress replayed into a plain map from the whole log.
const f = scheduler(0.9);
const T = Date.parse('2026-10-01T10:00:00Z');
const HOUR = 3_600_000;
const home = useTempHome('prep-table-');

/** A seeded history over 40 cards (q1..q40; q31..q40 never graded) and one card since removed (gone). */
function history(n: number, seed: number): GradeRecord[] {
  let a = seed;
  const rand = () => ((a = (a * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  return Array.from({ length: n }, (_, i) => {
    const card = i % 17 === 0 ? 'gone' : `q${1 + Math.floor(rand() * 30)}`;
    const typed = i % 5 === 0 ? { typed: `answer ${i}` } : {};
    return { v: 1, type: 'grade', id: `g${i}`, deck: 'test', card, grade: (1 + Math.floor(rand() * 4)) as 1 | 2 | 3 | 4, at: new Date(T + i * 5 * HOUR).toISOString(), ms: 2000 + i, ...typed };
  });
}
const lines = (records: LogRecord[]) => records.map((r) => `${JSON.stringify(r)}\n`).join('');

/** The deck's progress as a start reads it: a snapshot of `before`, then `after` read as the log's tail. */
function fromSnapshot(deck: Deck, before: LogRecord[], after: LogRecord[]) {
  const dir = home().dir;
  const file = path.join(dir, 'logs', 'test.jsonl');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, lines(before));
  const first = readStoredProgress(f, 0.9, deck.cards, file, dir, 'test');
  saveSnapshot(dir, 'test', first.snapshot()!);
  fs.appendFileSync(file, lines(after));
  const stored = readStoredProgress(f, 0.9, deck.cards, file, dir, 'test');
  expect(stored.all, 'only the tail read').toBeUndefined();
  return stored;
}

/** Everything list, the drill and the counts read of a deck's progress, at `now`. */
function views(deck: Deck, progress: ReadonlyMap<string, CardProgress>, lastPractised: number | null, now: Date) {
  const cards: readonly Card[] = deck.cards;
  const place = { name: 'test', path: '/decks/test.yaml', shipped: false };
  const moved = scheduleFromNow(progress, now);
  const drill = initDrill({ deck, retention: 0.9, newPerDay: 5 }, moved.progress, now.getTime());
  return {
    counts: countByState(cards, progress),
    waiting: waitingCards(cards, progress, { now, newPerDay: 5, newToday: 1 }),
    pool: pickable(cards, progress, now, 5).map((c) => c.id),
    next: pickNext(cards, progress, { now, newPerDay: 5, newToday: 0 }),
    nextDue: nextDue(cards, progress),
    newToday: newIntroducedToday(progress, now),
    recall: meanRecallAt(f, cards, progress, new Date(now.getTime() + 7 * 24 * HOUR)),
    moved: moved.moved,
    drill: { current: drill.current, phase: drill.phase, pool: drill.pool?.cards.map((c) => c.id), newToday: drill.newToday },
    list: [null, new Date(now.getTime() + 10 * 24 * HOUR)].map((interview) =>
      listJson(summarizeDeck(place, deck, { progress, lastPractised }, { now, retention: 0.9, interview })),
    ),
    // prep stats: every card's figures (read through getters, so each is compared) and the forecast.
    cards: [null, new Date(now.getTime() + 10 * 24 * HOUR)].map((interview) => cardStats(f, cards, progress, now, interview).map((c) => ({ ...c }))),
    forecast: dueForecast(cards, progress, now, 14),
    // The first weak cards are searched by a bound read from the columns (recall, lapses): any
    // count must be the head of the full ranking.
    weakest: [1, 5, 12, 40].map((n) => weakCards(f, cards, progress, now, n)),
  };
}

describe('progress read from the columns of a snapshot', () => {
  const records = history(240, 7);
  const deck = makeDeck(40);
  // Deck order changed since the snapshot: the rows no longer line up with the cards.
  const shuffled = { ...deck, cards: [...deck.cards].reverse() };
  const nows = [T + 200 * 5 * HOUR, T + 240 * 5 * HOUR, T + 260 * 5 * HOUR].map((t) => new Date(t));

  it.each([
    ['in deck order', deck],
    ['after the deck was reordered', shuffled],
  ])('gives the same counts, queue, drill start and prep list lines (text and JSON fields) as a full replay, %s', (_what, d) => {
    const stored = fromSnapshot(deck, records.slice(0, 200), records.slice(200));
    const again = fromSnapshot(d, records.slice(0, 200), records.slice(200));
    const truth = new Map([...replay(f, d.cards, records)]);
    expect(stored.lastPractised).toBe(Date.parse(records.at(-1)!.at));
    for (const now of nows) {
      expect(views(d, again.progress, stored.lastPractised, now)).toEqual(views(d, truth, stored.lastPractised, now));
    }
    expect(JSON.parse(JSON.stringify([...again.progress]))).toEqual(JSON.parse(JSON.stringify([...truth])));
  });

  it("reads each card's lapses from the columns as the full replay counts them", () => {
    const stored = fromSnapshot(deck, records.slice(0, 200), records.slice(200));
    const truth = replay(f, deck.cards, records);
    const facts = newFacts();
    const fromColumns = (cards: readonly Card[]) => {
      const read = factsReader(stored.progress, cards);
      return cards.map((c, i) => (read(i, facts) ? facts.lapses : null));
    };
    const lapses = deck.cards.map((c) => truth.get(c.id)!.fsrs.lapses);
    expect(lapses.filter((n) => n > 1).length, 'some cards forgotten more than once').toBeGreaterThan(3);
    expect(fromColumns(deck.cards)).toEqual(lapses);
    // Card by card (not the whole deck in order): read from the rows, or a card's progress once made.
    expect(fromColumns([...deck.cards].reverse())).toEqual([...lapses].reverse());
  });

  it("gives each card's recall as a full replay predicts it, once per scheduler and time for a whole deck", () => {
    const stored = fromSnapshot(deck, records.slice(0, 200), records.slice(200));
    const truth = replay(f, deck.cards, records);
    const expected = (g: typeof f, at: Date) => deck.cards.map((c) => (truth.get(c.id)!.fsrs.state === 0 ? null : recallAt(g, truth.get(c.id)!, at)));
    const figures = (r: Float64Array) => [...r].map((x) => (Number.isNaN(x) ? null : x));
    const [now, later] = nows;
    const first = recallsAt(f, stored.progress, deck.cards, now!);
    expect(figures(first)).toEqual(expected(f, now!));
    expect(figures(first).filter((x) => x === null)).toHaveLength(10);
    // Asked again over the same table, scheduler and time: the same figures, not worked out again.
    expect(recallsAt(f, stored.progress, deck.cards, new Date(now!))).toBe(first);
    // Another time or another scheduler: worked out for it.
    expect(figures(recallsAt(f, stored.progress, deck.cards, later!))).toEqual(expected(f, later!));
    // Recall depends on the scheduler's weights (the decay of its forgetting curve), not on its retention.
    const other = fsrs(generatorParameters({ w: [...default_w.slice(0, 20), 0.5], enable_fuzz: false }));
    expect(expected(other, now!)).not.toEqual(expected(f, now!));
    expect(figures(recallsAt(other, stored.progress, deck.cards, now!))).toEqual(expected(other, now!));
    // Some of the cards, or a plain map: card by card, the same figures.
    const some = deck.cards.slice(5, 25).reverse();
    expect(figures(recallsAt(f, stored.progress, some, now!))).toEqual(expected(f, now!).slice(5, 25).reverse());
    expect(figures(recallsAt(f, truth, deck.cards, now!))).toEqual(expected(f, now!));
    expect(figures(recallsAt(f, new Map(), deck.cards.slice(0, 3), now!))).toEqual([null, null, null]);
  });

  it('matches rows to cards when never-graded cards sit between graded ones and cards moved since the snapshot', () => {
    // The snapshot is written for `deck`; the deck read with it has new cards between the graded
    // ones, one graded card moved to the end and one ahead of its neighbours.
    const ids = deck.cards.map((c) => c.id).filter((id) => id !== 'q5' && id !== 'q20');
    const order = ids.flatMap((id, i) => (i % 7 === 3 ? [`new${i}`, id] : [id]));
    order.splice(2, 0, 'q20');
    order.push('q5');
    const changed: Deck = { ...deck, cards: order.map((id) => deck.cards.find((c) => c.id === id) ?? question(id)) };
    const dir = home().dir;
    const file = path.join(dir, 'logs', 'test.jsonl');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, lines(records.slice(0, 200)));
    saveSnapshot(dir, 'test', readStoredProgress(f, 0.9, deck.cards, file, dir, 'test').snapshot()!);
    fs.appendFileSync(file, lines(records.slice(200)));
    const stored = readStoredProgress(f, 0.9, changed.cards, file, dir, 'test');
    expect(stored.all, 'only the tail read').toBeUndefined();
    const truth = new Map([...replay(f, changed.cards, records)]);
    for (const now of nows) expect(views(changed, stored.progress, stored.lastPractised, now)).toEqual(views(changed, truth, stored.lastPractised, now));
    expect(JSON.parse(JSON.stringify([...stored.progress]))).toEqual(JSON.parse(JSON.stringify([...truth])));
  });

  it('a card graded with a clock running fast is scheduled from now, as from a plain map', () => {
    const ahead = [...records.slice(0, 200), { ...records[200]!, card: 'q3', at: new Date(T + 245 * 5 * HOUR).toISOString() }];
    const stored = fromSnapshot(deck, ahead.slice(0, 199), ahead.slice(199));
    const truth = new Map([...replay(f, deck.cards, ahead)]);
    const now = nows[1]!;
    const a = scheduleFromNow(stored.progress, now);
    expect(a.moved).toEqual(['q3']);
    expect(views(deck, stored.progress, null, now)).toEqual(views(deck, truth, null, now));
    expect(a.progress.get('q3')!.fsrs.due.getTime()).toBeGreaterThanOrEqual(now.getTime());
  });

  it("gives a card's progress by deck position as by id, and by id again once the map has changed", () => {
    const stored = fromSnapshot(deck, records.slice(0, 200), records.slice(200));
    const table = stored.progress as ProgressTable;
    const byPosition = progressReader(table, deck.cards);
    // Out of deck order, as the weakest-card search asks.
    for (const i of [39, 3, 17, 0, 25]) expect(byPosition(i)).toBe(table.get(deck.cards[i]!.id));
    expect(table.at(5)).toEqual(replay(f, deck.cards, records).get('q6'));
    // A drill's map after a grade: the table no longer answers for it.
    const graded = ProgressMap.from(table).with('q6', { ...table.get('q6')!, history: { ...table.get('q6')!.history, count: 99 } });
    expect(progressReader(graded, deck.cards)(5)!.history.count).toBe(99);
    // Cards other than the table's, in another order: looked up by id.
    const some = [deck.cards[7]!, deck.cards[2]!];
    expect(progressReader(table, some)(1)).toBe(table.get(deck.cards[2]!.id));
  });

  it('holds only the deck cards: a card since removed keeps its row in the snapshot but is not in the map', () => {
    const stored = fromSnapshot(deck, records.slice(0, 200), records.slice(200));
    expect(stored.progress.has('gone')).toBe(false);
    expect(stored.progress.get('gone')).toBeUndefined();
    // Graded after the snapshot too, yet not a deck card: no figures for it either.
    expect(records.slice(200).some((r) => r.type === 'grade' && r.card === 'gone')).toBe(true);
    expect(factsOf(stored.progress, 'gone', newFacts())).toBe(false);
    expect(stored.progress.size).toBe(40);
    expect([...stored.progress.keys()]).toEqual(deck.cards.map((c) => c.id));
    expect(stored.snapshot()!.ids).toContain('gone');
    // The deck's graded cards lead the snapshot, in deck order.
    const graded = deck.cards.map((c) => c.id).filter((id) => stored.progress.get(id)!.history.count > 0);
    expect(stored.snapshot()!.ids.slice(0, graded.length)).toEqual(graded);
  });

  it('gives the same figures for some or all of the deck\'s cards, in another order, as a full replay', () => {
    // A pass over a subset (prep review of a few cards, a tag): the table is read card by card, not by its columns.
    // The deck's first card is graded before the snapshot and not since: it is read from the snapshot's first row.
    const first = deck.cards[0]!.id;
    const tail = records.slice(200).filter((r) => r.card !== first);
    expect(records.slice(0, 200).some((r) => r.card === first)).toBe(true);
    const stored = fromSnapshot(deck, records.slice(0, 200), tail);
    const truth = new Map([...replay(f, deck.cards, [...records.slice(0, 200), ...tail])]);
    // Some cards in another order, all of them in another order, the first ones in deck order.
    for (const cards of [deck.cards.filter((_, i) => i % 3 !== 1).reverse(), [...deck.cards].reverse(), deck.cards.slice(0, 27)]) {
      const some = { ...deck, cards };
      for (const now of nows) expect(views(some, stored.progress, null, now)).toEqual(views(some, truth, null, now));
    }
    expect(stored.snapshot()!.ids[0]).toBe(first);
    const facts = newFacts();
    expect(factsOf(stored.progress, first, facts)).toBe(true);
    expect(facts.due).toBe(truth.get(first)!.fsrs.due.getTime());
  });

  it('a snapshot saved start after start holds each card once, and keeps a card taken out of the deck until it returns', () => {
    const dir = home().dir;
    fromSnapshot(deck, records.slice(0, 200), records.slice(200));
    const file = path.join(dir, 'logs', 'test.jsonl');
    // q2 taken out of the deck (graded before the snapshot only), then two starts, then put back.
    const q2 = deck.cards.find((c) => c.id === 'q2')!;
    expect(records.slice(0, 200).some((r) => r.type === 'grade' && r.card === 'q2')).toBe(true);
    const without = deck.cards.filter((c) => c !== q2);
    for (let i = 0; i < 2; i++) {
      const s = readStoredProgress(f, 0.9, without, file, dir, 'test');
      expect(s.all, 'only the tail read').toBeUndefined();
      saveSnapshot(dir, 'test', s.snapshot()!);
      const ids = loadSnapshot(dir, 'test')!.ids;
      expect(new Set(ids).size, ids.join(' ')).toBe(ids.length);
      expect(ids).toContain('q2');
      expect(ids).toContain('gone');
    }
    const back = readStoredProgress(f, 0.9, deck.cards, file, dir, 'test');
    expect(back.all, 'only the tail read').toBeUndefined();
    const truth = replay(f, deck.cards, records);
    expect(JSON.parse(JSON.stringify(back.progress.get('q2')))).toEqual(JSON.parse(JSON.stringify(truth.get('q2'))));
  });
});
