import { afterEach, describe, expect, it, vi } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { scheduler } from '../../../src/core/schedule/fsrs.js';
import { replay } from '../../../src/core/schedule/snapshot.js';
import { readStoredProgress } from '../../../src/core/schedule/stored-progress.js';
import { deckStats } from '../../../src/core/stats/deck-stats.js';
import { streamLog } from '../../../src/core/store/log-stream.js';
import { loadSnapshot, saveSnapshot, snapshotPath, type ReplaySnapshot } from '../../../src/core/store/snapshot-store.js';
import { withNumber } from '../../helpers/snapshot-rows.js';
import type { CardProgress } from '../../../src/core/schedule/progress.js';
import type { GradeRecord, LogRecord } from '../../../src/core/store/review-log.js';
import { makeDeck } from '../../helpers/deck.js';
import { useTempHome } from '../../helpers/temp-home.js';

const f = scheduler(0.9);
const deck = makeDeck(5);
const T = Date.parse('2026-10-01T10:00:00Z');
const home = useTempHome('prep-snap-');

function grades(n: number, from = 0): GradeRecord[] {
  return Array.from({ length: n }, (_, k) => {
    const i = from + k;
    const typed = i % 7 === 0 ? { typed: `try ${i}` } : {};
    return { v: 1, type: 'grade', id: `g${i}`, deck: 'test', card: `q${(i % 5) + 1}`, grade: ([3, 1, 3, 4, 2] as const)[i % 5]!, at: new Date(T + i * 3_600_000).toISOString(), ms: 1000 + i, ...typed };
  });
}
const undo = (target: string, i: number): LogRecord => ({ v: 1, type: 'undo', id: `u${i}`, deck: 'test', target, at: new Date(T + i * 3_600_000).toISOString() });
const lines = (records: LogRecord[]) => records.map((r) => `${JSON.stringify(r)}\n`).join('');
const plain = (m: ReadonlyMap<string, CardProgress>) => JSON.parse(JSON.stringify([...m]));

/** A deck's log in a temp home, read as a start reads it, and its snapshot saved as the drill saves it. */
function setUp(records: LogRecord[]) {
  const dir = home().dir;
  const file = path.join(dir, 'logs', 'test.jsonl');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, lines(records));
  const read = (retention = 0.9) => readStoredProgress(scheduler(retention), retention, deck.cards, file, dir, 'test');
  const start = (retention = 0.9) => {
    const r = read(retention);
    const snap = r.moved ? r.snapshot() : undefined;
    if (snap) saveSnapshot(dir, 'test', snap);
    return r;
  };
  return { dir, file, read, start, append: (more: LogRecord[]) => fs.appendFileSync(file, lines(more)) };
}

