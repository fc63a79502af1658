import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  newRecordId,
  ReviewLog,
  StoreError,
  type GradeRecord,
  type LogRecord,
} from '../../../src/core/store/review-log.js';
import { useTempHome } from '../../helpers/temp-home.js';
import { callUnprivileged, letThrough } from '../../helpers/unprivileged.js';

const home = useTempHome();
const logFile = () => path.join(home().dir, 'logs', 'coder.jsonl');

let clock = Date.parse('2025-03-01T10:00:00.000Z');
function grade(card: string, overrides: Partial<GradeRecord> = {}): GradeRecord {
  clock += 1000;
  return { v: 1, type: 'grade', id: newRecordId(), deck: 'coder', card, grade: 3, at: new Date(clock).toISOString(), ...overrides };
}

function appendAll(file: string, records: LogRecord[]): void {
  const { log } = ReviewLog.open(file);
  for (const r of records) log.append(r);
  log.close();
}

/** Files next to `file` whose names start with `<name>.<tag>-`. */
function asides(file: string, tag: string): string[] {
  const prefix = `${path.basename(file)}.${tag}-`;
  return fs
    .readdirSync(path.dirname(file))
    .filter((f) => f.startsWith(prefix))
    .map((f) => path.join(path.dirname(file), f));
}

const SOURCE = fileURLToPath(new URL('../../../src/core/store/review-log.ts', import.meta.url));

