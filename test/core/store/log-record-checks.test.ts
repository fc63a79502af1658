import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReviewLog, type LogRecord } from '../../../src/core/store/review-log.js';
import { useTempHome } from '../../helpers/temp-home.js';

const home = useTempHome();
const AT = '2026-03-01T10:00:00.000Z';
const grade = { v: 1, type: 'grade', id: 'g1', deck: 'coder', card: 'tell-me', grade: 3, at: AT };
const undo = { v: 1, type: 'undo', id: 'u1', deck: 'coder', target: 'g0', at: AT };
const pitch = { v: 1, type: 'pitch', id: 'p1', deck: 'coder', ms: 61_000, beats: [0, 2], beatsTotal: 4, at: AT };
const answered = { card: 'tell-me', kind: 'question', ms: 42_000, target: 60, skipped: false, grade: 3 };
const mock = { v: 1, type: 'mock', id: 'm1', deck: 'coder', at: AT, ms: 900_000, items: [answered], scheduled: true };

/** Opens a log holding a good record, then `line`, then another good record. */
function openWith(line: string): { records: LogRecord[]; warnings: string[]; file: string } {
  const file = path.join(home().dir, 'logs', 'coder.jsonl');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const before = { ...grade, id: 'first' };
  const after = { ...grade, id: 'last' };
  fs.writeFileSync(file, `${JSON.stringify(before)}\n${line}\n${JSON.stringify(after)}\n`);
  const { log, records, warnings } = ReviewLog.open(file);
  log.close();
  // A bad line is skipped, never removed: the file is as it was.
  expect(fs.readFileSync(file, 'utf8')).toBe(`${JSON.stringify(before)}\n${line}\n${JSON.stringify(after)}\n`);
  return { records, warnings, file };
}

/** Reading `record` skips it, with this reason on its line (line 2). */
function expectSkipped(record: unknown, reason: string): void {
  const { records, warnings, file } = openWith(JSON.stringify(record));
  expect(records.map((r) => r.id)).toEqual(['first', 'last']);
  expect(warnings).toEqual([`${file}:2: skipped a line: ${reason}`]);
}

/** Reading `record` keeps it as it is. */
function expectKept(record: unknown): void {
  const { records, warnings } = openWith(JSON.stringify(record));
  expect(warnings).toEqual([]);
  expect(records).toEqual([{ ...grade, id: 'first' }, record, { ...grade, id: 'last' }]);
}