describe('a start reads only the log after its snapshot', () => {
  it('gives exactly what a full replay gives, summaries included, reading only the new records', () => {
    const first = grades(40);
    const log = setUp(first);
    expect(log.start().all).toHaveLength(40);
    log.append(grades(10, 40));
    const tail = log.start();
    expect(tail.all).toBeUndefined();
    const all = [...first, ...grades(10, 40)];
    expect(plain(tail.progress)).toEqual(plain(replay(f, deck.cards, all)));
    expect(tail.progress.get('q1')!.history).toMatchObject({ count: 10, first: { grade: 3, at: all[0]!.at }, last: { grade: 3, at: all[45]!.at, ms: 1045 }, typed: { text: 'try 35' } });
    // The next start has nothing new to read, and still the same progress.
    const again = log.read();
    expect(again.all).toBeUndefined();
    expect(again.moved).toBe(false);
    expect(plain(again.progress)).toEqual(plain(tail.progress));
  });

  it('rebuilds from the whole log when the log before the offset changed, or the retention did', () => {
    const first = grades(20);
    const log = setUp(first);
    log.start();
    // Rewritten in place: the last covered record changed (same length, other grade).
    const rewritten = first.map((r, i) => (i === 19 ? { ...r, grade: 4 as const } : r));
    fs.writeFileSync(log.file, lines([...rewritten, ...grades(3, 20)]));
    const r = log.read();
    expect(r.all).toHaveLength(23);
    expect(plain(r.progress)).toEqual(plain(replay(f, deck.cards, [...rewritten, ...grades(3, 20)])));
    // Cut shorter than the snapshot.
    fs.writeFileSync(log.file, lines(first.slice(0, 5)));
    expect(log.read().all).toHaveLength(5);
    fs.writeFileSync(log.file, lines(first));
    expect(log.read(0.85).all).toHaveLength(20);
  });

  it('an undo after the offset of a grade before it: the whole log is replayed once, without that grade, then tails again', () => {
    const first = grades(20);
    const log = setUp(first);
    log.start();
    // Another prep process saved the snapshot after g19; this one then takes g19 back.
    log.append([undo('g19', 21), ...grades(2, 22)]);
    const r = log.start();
    expect(r.all).toHaveLength(23);
    const truth = replay(f, deck.cards, [...first, undo('g19', 21), ...grades(2, 22)]);
    expect(plain(r.progress)).toEqual(plain(truth));
    expect(r.progress.get('q5')!.history.count).toBe(3);
    // The undo is now before the offset; a grade reusing its target id still never counts.
    log.append([{ ...grades(1, 30)[0]!, id: 'g19' }]);
    const next = log.start();
    expect(next.all).toBeUndefined();
    expect(next.progress.get('q1')!.history.count).toBe(truth.get('q1')!.history.count);
  });

  it('an undo after the offset of a grade also after it: still only the tail is read', () => {
    const log = setUp(grades(20));
    log.start();
    log.append([...grades(2, 20), undo('g21', 22)]);
    const r = log.read();
    expect(r.all).toBeUndefined();
    expect(plain(r.progress)).toEqual(plain(replay(f, deck.cards, [...grades(22), undo('g21', 22)])));
  });

  it('keeps the state of cards removed from the deck, so a returning id resumes', () => {
    const log = setUp(grades(10));
    const two = makeDeck(2);
    const r = readStoredProgress(f, 0.9, two.cards, log.file, log.dir, 'test');
    saveSnapshot(log.dir, 'test', r.snapshot()!);
    expect([...loadSnapshot(log.dir, 'test')!.ids].sort()).toEqual(['q1', 'q2', 'q3', 'q4', 'q5']);
    const back = log.read();
    expect(back.all).toBeUndefined();
    expect(plain(back.progress)).toEqual(plain(replay(f, deck.cards, grades(10))));
  });

  it('a corrupt, damaged or old-version snapshot reads as none and is rebuilt', () => {
    const log = setUp(grades(12));
    log.start();
    const file = snapshotPath(log.dir, 'test');
    const good = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, '{"snapshot": {"v":2, "ret');
    expect(log.read().all).toHaveLength(12);
    // A row's bytes damaged in place (one base64 character of the numbers changed).
    const numbers = /"numbers":"(.)/.exec(good)!;
    fs.writeFileSync(file, good.replace(numbers[0], `"numbers":"${numbers[1] === 'A' ? 'B' : 'A'}`));
    expect(log.read().all).toHaveLength(12);
    // The previous version's rows (one JSON row per card), whatever their digest.
    fs.writeFileSync(file, JSON.stringify({ snapshot: { v: 3, retention: 0.9, at: JSON.parse(good).snapshot.at, cards: {}, undone: [], lastPractised: null, digest: 'x' } }));
    expect(log.read().all).toHaveLength(12);
    fs.writeFileSync(file, JSON.stringify({ snapshot: { v: 1, retention: 0.9, count: 12, lastId: 'g11', cards: {} } }));
    const r = log.start();
    expect(r.all).toHaveLength(12);
    expect(loadSnapshot(log.dir, 'test')?.v).toBe(4);
    expect(log.read().all).toBeUndefined();
  });

  it('prep stats from the snapshot and one streaming pass equals stats from the whole log', () => {
    const records: LogRecord[] = [...grades(30), undo('g13', 31), { v: 1, type: 'pitch', id: 'p1', deck: 'test', ms: 31_000, beats: [0], beatsTotal: 2, at: new Date(T + 32 * 3_600_000).toISOString() }];
    const log = setUp(records.slice(0, 10));
    log.start();
    log.append(records.slice(10));
    const stored = log.read();
    expect(stored.all).toBeUndefined();
    const now = new Date(T + 40 * 3_600_000);
    const streamed = deckStats({ deck, now, retention: 0.9, interview: null, stored, eachRecord: (visit) => streamLog(log.file, visit) });
    expect(streamed).toEqual(deckStats({ deck, records, now, retention: 0.9, interview: null }));
    expect(streamed.reviews.total).toBe(29);
  });
});

