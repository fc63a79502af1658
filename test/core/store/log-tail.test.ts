import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLog, readLogAfter } from '../../../src/core/store/log-reader.js';
import type { GradeRecord } from '../../../src/core/store/review-log.js';
import { useTempHome } from '../../helpers/temp-home.js';

// Reading only what follows a position an earlier read returned: what a start does behind a snapshot.
const home = useTempHome('prep-tail-');
const grade = (i: number): GradeRecord => ({ v: 1, type: 'grade', id: `g${i}`, deck: 'coder', card: `q${i % 3}`, grade: 3, at: new Date(Date.UTC(2026, 0, 1, i)).toISOString() });
const lines = (from: number, n: number) => Array.from({ length: n }, (_, k) => `${JSON.stringify(grade(from + k))}\n`).join('');

function logWith(text: string): string {
  const file = path.join(home().dir, 'coder.jsonl');
  fs.writeFileSync(file, text);
  return file;
}

describe('reading a log after a position', () => {
  it('gives only the records after it, with warnings at the right line numbers', () => {
    const file = logWith(lines(0, 5));
    const end = readLog(file).end!;
    expect(end).toMatchObject({ offset: fs.statSync(file).size, lines: 5 });
    fs.appendFileSync(file, `${lines(5, 2)}not a record\n${lines(7, 1)}`);
    const r = readLogAfter(file, end)!;
    expect(r.records.map((x) => x.id)).toEqual(['g5', 'g6', 'g7']);
    expect(r.warnings).toEqual([`${file}:8: skipped a line: not valid JSON`]);
    expect(r.end).toMatchObject({ offset: fs.statSync(file).size, lines: 9 });
    // Nothing new: nothing read, the same position.
    expect(readLogAfter(file, r.end!)).toMatchObject({ records: [], end: r.end });
  });

  it('reads after a position that ends the very first line', () => {
    const file = logWith(lines(0, 1));
    const end = readLog(file).end!;
    fs.appendFileSync(file, lines(1, 2));
    expect(readLogAfter(file, end)!.records.map((x) => x.id)).toEqual(['g1', 'g2']);
  });

  it('repairs a torn last line after the position as a full read does: copied aside, cut from the log', () => {
    const file = logWith(lines(0, 5));
    const end = readLog(file).end!;
    fs.appendFileSync(file, `${lines(5, 2)}{"v":1,"type":"grade","id":"torn"`);
    const old = new Date(Date.now() - 3_600_000);
    fs.utimesSync(file, old, old);
    const r = readLogAfter(file, end)!;
    expect(r.records.map((x) => x.id)).toEqual(['g5', 'g6']);
    expect(r.warnings.join('\n')).toMatch(new RegExp(`coder\\.jsonl:8: the last line was cut off .* saved to .*coder\\.jsonl\\.torn-`));
    expect(fs.readFileSync(file, 'utf8')).toBe(lines(0, 7));
    const aside = fs.readdirSync(path.dirname(file)).find((f) => f.startsWith('coder.jsonl.torn-'))!;
    expect(fs.readFileSync(path.join(path.dirname(file), aside), 'utf8')).toBe('{"v":1,"type":"grade","id":"torn"');
  });

  it('refuses (undefined: read it all) when the bytes before the position changed, were cut, or the log is gone', () => {
    const file = logWith(lines(0, 5));
    const end = readLog(file).end!;
    // The last covered line rewritten with the same length.
    fs.writeFileSync(file, lines(0, 5).replace('"g4"', '"gX"') + lines(5, 1));
    expect(readLogAfter(file, end)).toBeUndefined();
    // A line inserted earlier shifts everything.
    fs.writeFileSync(file, lines(9, 1) + lines(0, 5));
    expect(readLogAfter(file, end)).toBeUndefined();
    fs.writeFileSync(file, lines(0, 4));
    expect(readLogAfter(file, end)).toBeUndefined();
    fs.rmSync(file);
    expect(readLogAfter(file, end)).toBeUndefined();
    // The line break before the last covered line, or the one ending it, replaced (an edit by hand):
    // that line now reads as part of another, so the records before the position may differ.
    const text = lines(0, 5);
    const lastStart = text.lastIndexOf('\n', text.length - 2);
    fs.writeFileSync(file, `${text.slice(0, lastStart)} ${text.slice(lastStart + 1)}${lines(5, 1)}`);
    expect(readLogAfter(file, end)).toBeUndefined();
    fs.writeFileSync(file, `${text.slice(0, -1)} ${lines(5, 1)}`);
    expect(readLogAfter(file, end)).toBeUndefined();
    // The same bytes again: fine.
    fs.writeFileSync(file, lines(0, 6));
    expect(readLogAfter(file, end)!.records.map((x) => x.id)).toEqual(['g5']);
  });
});
