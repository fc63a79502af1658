import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { newRecordId, ReviewLog, StoreError, type GradeRecord } from '../../../src/core/store/review-log.js';
import { useTempHome } from '../../helpers/temp-home.js';

const home = useTempHome();
const logFile = () => path.join(home().dir, 'logs', 'coder.jsonl');
afterEach(() => vi.restoreAllMocks());

let clock = Date.parse('2025-03-01T10:00:00.000Z');
function grade(card: string): GradeRecord {
  clock += 1000;
  return { v: 1, type: 'grade', id: newRecordId(), deck: 'coder', card, grade: 3, at: new Date(clock).toISOString() };
}
const line = (r: GradeRecord) => `${JSON.stringify(r)}\n`;
const fail = (code: string) => Object.assign(new Error(`${code}: simulated`), { code });
const isFolder = (fd: number) => fs.fstatSync(fd).isDirectory();

describe('a grade is saved only once it is on disk', () => {
  it('reports a grade as not saved when the disk fails to flush it, and saves the next one', () => {
    const file = logFile();
    const { log } = ReviewLog.open(file);
    const [a, b, c] = [grade('a'), grade('b'), grade('c')];
    log.append(a);
    vi.spyOn(fs, 'fsyncSync').mockImplementationOnce(() => {
      throw fail('EIO');
    });
    expect(() => log.append(b)).toThrow(`could not save to ${file}: input/output error (the disk may be failing)`);
    vi.restoreAllMocks();
    log.append(c);
    log.close();
    // b reached the page cache and may well be read back; what matters is that the user was
    // told it might not be saved, and that the log is still whole.
    expect(ReviewLog.open(file).records.map((r) => r.id)).toEqual(expect.arrayContaining([a.id, c.id]));
    // The line was written whole before the flush failed: the next one follows it directly.
    expect(fs.readFileSync(file, 'utf8')).toBe(`${line(a)}${line(b)}${line(c)}`);
  });

  it('flushes the record after writing it, before append returns', () => {
    const file = logFile();
    const { log } = ReviewLog.open(file);
    log.append(grade('a'));
    const calls: string[] = [];
    const write = fs.writeSync.bind(fs);
    vi.spyOn(fs, 'writeSync').mockImplementation(((...args: Parameters<typeof fs.writeSync>) => {
      calls.push('write');
      return (write as (...a: unknown[]) => number)(...args);
    }) as typeof fs.writeSync);
    vi.spyOn(fs, 'fsyncSync').mockImplementation((fd) => {
      calls.push(isFolder(fd) ? 'fsync folder' : 'fsync file');
    });
    log.append(grade('b'));
    calls.push('returned');
    expect(calls).toEqual(['write', 'fsync file', 'returned']);
    log.close();
  });

  it('makes a newly created log file survive a power cut: its folder is flushed too', () => {
    const file = logFile();
    const { log } = ReviewLog.open(file);
    const synced: string[] = [];
    const fsync = fs.fsyncSync.bind(fs);
    vi.spyOn(fs, 'fsyncSync').mockImplementation((fd) => {
      synced.push(isFolder(fd) ? 'folder' : 'file');
      fsync(fd);
    });
    log.append(grade('a'));
    expect(synced).toEqual(['folder', 'file']);
    synced.length = 0;
    log.append(grade('b'));
    // The file exists now: only the record needs flushing.
    expect(synced).toEqual(['file']);
    log.close();
  });

  it('saves the grade even when the folder cannot be flushed (some file systems cannot)', () => {
    const file = logFile();
    const { log } = ReviewLog.open(file);
    const fsync = fs.fsyncSync.bind(fs);
    vi.spyOn(fs, 'fsyncSync').mockImplementation((fd) => {
      if (isFolder(fd)) throw fail('EINVAL');
      fsync(fd);
    });
    const a = grade('a');
    log.append(a);
    log.close();
    vi.restoreAllMocks();
    expect(ReviewLog.open(file).records).toEqual([a]);
  });
});