describe('what the review log accepts from disk', () => {
  it('keeps well-formed grades, undos and pitch runs, with their optional fields', () => {
    expectKept(grade);
    expectKept({ ...grade, grade: 1, ms: 0, early: false, typed: '' });
    expectKept({ ...grade, grade: 4, ms: 4200.5, early: true, typed: 'an answer' });
    expectKept({ ...grade, ms: 31_000, early: true, mock: 'm1' });
    expectKept(undo);
    expectKept(pitch);
    expectKept({ ...pitch, ms: 0, beats: [], beatsTotal: 0 });
  });

  it.each([
    [{ ...grade, ms: -5 }, 'ms'],
    [{ ...grade, ms: '4200' }, 'ms'],
    [{ ...grade, ms: null }, 'ms'],
    [{ ...grade, grade: 0 }, 'grade'],
    [{ ...grade, grade: '3' }, 'grade'],
    [{ ...grade, card: '' }, 'card'],
    [{ ...grade, card: 7 }, 'card'],
    [{ ...grade, id: '' }, 'id'],
    [{ ...grade, deck: undefined }, 'deck'],
    [{ ...grade, early: 'yes' }, 'early'],
    [{ ...grade, typed: 42 }, 'typed'],
    [{ ...grade, early: true, mock: '' }, 'mock'],
    [{ ...grade, at: 1700000000 }, 'at'],
    [{ ...grade, at: [AT] }, 'at'],
  ])('skips a grade with a bad field: %j', (record, key) => expectSkipped(record, `malformed grade record (${key}: invalid value)`));

  it.each([
    [{ ...undo, target: '' }, 'target'],
    [{ ...undo, target: undefined }, 'target'],
    [{ ...undo, at: 'soon' }, 'at'],
    [{ ...undo, id: 5 }, 'id'],
  ])('skips an undo with a bad field: %j', (record, key) => expectSkipped(record, `malformed undo record (${key}: invalid value)`));

  it.each([
    [{ ...pitch, ms: -1 }, 'ms'],
    [{ ...pitch, ms: 'long' }, 'ms'],
    [{ ...pitch, ms: undefined }, 'ms'],
    [{ ...pitch, ms: Number.POSITIVE_INFINITY }, 'ms'],
    [{ ...pitch, beats: 'all' }, 'beats'],
    [{ ...pitch, beats: [0, -1] }, 'beats'],
    [{ ...pitch, beats: [0, 'x'] }, 'beats'],
    [{ ...pitch, beatsTotal: 2.5 }, 'beatsTotal'],
    [{ ...pitch, beatsTotal: -1 }, 'beatsTotal'],
    [{ ...pitch, deck: '' }, 'deck'],
  ])('skips a pitch run with a bad field: %j', (record, key) => expectSkipped(record, `malformed pitch record (${key}: invalid value)`));

  it('makes a typed answer from an edited log harmless: control characters are shown, never sent to the terminal', () => {
    const typed = 'use a map\u001b]52;c;ZXZpbA==\u0007 then \u009b2J';
    const { records, warnings } = openWith(JSON.stringify({ ...grade, typed }));
    expect(warnings).toEqual([]);
    expect(records[1]).toEqual({ ...grade, typed: 'use a map\u241b]52;c;ZXZpbA==\u2407 then \ufffd2J' });
    // Tabs and line breaks lay an answer out and are kept.
    expect(openWith(JSON.stringify({ ...grade, typed: 'a\tb\nc' })).records[1]).toEqual({ ...grade, typed: 'a\tb\nc' });
  });

  it('keeps a mock interview with every kind of answer: timed, skipped, ungraded, without a target', () => {
    expectKept(mock);
    expectKept({
      ...mock,
      scheduled: false,
      items: [
        { ...answered, kind: 'pitch', ms: 0, target: 0, grade: 1 },
        { ...answered, kind: 'ask', ms: null, target: null, skipped: true, grade: null },
        { ...answered, grade: 4 },
      ],
    });
    expectKept({ ...mock, ms: 0, items: [] });
  });

  it.each([
    [{ ...mock, ms: -1 }, 'ms'],
    [{ ...mock, ms: null }, 'ms'],
    [{ ...mock, scheduled: 'yes' }, 'scheduled'],
    [{ ...mock, scheduled: undefined }, 'scheduled'],
    [{ ...mock, items: 'all' }, 'items'],
    [{ ...mock, items: [null] }, 'items'],
    [{ ...mock, items: ['tell-me'] }, 'items'],
    [{ ...mock, items: [{ ...answered, card: '' }] }, 'items'],
    [{ ...mock, items: [{ ...answered, kind: 'quiz' }] }, 'items'],
    [{ ...mock, items: [{ ...answered, ms: -5 }] }, 'items'],
    [{ ...mock, items: [{ ...answered, ms: undefined }] }, 'items'],
    [{ ...mock, items: [{ ...answered, target: -1 }] }, 'items'],
    [{ ...mock, items: [{ ...answered, skipped: 'no' }] }, 'items'],
    [{ ...mock, items: [{ ...answered, grade: 5 }] }, 'items'],
    [{ ...mock, items: [answered, { ...answered, grade: 0 }] }, 'items'],
    [{ ...mock, at: 'after lunch' }, 'at'],
    [{ ...mock, deck: 7 }, 'deck'],
  ])('skips a mock interview with a bad field: %j', (record, key) => expectSkipped(record, `malformed mock record (${key}: invalid value)`));

  it('skips a time too large for a number, as a hand edit can write it (1e999 reads as Infinity)', () => {
    const { records, warnings, file } = openWith(JSON.stringify(pitch).replace('"ms":61000', '"ms":1e999'));
    expect(records.map((r) => r.id)).toEqual(['first', 'last']);
    expect(warnings).toEqual([`${file}:2: skipped a line: malformed pitch record (ms: invalid value)`]);
  });

  it('says which version or type it does not know, and skips lines that are not records', () => {
    expectSkipped({ ...grade, v: 2 }, 'unknown record version 2 (written by a newer prep?)');
    expectSkipped({ ...grade, v: '1' }, 'unknown record version "1" (written by a newer prep?)');
    expectSkipped({ ...grade, type: 'rename' }, 'unknown record type "rename"');
    expectSkipped({ v: 1, id: 'x' }, 'unknown record type missing');
    expectSkipped({ type: 'grade', id: 'x' }, 'unknown record version missing (written by a newer prep?)');
    expectSkipped([grade], 'not a record (expected a JSON object)');
    expectSkipped(null, 'not a record (expected a JSON object)');
    expectSkipped('grade', 'not a record (expected a JSON object)');
  });

  it('keeps a log of newer records where it is, but moves one with only non-records aside', () => {
    // A line from a newer prep ({"v":2,...}) is a record this prep does not know: keep the file.
    // A file whose lines are JSON but no records at all ([1,2], "x") is not a review log.
    const file = path.join(home().dir, 'logs', 'coder.jsonl');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, `${JSON.stringify({ type: 'grade', id: 'n' })}\n`);
    expect(ReviewLog.open(file).warnings[0]).toMatch(/could not be read as a review log; it was moved to .*coder\.jsonl\.unreadable-/);
    fs.writeFileSync(file, `${JSON.stringify({ v: 1, type: 'future', id: 'n' })}\n`);
    expect(ReviewLog.open(file).warnings).toEqual([`${file}:1: skipped a line: unknown record type "future"`]);
    expect(fs.existsSync(file)).toBe(true);
    // Records this prep cannot use but that are clearly records: the log stays where it is.
    fs.writeFileSync(file, `${JSON.stringify({ ...grade, grade: 9 })}\n`);
    expect(ReviewLog.open(file).warnings).toEqual([`${file}:1: skipped a line: malformed grade record (grade: invalid value)`]);
    // JSON, but no objects at all: not a review log.
    fs.writeFileSync(file, '[1,2]\n"x"\n');
    expect(ReviewLog.open(file).warnings[0]).toMatch(/could not be read as a review log; it was moved to /);
  });
});