describe('a snapshot that still fits its log by offset and last line', () => {
  it('is not trusted when its card rows were edited by hand', () => {
    const first = grades(20);
    const log = setUp(first);
    log.start();
    const file = snapshotPath(log.dir, 'test');
    const stored = JSON.parse(fs.readFileSync(file, 'utf8')) as { snapshot: ReplaySnapshot };
    // q1 made "learned for years": stability and due date changed, digest left as it was.
    stored.snapshot.numbers = withNumber(stored.snapshot, 'q1', 'due', Date.parse('2099-01-01T00:00:00Z'));
    stored.snapshot.numbers = withNumber(stored.snapshot, 'q1', 'stability', 999);
    fs.writeFileSync(file, JSON.stringify(stored));
    const again = log.read();
    expect(again.all, 'the whole log read again').toHaveLength(20);
    expect(plain(again.progress)).toEqual(plain(replay(f, deck.cards, first)));
    expect(again.progress.get('q1')!.fsrs.due.getUTCFullYear()).not.toBe(2099);
  });

  it('is trusted when only its layout changed (spaces, the same content), and not when its digest was edited too', () => {
    const first = grades(20);
    const log = setUp(first);
    log.start();
    const file = snapshotPath(log.dir, 'test');
    const stored = JSON.parse(fs.readFileSync(file, 'utf8')) as { snapshot: ReplaySnapshot };
    // Not the text prep wrote, so the start checks the content itself: it still fits.
    fs.writeFileSync(file, JSON.stringify(stored, null, 2));
    expect(log.read().all, 'only the part after the snapshot read').toBeUndefined();
    // Content edited and the old digest kept in the same bytes' place: refused.
    stored.snapshot.numbers = withNumber(stored.snapshot, 'q1', 'stability', 999);
    fs.writeFileSync(file, JSON.stringify(stored));
    expect(log.read().all).toHaveLength(20);
  });

  it('is not trusted beside another log that differs in its last covered line', () => {
    const first = grades(20);
    const log = setUp(first);
    log.start();
    const other = first.map((r, i) => (i === 19 ? { ...r, id: 'elsewhere', grade: 1 as const } : r));
    fs.writeFileSync(log.file, lines(other));
    const r = log.read();
    expect(r.all).toHaveLength(20);
    expect(plain(r.progress)).toEqual(plain(replay(f, deck.cards, other)));
  });
});

describe('a deleted pitch run (an undo targeting it)', () => {
  const pitch = (id: string, i: number): LogRecord => ({ v: 1, type: 'pitch', id, deck: 'test', ms: 31_000, beats: [0], beatsTotal: 2, at: new Date(T + i * 3_600_000).toISOString() });

  it('before the snapshot, no longer counts as the last practice (the whole log is read once)', () => {
    const before = setUp([...grades(3), pitch('p1', 10)]);
    expect(before.start().lastPractised).toBe(T + 10 * 3_600_000);
    before.append([undo('p1', 11)]);
    expect(before.start().lastPractised).toBe(T + 2 * 3_600_000);
    expect(before.read().lastPractised).toBe(T + 2 * 3_600_000);
  });

  it('read after the snapshot, is left out without reading the whole log', () => {
    const after = setUp(grades(3));
    after.start();
    after.append([pitch('p2', 10), undo('p2', 11)]);
    const r = after.read();
    expect(r.all, 'only the tail read').toBeUndefined();
    expect(r.lastPractised).toBe(T + 2 * 3_600_000);
  });
});

describe('a record dated after tomorrow (graded with the clock fast)', () => {
  afterEach(() => vi.useRealTimers());

  it('is left out of the snapshot, so once its time has come a start counts it, as a full replay does', () => {
    const first = grades(20);
    // Graded with the clock eleven days fast: skipped today, a real grade once the date is past.
    const fast: GradeRecord = { ...grades(1, 20)[0]!, id: 'fast', at: new Date(T + 30 * 86_400_000).toISOString() };
    const later = grades(5, 21);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(T + 19 * 86_400_000);
    const log = setUp([...first, fast, ...later]);
    const today = log.start();
    expect(today.warnings).toEqual([expect.stringMatching(/test\.jsonl:21: skipped a line: grade record dated "[^"]+", outside 2000 to tomorrow/)]);
    expect(plain(today.progress)).toEqual(plain(replay(f, deck.cards, [...first, ...later])));
    // A second start today still says so: the line was not taken into a snapshot.
    expect(log.start().warnings).toHaveLength(1);

    vi.setSystemTime(T + 31 * 86_400_000);
    const after = log.start();
    expect(after.warnings).toEqual([]);
    expect(plain(after.progress)).toEqual(plain(replay(f, deck.cards, [...first, fast, ...later])));
  });
});
