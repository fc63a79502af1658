import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readLog, readLogAfter } from '../../../src/core/store/log-reader.js';
import { ReviewLog, type GradeRecord } from '../../../src/core/store/review-log.js';
import { useTempHome } from '../../helpers/temp-home.js';

const home = useTempHome();
afterEach(() => vi.restoreAllMocks());

let n = 0;
function grade(card = 'q1'): GradeRecord {
  n++;
  return { v: 1, type: 'grade', id: `id${n}`, deck: 'coder', card, grade: 3, at: new Date(Date.UTC(2026, 0, 1, 0, n)).toISOString() };
}
const json = (r: unknown) => JSON.stringify(r);

/** Writes the log as `text` and backdates it, as after a crash long ago. */
function logWith(text: string | Buffer, ageMs = 60_000): string {
  const file = path.join(home().dir, 'logs', 'coder.jsonl');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  const then = new Date(Date.now() - ageMs);
  fs.utimesSync(file, then, then);
  return file;
}
const besides = (file: string) => fs.readdirSync(path.dirname(file)).filter((f) => f !== path.basename(file));

describe('reading a log: line by line', () => {
  it('skips a second record with an id already used, naming its line', () => {
    const a = grade();
    const clash = { ...grade('q2'), id: a.id };
    const file = logWith(`${json(a)}\n\n   \n${json(clash)}\n`);
    const { records, warnings } = readLog(file);
    expect(records).toEqual([a]);
    // Blank lines count as lines: the clash is on line 4.
    expect(warnings).toEqual([`${file}:4: skipped a record whose id ${a.id} is already used by another record`]);
  });

  it('names the right line of a record glued after a cut-off one', () => {
    const [a, b, c] = [grade(), grade(), grade()];
    const file = logWith(`${json(a)}\n${json(b)}\n{"v":1,"type":"gr${json(c)}\n`);
    const { records, warnings } = readLog(file);
    expect(records).toEqual([a, b, c]);
    expect(warnings).toEqual([`${file}:3: skipped the cut-off start of a line, kept the record after it`]);
  });

  it('lists the first 20 bad lines and counts the rest', () => {
    const a = grade();
    const bad = Array.from({ length: 23 }, (_, i) => `oops ${i}`);
    const file = logWith(`${json(a)}\n${bad.join('\n')}\n`);
    const { records, warnings } = readLog(file);
    expect(records).toEqual([a]);
    expect(warnings).toHaveLength(21);
    expect(warnings[0]).toBe(`${file}:2: skipped a line: not valid JSON`);
    expect(warnings[19]).toBe(`${file}:21: skipped a line: not valid JSON`);
    expect(warnings[20]).toBe(`${file}: skipped 3 more bad lines`);
  });

  it('lists exactly 20 bad lines without a count', () => {
    const file = logWith(`${json(grade())}\n${Array.from({ length: 20 }, () => 'x').join('\n')}\n`);
    expect(readLog(file).warnings).toHaveLength(20);
  });

  it('leaves a log of blank lines alone: nothing to move aside', () => {
    const file = logWith('\n\n  \n');
    expect(readLog(file)).toMatchObject({ records: [], warnings: [] });
    expect(fs.readFileSync(file, 'utf8')).toBe('\n\n  \n');
    expect(besides(file)).toEqual([]);
  });
});

