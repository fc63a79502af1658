import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { scheduler } from '../../../src/core/schedule/fsrs.js';
import { replay, replayFrom } from '../../../src/core/schedule/snapshot.js';
import { loadSnapshot, saveSnapshot, snapshotPath } from '../../../src/core/store/snapshot-store.js';
import type { GradeRecord, LogRecord } from '../../../src/core/store/review-log.js';
import { makeDeck } from '../../helpers/deck.js';
import { useTempHome } from '../../helpers/temp-home.js';

const f = scheduler(0.9);
const deck = makeDeck(5);
const T = Date.parse('2026-10-01T10:00:00Z');

function log(n: number, from = 0): GradeRecord[] {
  return Array.from({ length: n }, (_, k) => {
    const i = from + k;
    return { v: 1, type: 'grade', id: `g${i}`, deck: 'test', card: `q${(i % 5) + 1}`, grade: ([3, 1, 3, 4, 2] as const)[i % 5]!, at: new Date(T + i * 3_600_000).toISOString() };
  });
}

const plain = (m: Map<string, { fsrs: unknown; grades: unknown[] }>) =>
  JSON.parse(JSON.stringify([...m].map(([id, p]) => [id, p.fsrs, p.grades.length])));

describe('replay from a snapshot', () => {
  it('gives exactly what a full replay gives, while replaying only the new records', () => {
    const first = log(40);
    const { snapshot } = replayFrom(f, 0.9, deck.cards, first);
    const all: LogRecord[] = [...first, ...log(10, 40)];
    const fromSnap = replayFrom(f, 0.9, deck.cards, all, snapshot);
    expect(fromSnap.reused).toBe(true);
    expect(plain(fromSnap.progress)).toEqual(plain(replay(f, deck.cards, all)));
    expect(fromSnap.snapshot.count).toBe(50);
  });

  it('ignores a snapshot that does not fit the log (rewritten log, other retention, late undo)', () => {
    const first = log(20);
    const { snapshot } = replayFrom(f, 0.9, deck.cards, first);
    const other = log(20).map((r, i) => (i === 19 ? { ...r, id: 'changed' } : r));
    expect(replayFrom(f, 0.9, deck.cards, other, snapshot).reused).toBe(false);
    expect(replayFrom(f, 0.85, deck.cards, first, snapshot).reused).toBe(false);
    const undo: LogRecord = { v: 1, type: 'undo', id: 'u', deck: 'test', target: 'g19', at: new Date(T + 30 * 3_600_000).toISOString() };
    const withUndo = [...first, undo];
    const r = replayFrom(f, 0.9, deck.cards, withUndo, snapshot);
    expect(r.reused).toBe(false);
    expect(plain(r.progress)).toEqual(plain(replay(f, deck.cards, withUndo)));
  });

  it('keeps the state of cards removed from the deck, so a returning id resumes', () => {
    const { snapshot } = replayFrom(f, 0.9, makeDeck(2).cards, log(10));
    expect(Object.keys(snapshot.cards).sort()).toEqual(['q1', 'q2', 'q3', 'q4', 'q5']);
    const back = replayFrom(f, 0.9, deck.cards, log(10), snapshot);
    expect(back.reused).toBe(true);
    expect(plain(back.progress)).toEqual(plain(replay(f, deck.cards, log(10))));
  });
});

describe('snapshot store', () => {
  const temp = useTempHome('prep-snap-');

  it('saves and loads a snapshot; a corrupt file reads as none and is replaced on save', () => {
    const dir = temp().dir;
    expect(loadSnapshot(dir, 'test')).toBeNull();
    const { snapshot } = replayFrom(f, 0.9, deck.cards, log(12));
    expect(saveSnapshot(dir, 'test', snapshot)).toBe(true);
    const loaded = loadSnapshot(dir, 'test')!;
    expect(replayFrom(f, 0.9, deck.cards, log(15), loaded).reused).toBe(true);
    writeFileSync(snapshotPath(dir, 'test'), '{"snapshot": {"v":1, "cou');
    expect(loadSnapshot(dir, 'test')).toBeNull();
    expect(saveSnapshot(dir, 'test', snapshot)).toBe(true);
    expect(loadSnapshot(dir, 'test')?.count).toBe(12);
  });
});

describe('a snapshot that keeps the count and the last id', () => {
  it('is not trusted when its card states were edited', () => {
    const records = log(20);
    const { snapshot } = replayFrom(f, 0.9, deck.cards, records);
    const stored = JSON.parse(JSON.stringify(snapshot)) as typeof snapshot;
    expect(replayFrom(f, 0.9, deck.cards, records, stored).reused).toBe(true);
    stored.cards.q1 = { ...stored.cards.q1!, stability: 999, due: '2099-01-01T00:00:00.000Z' as unknown as Date };
    const again = replayFrom(f, 0.9, deck.cards, records, stored);
    expect(again.reused).toBe(false);
    expect(plain(again.progress)).toEqual(plain(replay(f, deck.cards, records)));
  });

  it('is not trusted beside another log with the same count and last id', () => {
    const records = log(20);
    const { snapshot } = replayFrom(f, 0.9, deck.cards, records);
    const other = records.map((r, i) => (i === 3 ? { ...r, id: 'elsewhere', grade: 1 as const } : r));
    expect(replayFrom(f, 0.9, deck.cards, other, snapshot).reused).toBe(false);
  });
});