describe('a write that stops short', () => {
  it('finishes a line the kernel took in two pieces', () => {
    const file = logFile();
    const { log } = ReviewLog.open(file);
    const write = fs.writeSync.bind(fs) as (fd: number, b: Buffer, off: number, len: number) => number;
    let first = true;
    vi.spyOn(fs, 'writeSync').mockImplementation(((fd: number, buf: Buffer, off: number, len: number) => {
      if (!first) return write(fd, buf, off, len);
      first = false;
      return write(fd, buf, off, 10);
    }) as typeof fs.writeSync);
    const a = grade('a');
    log.append(a);
    log.close();
    expect(fs.readFileSync(file, 'utf8')).toBe(line(a));
  });

  it('after a disk full mid-line, says so and starts the next record on a fresh line', () => {
    const file = logFile();
    const { log } = ReviewLog.open(file);
    const [a, b, c] = [grade('a'), grade('b'), grade('c')];
    log.append(a);
    const write = fs.writeSync.bind(fs) as (fd: number, b: Buffer, off: number, len: number) => number;
    let calls = 0;
    vi.spyOn(fs, 'writeSync').mockImplementation(((fd: number, buf: Buffer, off: number) => {
      if (++calls === 1) return write(fd, buf, off, 20);
      throw fail('ENOSPC');
    }) as typeof fs.writeSync);
    expect(() => log.append(b)).toThrow(`could not save to ${file}: no space left on device`);
    vi.restoreAllMocks();
    log.append(c);
    log.close();
    expect(fs.readFileSync(file, 'utf8')).toBe(`${line(a)}${line(b).slice(0, 20)}\n${line(c)}`);
    const { records, warnings } = ReviewLog.open(file);
    expect(records).toEqual([a, c]);
    expect(warnings).toEqual([`${file}:2: skipped a line: not valid JSON`]);
  });

  it('does not add a blank line when the failed write wrote nothing', () => {
    const file = logFile();
    const { log } = ReviewLog.open(file);
    const [a, b, c] = [grade('a'), grade('b'), grade('c')];
    log.append(a);
    vi.spyOn(fs, 'writeSync').mockImplementationOnce(() => {
      throw fail('ENOSPC');
    });
    expect(() => log.append(b)).toThrow(StoreError);
    vi.restoreAllMocks();
    log.append(c);
    log.append(grade('d'));
    log.close();
    expect(fs.readFileSync(file, 'utf8').startsWith(`${line(a)}${line(c)}`)).toBe(true);
  });
});

describe('the file the log writes to', () => {
  it('is made again when deleted between two grades, so the second grade is not lost', () => {
    const file = logFile();
    const { log } = ReviewLog.open(file);
    const [a, b] = [grade('a'), grade('b')];
    log.append(a);
    fs.rmSync(file);
    log.append(b);
    log.close();
    expect(ReviewLog.open(file).records).toEqual([b]);
  });

  it('is made again, private as before, when its folder and the one above were deleted between two grades', () => {
    const file = path.join(home().dir, 'data', 'logs', 'coder.jsonl');
    const { log } = ReviewLog.open(file);
    log.append(grade('a'));
    fs.rmSync(path.join(home().dir, 'data'), { recursive: true });
    const b = grade('b');
    log.append(b);
    log.close();
    expect(fs.statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(ReviewLog.open(file).records).toEqual([b]);
  });

  it('stays open between appends, and close() can be called twice', () => {
    const file = logFile();
    const { log } = ReviewLog.open(file);
    const open = vi.spyOn(fs, 'openSync');
    log.append(grade('a'));
    log.append(grade('b'));
    log.append(grade('c'));
    expect(open.mock.calls.filter(([p]) => p === file)).toHaveLength(1);
    log.close();
    log.close();
    vi.restoreAllMocks();
    expect(ReviewLog.open(file).records).toHaveLength(3);
  });
});

describe('a log prep may not read', () => {
  it('is refused with one line saying why, and left as it was', () => {
    const file = logFile();
    const { log } = ReviewLog.open(file);
    const a = grade('a');
    log.append(a);
    log.close();
    const open = fs.openSync.bind(fs);
    vi.spyOn(fs, 'openSync').mockImplementation(((p: fs.PathLike, ...rest: unknown[]) => {
      if (p === file) throw fail('EACCES');
      return (open as (...a: unknown[]) => number)(p, ...rest);
    }) as typeof fs.openSync);
    expect(() => ReviewLog.open(file)).toThrow(`cannot read ${file}: permission denied`);
    vi.restoreAllMocks();
    expect(fs.readFileSync(file, 'utf8')).toBe(line(a));
  });

  it('that fails while being read (a failing disk) is refused in words too', () => {
    const file = logFile();
    const { log } = ReviewLog.open(file);
    log.append(grade('a'));
    log.close();
    vi.spyOn(fs, 'readFileSync').mockImplementation(() => {
      throw fail('EIO');
    });
    expect(() => ReviewLog.open(file)).toThrow(`cannot read ${file}: input/output error (the disk may be failing)`);
  });
});

describe('a log that is not a file', () => {
  it.skipIf(!fs.existsSync('/dev/zero'))('a link to a device is refused at once in words, not read forever, and left alone', () => {
    const file = logFile();
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.symlinkSync('/dev/zero', file);
    expect(() => ReviewLog.open(file)).toThrow(new RegExp(`^cannot read ${file}: it is not a regular file$`));
    expect(fs.readlinkSync(file)).toBe('/dev/zero');
  });

  it('a folder in its place is refused with the system code kept', () => {
    const file = logFile();
    fs.mkdirSync(file, { recursive: true });
    let caught: unknown;
    try {
      ReviewLog.open(file);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(StoreError);
    expect((caught as StoreError).code).toBe('EISDIR');
  });

  it('a folder that cannot be made is named in the error, with the reason', () => {
    const blocker = path.join(home().dir, 'logs');
    fs.writeFileSync(blocker, 'a file, not a folder');
    expect(() => ReviewLog.open(logFile())).toThrow(`cannot create the folder ${blocker}: a file with that name is in the way`);
  });
});