describe('ReviewLog', () => {
  it('gives back every appended record, in order, after a reopen', () => {
    const file = logFile();
    const records: LogRecord[] = [
      grade('a', { ms: 4200, early: true }),
      grade('b', { grade: 1, typed: 'a "quoted"\nanswer ✓' }),
      { v: 1, type: 'undo', id: newRecordId(), deck: 'coder', target: 'x1', at: '2025-03-01T10:10:00.000Z' },
      { v: 1, type: 'pitch', id: newRecordId(), deck: 'coder', ms: 61000, beats: [0, 15000, 40000], beatsTotal: 4, at: '2025-03-01T10:20:00.000Z' },
    ];
    appendAll(file, records);

    const reopened = ReviewLog.open(file);
    expect(reopened.warnings).toEqual([]);
    expect(reopened.records).toEqual(records);

    // The file is plain JSON lines: one record per line, each ending in a newline.
    const text = fs.readFileSync(file, 'utf8');
    expect(text.endsWith('\n')).toBe(true);
    expect(text.slice(0, -1).split('\n').map((l) => JSON.parse(l))).toEqual(records);
  });

  it('creates its folder privately but no file until the first append', () => {
    const file = path.join(home().dir, 'deep', 'logs', 'coder.jsonl');
    const { log, records, warnings } = ReviewLog.open(file);
    expect(records).toEqual([]);
    expect(warnings).toEqual([]);
    expect(fs.statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
    expect(fs.existsSync(file)).toBe(false);
    log.append(grade('a'));
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    log.close();
  });

  it('sees records appended by another writer on reload', () => {
    const file = logFile();
    const { log: mine } = ReviewLog.open(file);
    const { log: theirs } = ReviewLog.open(file);
    const a = grade('a');
    const b = grade('b');
    mine.append(a);
    theirs.append(b);
    expect(mine.reload().records).toEqual([a, b]);
    mine.close();
    theirs.close();
  });

  it('skips a cut-off last line, keeps a copy of it, and appends cleanly afterwards', () => {
    const file = logFile();
    const [a, b, c] = [grade('a'), grade('b'), grade('c')];
    appendAll(file, [a, b]);
    const fragment = '{"v":1,"type":"grade","id":"abc123","de';
    fs.appendFileSync(file, fragment);
    // The crash happened a minute ago: prep has no reason to wait for the line to complete.
    const aMinuteAgo = new Date(Date.now() - 60_000);
    fs.utimesSync(file, aMinuteAgo, aMinuteAgo);

    const opened = ReviewLog.open(file);
    expect(opened.records).toEqual([a, b]);
    expect(opened.warnings).toHaveLength(1);
    expect(opened.warnings[0]).toContain(`${file}:3`);
    expect(opened.warnings[0]).toMatch(/cut off/);
    const torn = asides(file, 'torn');
    expect(torn).toHaveLength(1);
    expect(opened.warnings[0]).toContain(torn[0]);
    expect(fs.readFileSync(torn[0]!, 'utf8')).toBe(fragment);

    opened.log.append(c);
    opened.log.close();
    const again = ReviewLog.open(file);
    expect(again.warnings).toEqual([]);
    expect(again.records).toEqual([a, b, c]);
  });

  it('does not glue a new record onto a line another process left unfinished', () => {
    const file = logFile();
    const { log } = ReviewLog.open(file);
    const [a, b] = [grade('a'), grade('b')];
    log.append(a);
    fs.appendFileSync(file, '{"v":1,"type":"gra'); // another prep died mid-write
    log.append(b);
    log.close();

    const { records, warnings } = ReviewLog.open(file);
    expect(records).toEqual([a, b]);
    expect(warnings).toEqual([`${file}:2: skipped the cut-off start of a line, kept the record after it`]);
  });

  it('waits for a last line another process is still writing instead of cutting it', async () => {
    const file = logFile();
    const [a, b] = [grade('a'), grade('b')];
    appendAll(file, [a]);
    const line = `${JSON.stringify(b)}\n`;
    fs.appendFileSync(file, line.slice(0, 30));
    // Another process finishes the line 300 ms from now, while open() is reading.
    const finisher = spawn(process.execPath, [
      '-e',
      `setTimeout(() => require('fs').appendFileSync(${JSON.stringify(file)}, ${JSON.stringify(line.slice(30))}), 300)`,
    ]);
    const finished = new Promise((resolve) => finisher.on('close', resolve));

    const { records, warnings } = ReviewLog.open(file);
    await finished;
    expect(warnings).toEqual([]);
    expect(records).toEqual([a, b]);
    expect(asides(file, 'torn')).toEqual([]);
    expect(fs.readFileSync(file, 'utf8')).toBe(`${JSON.stringify(a)}\n${line}`);
  });

  it('writes records with the version first, whatever the key order it was given', () => {
    const file = logFile();
    const a = grade('a');
    const shuffled = { card: a.card, grade: a.grade, at: a.at, id: a.id, deck: a.deck, type: a.type, v: a.v };
    appendAll(file, [shuffled]);
    expect(fs.readFileSync(file, 'utf8')).toMatch(/^\{"v":1,"type":"grade",/);
    expect(ReviewLog.open(file).records).toEqual([a]);
  });

  it('skips bad lines in the middle with their line numbers and keeps the rest', () => {
    const file = logFile();
    const [a, b] = [grade('a'), grade('b')];
    const lines = [
      JSON.stringify(a),
      'this is not json',
      JSON.stringify({ ...grade('x'), v: 2 }),
      JSON.stringify({ ...grade('y'), type: 'rename' }),
      JSON.stringify({ ...grade('z'), grade: 7 }),
      JSON.stringify({ ...grade('w'), at: 'yesterday' }),
      JSON.stringify(b),
    ];
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, `${lines.join('\n')}\n`);

    const { records, warnings } = ReviewLog.open(file);
    expect(records).toEqual([a, b]);
    expect(warnings).toHaveLength(5);
    expect(warnings[0]).toBe(`${file}:2: skipped a line: not valid JSON`);
    expect(warnings[1]).toMatch(new RegExp(`^${file}:3: .*unknown record version 2`));
    expect(warnings[2]).toMatch(new RegExp(`^${file}:4: .*unknown record type "rename"`));
    expect(warnings[3]).toMatch(new RegExp(`^${file}:5: .*malformed grade record \\(grade`));
    expect(warnings[4]).toMatch(new RegExp(`^${file}:6: .*malformed grade record \\(at`));
    // Reading never rewrites lines it does not understand.
    expect(fs.readFileSync(file, 'utf8')).toBe(`${lines.join('\n')}\n`);
  });

  it('keeps one copy of a record saved twice (a retried save)', () => {
    const file = logFile();
    const a = grade('a');
    appendAll(file, [a, a]);
    expect(ReviewLog.open(file)).toMatchObject({ records: [a], warnings: [] });
  });

  it('moves a file that is not a log at all aside, with its bytes intact, and starts afresh', () => {
    const file = logFile();
    const garbage = Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x00, 0x0a, 0xff, 0xfe, 0x00, 0x42, 0x0a, 0x99]);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, garbage);

    const { log, records, warnings } = ReviewLog.open(file);
    expect(records).toEqual([]);
    const moved = asides(file, 'unreadable');
    expect(moved).toHaveLength(1);
    expect(fs.readFileSync(moved[0]!)).toEqual(garbage);
    expect(warnings).toEqual([expect.stringContaining(moved[0]!)]);

    const a = grade('a');
    log.append(a);
    log.close();
    expect(ReviewLog.open(file)).toMatchObject({ records: [a], warnings: [] });
    expect(fs.readFileSync(moved[0]!)).toEqual(garbage);
  });

  it('leaves alone a log written by a newer prep, even if it understands none of it', () => {
    const file = logFile();
    const text = `${JSON.stringify({ v: 2, type: 'grade', id: 'n1' })}\n`;
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    const { records, warnings } = ReviewLog.open(file);
    expect(records).toEqual([]);
    expect(warnings).toEqual([expect.stringMatching(/unknown record version 2/)]);
    expect(fs.readFileSync(file, 'utf8')).toBe(text);
    expect(asides(file, 'unreadable')).toEqual([]);
  });

  it('throws a StoreError and touches nothing when the log cannot be read', () => {
    const file = logFile();
    // A folder where the log should be: fails to read even as root.
    fs.mkdirSync(file, { recursive: true });
    fs.writeFileSync(path.join(file, 'keep.txt'), 'mine');

    expect(() => ReviewLog.open(file)).toThrow(StoreError);
    expect(() => ReviewLog.open(file)).toThrow(`cannot read ${file}: it is a folder, not a file`);
    expect(fs.readdirSync(path.dirname(file))).toEqual(['coder.jsonl']);
    expect(fs.readFileSync(path.join(file, 'keep.txt'), 'utf8')).toBe('mine');
  });

  it('throws a StoreError for a log without read permission, and leaves it as it was', async () => {
    const file = logFile();
    appendAll(file, [grade('a')]);
    const before = fs.readFileSync(file);
    fs.chmodSync(file, 0o000);
    letThrough(home().dir, path.dirname(file));
    // Run by a user without the right to read it, even when the tests run as root.
    expect(await callUnprivileged(SOURCE, 'ReviewLog.open', [file])).toEqual({
      threw: expect.objectContaining({ name: 'StoreError', message: `cannot read ${file}: permission denied`, code: 'EACCES' }),
    });
    fs.chmodSync(file, 0o600);
    expect(fs.readFileSync(file)).toEqual(before);
  });

  it('throws a StoreError when the folder cannot be created', () => {
    const blocker = path.join(home().dir, 'logs');
    fs.writeFileSync(blocker, 'a file, not a folder');
    expect(() => ReviewLog.open(logFile())).toThrow(StoreError);
    expect(fs.readFileSync(blocker, 'utf8')).toBe('a file, not a folder');
  });

  it('throws a StoreError from append when the folder has become impossible to write to', () => {
    const file = logFile();
    const { log } = ReviewLog.open(file);
    log.append(grade('a'));
    fs.rmSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(path.dirname(file), 'a file, not a folder');

    expect(() => log.append(grade('b'))).toThrow(StoreError);
    expect(() => log.append(grade('b'))).toThrow(`could not save to ${file}: a part of the path is a file, not a folder`);
    log.close();
  });

  it.skipIf(!fs.existsSync('/dev/full'))('says "no space left on device" when the disk is full', () => {
    const file = logFile();
    const { log } = ReviewLog.open(file);
    log.append(grade('a'));
    // /dev/full fails every write with ENOSPC, like a full disk.
    fs.rmSync(file);
    fs.symlinkSync('/dev/full', file);
    let error: unknown;
    try {
      log.append(grade('b'));
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).message).toBe(`could not save to ${file}: no space left on device`);
    expect((error as StoreError).code).toBe('ENOSPC');
    log.close();
  });

  it('writes to the file now at its path, not to one moved away since', () => {
    const file = logFile();
    const { log } = ReviewLog.open(file);
    const [a, b] = [grade('a'), grade('b')];
    log.append(a);
    fs.renameSync(file, `${file}.old`);
    log.append(b);
    log.close();
    expect(ReviewLog.open(file).records).toEqual([b]);
  });
});

describe('newRecordId', () => {
  it('makes short ids that do not repeat', () => {
    const ids = Array.from({ length: 2000 }, () => newRecordId());
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{12}$/);
  });
});