describe('reading a log: what a crash leaves at its end', () => {
  it('a log whose very first record was cut off is emptied with a copy, not thrown away as unreadable', () => {
    const fragment = '  {"v":1,"type":"grade","id":"x';
    const file = logWith(fragment);
    const { records, warnings } = readLog(file);
    expect(records).toEqual([]);
    const saved = besides(file);
    expect(saved).toEqual([expect.stringMatching(/^coder\.jsonl\.torn-/)]);
    expect(fs.readFileSync(path.join(path.dirname(file), saved[0]!), 'utf8')).toBe(fragment);
    expect(fs.readFileSync(file, 'utf8')).toBe('');
    expect(warnings).toEqual([
      `${file}:1: the last line was cut off (prep was probably stopped while saving); it was skipped and saved to ${path.join(path.dirname(file), saved[0]!)}`,
    ]);
  });

  it('a file of one line of text that is no record at all is moved aside as unreadable', () => {
    const file = logWith('hello, this is my shopping list');
    const { records, warnings } = readLog(file);
    expect(records).toEqual([]);
    const moved = besides(file);
    expect(moved).toEqual([expect.stringMatching(/^coder\.jsonl\.unreadable-/)]);
    expect(fs.existsSync(file)).toBe(false);
    expect(warnings).toEqual([
      `${file} could not be read as a review log; it was moved to ${path.join(path.dirname(file), moved[0]!)} and a new log was started`,
    ]);
  });

  it('does not cut a last line written "in the future" (a clock set back), and does not wait for it', () => {
    const a = grade();
    const file = logWith(`${json(a)}\n{"v":1,"ty`, -3_600_000);
    // Waiting for a clock an hour ahead would hang the start for an hour (the test times out).
    const { records, warnings } = readLog(file);
    expect(records).toEqual([a]);
    expect(warnings).toEqual([`${file}:2: skipped an unfinished last line`]);
    expect(fs.readFileSync(file, 'utf8')).toBe(`${json(a)}\n{"v":1,"ty`);
    expect(besides(file)).toEqual([]);
  });

  it('reads a last line that another process completes while the torn copy is being made', () => {
    const [a, b] = [grade(), grade()];
    const file = logWith(`${json(a)}\n${json(b).slice(0, 15)}`);
    const link = fs.linkSync.bind(fs);
    vi.spyOn(fs, 'linkSync').mockImplementation((from, target) => {
      link(from, target);
      // The other prep finishes its line just after the copy is put in place.
      if (String(target).includes('.torn-')) fs.appendFileSync(file, `${json(b).slice(15)}\n`);
    });
    const { records, warnings } = readLog(file);
    vi.restoreAllMocks();
    expect(records).toEqual([a, b]);
    expect(warnings).toEqual([]);
    // The copy made in vain is removed; nothing was cut.
    expect(besides(file)).toEqual([]);
    expect(fs.readFileSync(file, 'utf8')).toBe(`${json(a)}\n${json(b)}\n`);
  });

  it('flushes the cut, so a torn line does not come back after a power cut', () => {
    const a = grade();
    const file = logWith(`${json(a)}\n{"v":1,"ty`);
    const flushed: number[] = [];
    const fsync = fs.fsyncSync.bind(fs);
    vi.spyOn(fs, 'fsyncSync').mockImplementation((fd) => {
      flushed.push(fs.fstatSync(fd).size);
      fsync(fd);
    });
    readLog(file);
    // The log, cut back to its complete first line, is flushed.
    expect(flushed).toContain(json(a).length + 1);
  });
});

describe('open files', () => {
  const openFiles = () => fs.readdirSync('/proc/self/fd').length;

  it.skipIf(!fs.existsSync('/proc/self/fd'))('are all closed again: reading, repairing and appending leak none', () => {
    const file = logWith(`${json(grade())}\n{"v":1,"ty`);
    const before = openFiles();
    for (let i = 0; i < 5; i++) {
      const { log } = ReviewLog.open(file);
      log.append(grade());
      fs.renameSync(file, `${file}.${i}`);
      log.append(grade());
      log.reload();
      log.close();
    }
    expect(openFiles()).toBe(before);
  });
});

describe('a repair that cannot be done', () => {
  const fail = (code: string) => Object.assign(new Error(`${code}: simulated`), { code });

  it('no room to save the cut-off line: one line saying so, the log left whole', () => {
    const a = grade();
    const text = `${json(a)}\n{"v":1,"ty`;
    const file = logWith(text);
    // The only write of a read is the copy's.
    vi.spyOn(fs, 'writeSync').mockImplementation(() => {
      throw fail('ENOSPC');
    });
    expect(() => readLog(file)).toThrow(`could not save the cut-off last line of ${file}: no space left on device`);
    vi.restoreAllMocks();
    expect(fs.readFileSync(file, 'utf8')).toBe(text);
    expect(besides(file)).toEqual([]);
  });

  it('the log cannot be cut back: one line saying so', () => {
    const file = logWith(`${json(grade())}\n{"v":1,"ty`);
    vi.spyOn(fs, 'ftruncateSync').mockImplementation(() => {
      throw fail('EROFS');
    });
    expect(() => readLog(file)).toThrow(`could not repair ${file}: the file system is read-only`);
  });

  it('an unreadable log cannot be moved aside: one line saying so, the file where it was', () => {
    const file = logWith('my shopping list\n');
    vi.spyOn(fs, 'renameSync').mockImplementation(() => {
      throw fail('EACCES');
    });
    expect(() => readLog(file)).toThrow(`could not move aside the unreadable log ${file}: permission denied`);
    vi.restoreAllMocks();
    expect(fs.readFileSync(file, 'utf8')).toBe('my shopping list\n');
  });
});

describe('where a read ends', () => {
  it('is not told after a last record without a line break, so the next start reads that record once', () => {
    const [a, b, c] = [grade(), grade(), grade()];
    const file = logWith(`${json(a)}\n${json(b)}`);
    const first = readLog(file);
    expect(first.records).toEqual([a, b]);
    // Another prep completes the line and adds a grade.
    fs.appendFileSync(file, `\n${json(c)}\n`);
    // The next start, as it does with a snapshot: what was read plus the records after its end,
    // or, with no end told, the whole log again.
    const counted = first.end ? [...first.records, ...readLogAfter(file, first.end)!.records] : readLog(file).records;
    expect(counted).toEqual([a, b, c]);
  });
});

