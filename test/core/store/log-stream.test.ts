import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { streamLog } from '../../../src/core/store/log-stream.js';
import type { GradeRecord, LogRecord } from '../../../src/core/store/review-log.js';
import { StoreError } from '../../../src/core/store/store-error.js';
import { useTempHome } from '../../helpers/temp-home.js';

// `prep stats` reads a year of history a megabyte at a time; it must count what a full read keeps.
const home = useTempHome('prep-stream-');
const grade = (i: number, typed?: string): GradeRecord => ({
  v: 1, type: 'grade', id: `g${i}`, deck: 'coder', card: `q${i % 7}`, grade: 3, at: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(), ...(typed ? { typed } : {}),
});
const json = (r: unknown) => JSON.stringify(r);

function ids(file: string): string[] {
  const seen: LogRecord[] = [];
  streamLog(file, (r) => seen.push(r));
  return seen.map((r) => r.id);
}

function logWith(text: string): string {
  const file = path.join(home().dir, 'coder.jsonl');
  fs.writeFileSync(file, text);
  return file;
}

describe('streaming a review log', () => {
  it('gives every record in order, however the megabyte chunks cut the lines', () => {
    // Long typed answers, so the lines cross several 1 MiB boundaries at odd places.
    const records = Array.from({ length: 60 }, (_, i) => grade(i, 'x'.repeat(40_000 + i * 7)));
    const file = logWith(records.map((r) => `${json(r)}\n`).join(''));
    expect(fs.statSync(file).size).toBeGreaterThan(2 * 1024 * 1024);
    expect(ids(file)).toEqual(records.map((r) => r.id));
  });

  it('keeps a last record without its line break and one glued after a cut-off line, and skips bad lines quietly', () => {
    const file = logWith(`${json(grade(1))}\n\nnot json\n{"v":1,"type":"gr${json(grade(2))}\n${json({ ...grade(3), grade: 9 })}\n${json(grade(4))}`);
    expect(ids(file)).toEqual(['g1', 'g2', 'g4']);
  });

  it('has no records when there is no log yet, or only a cut-off line', () => {
    expect(ids(path.join(home().dir, 'none.jsonl'))).toEqual([]);
    expect(ids(logWith('{"v":1,"type":"grade","id":"g'))).toEqual([]);
  });

  it('refuses what is not a regular file, in words', () => {
    const dir = path.join(home().dir, 'folder.jsonl');
    fs.mkdirSync(dir);
    expect(() => streamLog(dir, () => {})).toThrow(StoreError);
    expect(() => streamLog(dir, () => {})).toThrow(`cannot read ${dir}: it is not a regular file`);
    expect(() => streamLog('/dev/zero', () => {})).toThrow('cannot read /dev/zero: it is not a regular file');
  });
});
