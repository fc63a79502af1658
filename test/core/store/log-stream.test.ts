import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
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
afterEach(() => vi.restoreAllMocks());

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

  it('keeps a record longer than a whole megabyte (a long pasted answer)', () => {
    const file = logWith(`${json(grade(1, 'y'.repeat(1_500_000)))}\n${json(grade(2))}\n`);
    expect(ids(file)).toEqual(['g1', 'g2']);
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

  it('says in words why a log cannot be read, and only once', () => {
    const plain = logWith('');
    const inside = path.join(plain, 'coder.jsonl');
    const thrown = (file: string) => {
      try {
        streamLog(file, () => {});
      } catch (err) {
        return err;
      }
      return undefined;
    };
    expect(thrown(inside)).toBeInstanceOf(StoreError);
    expect((thrown(inside) as Error).message).toBe(`cannot read ${inside}: a part of the path is a file, not a folder`);
    const folder = path.join(home().dir, 'folder.jsonl');
    fs.mkdirSync(folder);
    expect((thrown(folder) as Error).message).toBe(`cannot read ${folder}: it is not a regular file`);
    const file = logWith(`${json(grade(1))}\n`);
    vi.spyOn(fs, 'readSync').mockImplementation(() => {
      throw Object.assign(new Error('EIO: i/o error, read'), { code: 'EIO' });
    });
    const failed = thrown(file);
    expect(failed).toBeInstanceOf(StoreError);
    expect((failed as Error).message).toBe(`cannot read ${file}: input/output error (the disk may be failing)`);
  });

  // /proc/self/fd lists this process's open files (Linux).
  it.skipIf(!fs.existsSync('/proc/self/fd'))('closes the log after reading it, or failing to', () => {
    const file = logWith(`${json(grade(1))}\n`);
    const open = () => fs.readdirSync('/proc/self/fd').length;
    const before = open();
    for (let i = 0; i < 5; i++) ids(file);
    fs.rmSync(file);
    fs.mkdirSync(file);
    for (let i = 0; i < 5; i++) expect(() => ids(file)).toThrow(StoreError);
    expect(open()).toBe(before);
  });
});
