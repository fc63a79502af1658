import { describe, expect, it } from 'vitest';
import { deadlineView, describeReadiness } from '../../../src/core/schedule/deadline.js';
import { scheduler } from '../../../src/core/schedule/fsrs.js';
import { replay, replayTail } from '../../../src/core/schedule/snapshot.js';
import { rankWeakness, weakCards } from '../../../src/core/schedule/weakness.js';
import { deckStats } from '../../../src/core/stats/deck-stats.js';
import { statsJson } from '../../../src/core/stats/json-shapes.js';
import { makeDeck } from '../../helpers/deck.js';
import { fixture, grade, pitch, undo } from '../../helpers/fixture-log.js';
import type { LogRecord, MockRecord } from '../../../src/core/store/log-records.js';

const NOW = new Date('2026-11-26T10:00');
const INTERVIEW = new Date('2026-12-03T09:00');

describe('deck stats', () => {
  it('predicts each card’s recall at the interview, lowest first, for cards practised', () => {
    const { deck, records } = fixture();
    const s = deckStats({ deck, records, now: NOW, retention: 0.9, interview: INTERVIEW });
    expect(s.daysLeft).toBe(7);
    expect(s.atInterview.map((c) => c.id).sort()).toEqual(['pitch', 'q1', 'q2', 'q3']);
    const recalls = s.atInterview.map((c) => c.recallAtInterview!);
    expect(recalls).toEqual([...recalls].sort((a, b) => a - b));
    // Memory fades: a week on, every card is less sure than now.
    for (const c of s.atInterview) expect(c.recallAtInterview!).toBeLessThan(c.recallNow!);
    // Two Easy grades ten days apart hold best.
    expect(s.atInterview.at(-1)!.id).toBe('q2');
    expect(s.cards.find((c) => c.id === 'q4')).toMatchObject({ state: 'new', recallNow: null, recallAtInterview: null, due: null });
    // As the drill's summary: the never-seen card counts as 0.
    expect(s.unseen).toBe(1);
    expect(s.meanAtInterview).toBeCloseTo(recalls.reduce((a, b) => a + b) / 5, 10);
  });

  it('with an interview ahead, due dates are the drill’s: none after the interview', () => {
    const { deck, records } = fixture();
    const plain = deckStats({ deck, records, now: NOW, retention: 0.9, interview: null });
    const soon = new Date('2026-11-28T09:00');
    const s = deckStats({ deck, records, now: NOW, retention: 0.9, interview: soon });
    // Without the date, q2 (two Easy grades) is due weeks after the 28th.
    expect(plain.cards.find((c) => c.id === 'q2')!.due!.getTime()).toBeGreaterThan(soon.getTime());
    for (const c of s.cards) if (c.due) expect(c.due.getTime()).toBeLessThan(soon.getTime());
    expect(s.forecast.slice(0, 2).reduce((a, d) => a + d.count, 0)).toBe(4);
    expect(s.forecast.slice(2).every((d) => d.count === 0)).toBe(true);
  });

  it('predicts nothing at an interview that has passed', () => {
    const { deck, records } = fixture();
    const s = deckStats({ deck, records, now: NOW, retention: 0.9, interview: new Date('2026-11-20T09:00') });
    expect(s.daysLeft).toBe(-6);
    expect(s.atInterview).toEqual([]);
    expect(s.cards.every((c) => c.recallAtInterview === null)).toBe(true);
    expect(s.meanAtInterview).toBeNull();
  });

  it('ranks the weakest with the score of prep review: the forgotten card first, never-seen ones out', () => {
    const { deck, records } = fixture();
    const s = deckStats({ deck, records, now: NOW, retention: 0.9, interview: null });
    // Exactly what `prep weak` drills: q2 is seen but not weak, so it is not listed.
    expect(s.weakest.map((c) => c.id)).toEqual(['q1', 'q3', 'pitch']);
    expect(s.weakest.map((c) => c.id)).toEqual(weakCards(scheduler(0.9), deck.cards, replay(scheduler(0.9), deck.cards, records), NOW).map((w) => w.id));
    expect(s.weakest[0]!.reasons).toContain('forgot 1x');
    expect(s.weakest[1]!.reasons).toContain('last: Hard');
  });

  it('keeps at most five weakest cards', () => {
    const deck = makeDeck(8);
    const records = deck.cards.map((c, i) => grade(c.id, 1, `2026-11-2${i % 5}T10:00`));
    expect(deckStats({ deck, records, now: NOW, retention: 0.9, interview: null }).weakest).toHaveLength(5);
  });

  it('pitch: target from the pitch card, the run closest to it as best, the median of the last five', () => {
    const { deck, records } = fixture();
    const s = deckStats({ deck, records, now: NOW, retention: 0.9, interview: null });
    expect(s.pitch.targetSeconds).toBe(40);
    expect(s.pitch.attempts.map((a) => a.ms)).toEqual([45_000, 41_000, 38_000, 30_000, 50_000, 39_500]);
    expect(s.pitch.history.best?.ms).toBe(39_500);
    // Last five: 41, 38, 30, 50, 39.5 s.
    expect(s.pitch.history.medianRecentMs).toBe(39_500);
  });

  it('answer times: the slowest cards by median time to reveal', () => {
    const { deck, records } = fixture();
    const s = deckStats({ deck, records, now: NOW, retention: 0.9, interview: null });
    expect(s.answerTimes.slice(0, 3).map((t) => [t.card, t.medianMs])).toEqual([
      ['q3', 90_000],
      ['pitch', 42_000],
      ['q1', 25_000],
    ]);
  });

  it('as JSON: ISO dates, milliseconds, and null for every absent value', () => {
    const { deck, records } = fixture();
    const j = statsJson(deckStats({ deck, records, now: NOW, retention: 0.9, interview: INTERVIEW }));
    expect(j).toMatchObject({ deck: 'test', interview: INTERVIEW.toISOString(), daysLeft: 7, generatedAt: NOW.toISOString() });
    // q1 and q2 reached review; q3 (Hard) and the pitch (one Good) are on a learning step.
    expect(j.counts).toEqual({ new: 1, learning: 2, review: 2, relearning: 0, total: 5 });
    expect(j.reviews.total).toBe(8);
    expect(j.dueForecast).toHaveLength(14);
    expect(j.dueForecast[0]!.date).toBe('2026-11-26');
    expect(j.cards.find((c) => c.id === 'q4')).toEqual({
      id: 'q4',
      kind: 'question',
      state: 'new',
      due: null,
      stability: null,
      difficulty: null,
      reps: 0,
      lapses: 0,
      lastGrade: null,
      recallNow: null,
      recallAtInterview: null,
      medianMs: null,
    });
    expect(j.cards.find((c) => c.id === 'q1')?.due).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(j.pitch).toMatchObject({ target: 40_000, best: 39_500, medianLast5: 39_500 });
    expect(j.pitch.attempts[0]).toEqual({ at: new Date('2026-11-20T09:00').toISOString(), ms: 45_000 });
    expect(j.weakest[0]).toBe('q1');
  });

  it('leaves out deleted pitch runs, undone grades and other decks\' rehearsals', () => {
    const { deck, records } = fixture();
    const deleted = pitch(40_000, '2026-11-26T09:00');
    const undone = grade('q2', 1, '2026-11-26T09:30');
    const mock = (id: string, deckName: string): MockRecord => ({ v: 1, type: 'mock', id, deck: deckName, at: new Date('2026-11-24T12:00').toISOString(), ms: 300_000, items: [], scheduled: false });
    const more: LogRecord[] = [
      ...records,
      deleted,
      undo(deleted, '2026-11-26T09:01'),
      undone,
      undo(undone, '2026-11-26T09:31'),
      mock('m1', 'test'),
      mock('m2', 'other'),
    ];
    const s = deckStats({ deck, records: more, now: NOW, retention: 0.9, interview: null });
    expect(s.pitch.attempts.map((a) => a.ms)).toEqual([45_000, 41_000, 38_000, 30_000, 50_000, 39_500]);
    expect(s.reviews.total).toBe(8);
    const today = s.heatmap.weeks.flat().filter((d) => d !== null).at(-1)!;
    expect(today.count).toBe(0);
    expect(s.heatmap.weeks.flat().reduce((n, d) => n + (d?.count ?? 0), 0)).toBe(8);
    expect(s.mocks.map((m) => m.id)).toEqual(['m1']);
    // The last practice is the last grade that counts (25 Nov, 10:05), not the undone one nor the deleted run.
    expect(s.lastPractised).toEqual(new Date('2026-11-25T10:05'));
  });

  it('shows the runs and rehearsals of a deck known by its progress key (a deck outside the decks folder)', () => {
    const { deck, records } = fixture();
    const outside = { ...deck, key: 'test.0a1b2c3d' };
    const mine = (r: LogRecord): LogRecord => ({ ...r, deck: outside.key });
    const rehearsal: MockRecord = { v: 1, type: 'mock', id: 'm1', deck: outside.key, at: new Date('2026-11-24T12:00').toISOString(), ms: 300_000, items: [], scheduled: true };
    const s = deckStats({ deck: outside, records: [...records.map(mine), rehearsal], now: NOW, retention: 0.9, interview: null });
    expect(s.pitch.attempts).toHaveLength(6);
    expect(s.mocks.map((m) => m.id)).toEqual(['m1']);
  });

  it('gives the same figures from a log streamed past a stored replay as from the records', () => {
    const { deck, records } = fixture();
    const whole = deckStats({ deck, records, now: NOW, retention: 0.9, interview: INTERVIEW });
    const stored = replayTail(scheduler(0.9), 0.9, deck.cards, records, null, undefined)!;
    const streamed = deckStats({ deck, stored, eachRecord: (visit) => records.forEach(visit), now: NOW, retention: 0.9, interview: INTERVIEW });
    expect(statsJson(streamed)).toEqual(statsJson(whole));
    expect(streamed.lastPractised).toEqual(new Date('2026-11-25T10:05'));
  });

  it('as JSON: grades per day up to today, each card\'s median answer time, a rehearsal\'s mean grade to four decimals', () => {
    const { deck, records } = fixture();
    const item = (grade: 1 | 2 | 3 | 4) => ({ card: 'q1', kind: 'question' as const, ms: 10_000, target: null, skipped: false, grade });
    const rehearsal: MockRecord = { v: 1, type: 'mock', id: 'm1', deck: 'test', at: new Date('2026-11-24T12:00').toISOString(), ms: 300_000, items: [item(2), item(2), item(3)], scheduled: true };
    const j = statsJson(deckStats({ deck, records: [...records, rehearsal], now: NOW, retention: 0.9, interview: null }));
    expect(j.heatmap.at(-1)).toEqual({ date: '2026-11-26', count: 0 });
    expect(j.heatmap.find((d) => d.date === '2026-11-20')).toEqual({ date: '2026-11-20', count: 3 });
    expect(j.heatmap.reduce((n, d) => n + d.count, 0)).toBe(8);
    expect(j.cards.find((c) => c.id === 'q1')?.medianMs).toBe(25_000);
    expect(j.mocks).toEqual([{ at: rehearsal.at, ms: 300_000, cards: 3, answered: 3, skipped: 0, overTime: 0, timed: 0, meanGrade: 2.3333, scheduled: true }]);
  });

  it('a deck without a pitch card has a null target and no runs', () => {
    const deck = makeDeck(2);
    const j = statsJson(deckStats({ deck, records: [], now: NOW, retention: 0.9, interview: null }));
    expect(j.pitch).toEqual({ target: null, attempts: [], best: null, medianLast5: null });
    expect(j.interview).toBeNull();
    expect(j.lastPractised).toBeNull();
    expect(j.reviews).toEqual({ total: 0, last30d: 0, retention30d: null });
  });
});