describe('reading a log: what is left where it is', () => {
  it('a last line from a newer prep without its line break is skipped with its reason, never cut off as torn', () => {
    const a = grade();
    const newer = json({ ...grade(), v: 2 });
    const file = logWith(`${json(a)}\n${newer}`);
    const { records, warnings } = readLog(file);
    expect(records).toEqual([a]);
    expect(warnings).toEqual([`${file}:2: skipped a line: unknown record version 2 (written by a newer prep?)`]);
    expect(fs.readFileSync(file, 'utf8')).toBe(`${json(a)}\n${newer}`);
    expect(besides(file)).toEqual([]);
  });

  it('garbage after the part a snapshot covers is skipped line by line; the log is not moved aside', () => {
    const a = grade();
    const file = logWith(`${json(a)}\n`);
    const end = readLog(file).end!;
    fs.appendFileSync(file, 'scribbled by hand\n');
    const tail = readLogAfter(file, end)!;
    expect(tail.records).toEqual([]);
    expect(tail.warnings).toEqual([`${file}:2: skipped a line: not valid JSON`]);
    expect(fs.readFileSync(file, 'utf8')).toBe(`${json(a)}\nscribbled by hand\n`);
    expect(besides(file)).toEqual([]);
  });

  it('a record glued after a cut-off line at the very end, without a line break, is counted once by the next start', () => {
    const [a, b, c] = [grade(), grade(), grade()];
    const file = logWith(`${json(a)}\n{"v":1,"ty${json(b)}`);
    const first = readLog(file);
    expect(first.records).toEqual([a, b]);
    fs.appendFileSync(file, `\n${json(c)}\n`);
    const counted = first.end ? [...first.records, ...readLogAfter(file, first.end)!.records] : readLog(file).records;
    expect(counted).toEqual([a, b, c]);
  });

  it('a last line that stays unfinished (another prep stuck mid-write) is left alone after a few seconds, with a warning', () => {
    const a = grade();
    const file = logWith(`${json(a)}\n{"v":1,"ty`);
    // The line always looks a tenth of a second old: prep waits a little, then gives up rather than hang.
    const mtime = fs.statSync(file).mtimeMs;
    vi.spyOn(Date, 'now').mockReturnValue(mtime + 100);
    const { records, warnings } = readLog(file);
    vi.restoreAllMocks();
    expect(records).toEqual([a]);
    expect(warnings).toEqual([`${file}:2: skipped an unfinished last line`]);
    expect(fs.readFileSync(file, 'utf8')).toBe(`${json(a)}\n{"v":1,"ty`);
    expect(besides(file)).toEqual([]);
  }, 15_000);

  it('a last line that keeps growing while it is being repaired is never cut, and no copy of it is left', () => {
    const a = grade();
    const file = logWith(`${json(a)}\n{"v":1,"ty`);
    const write = fs.writeFileSync.bind(fs);
    const link = fs.linkSync.bind(fs);
    vi.spyOn(fs, 'linkSync').mockImplementation((from, target) => {
      link(from, target);
      if (!String(target).includes('.torn-')) return;
      // Another prep adds a byte to the line each time, just after the copy is made (its clock long past).
      write(file, 'p', { flag: 'a' });
      const then = new Date(Date.now() - 60_000);
      fs.utimesSync(file, then, then);
    });
    const { records, warnings } = readLog(file);
    vi.restoreAllMocks();
    expect(records).toEqual([a]);
    expect(warnings).toEqual([`${file}:2: skipped an unfinished last line`]);
    expect(fs.readFileSync(file, 'utf8')).toMatch(new RegExp(`^${json(a).replace(/[{}[\]()*+?.^$|\\]/g, '\\$&')}\\n\\{"v":1,"typ+$`));
    expect(besides(file)).toEqual([]);
  });

  it('a log that cannot be opened for the repair: one line saying so', () => {
    const file = logWith(`${json(grade())}\n{"v":1,"ty`);
    const open = fs.openSync.bind(fs);
    vi.spyOn(fs, 'openSync').mockImplementation(((p: fs.PathLike, flags?: fs.OpenMode, ...rest: unknown[]) => {
      if (flags === 'r+') throw Object.assign(new Error('EACCES: simulated'), { code: 'EACCES' });
      return (open as (...a: unknown[]) => number)(p, flags, ...rest);
    }) as typeof fs.openSync);
    expect(() => readLog(file)).toThrow(`could not repair ${file}: permission denied`);
  });
});