describe('one recall figure everywhere', () => {
  it('stats, prep review and the drill summary agree, to the hour, not only to the day', () => {
    const { deck, records } = fixture();
    // 21:00, 11 hours after a whole number of days past the fixture's 10:00 grades: a figure
    // computed in whole days would see no time pass since 10:00 and read higher.
    const now = new Date('2026-11-26T21:00');
    const s = deckStats({ deck, records, now, retention: 0.9, interview: INTERVIEW });
    const f = scheduler(0.9);
    const progress = deadlineView(f, replay(f, deck.cards, records), INTERVIEW, now);
    expect(describeReadiness(f, deck.cards, progress, INTERVIEW, now)).toContain(`${Math.round(s.meanAtInterview! * 100)}%`);
    for (const w of rankWeakness(f, deck.cards, progress, now)) {
      expect(w.recall).toBeCloseTo(s.cards.find((c) => c.id === w.id)!.recallNow!, 12);
    }
    const q2 = s.cards.find((c) => c.id === 'q2')!;
    const lastReview = progress.get('q2')!.fsrs.last_review!;
    const wholeDays = Math.floor((now.getTime() - lastReview.getTime()) / 86_400_000);
    expect(q2.recallNow).toBeLessThan(f.forgetting_curve(wholeDays, progress.get('q2')!.fsrs.stability));
  });
});
