import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appendWhole, writeWhole } from '../../src/commands/sync-write.js';
import { useTempHome } from '../helpers/temp-home.js';

// How sync writes the data folder's files: decks and settings whole, through a temp file and a
// rename; lines added to a log appended, as the drill appends, never by replacing the log.

const home = useTempHome('prep-sync-write-');
const rec = (id: string) => `{"v":1,"type":"review","id":"${id}"}`;

describe('appendWhole: lines added to a log by sync', () => {
  it('a grade a running drill appends through its open log lands in the log, before and after sync adds lines', () => {
    const file = path.join(home().dir, 'logs', 'five.jsonl');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, `${rec('a')}\n`);
    // The drill keeps its log open between grades.
    const drill = fs.openSync(file, 'a');
    appendWhole(file, `${rec('b')}\n`);
    fs.writeSync(drill, `${rec('c')}\n`);
    fs.closeSync(drill);
    expect(fs.readFileSync(file, 'utf8')).toBe(`${rec('a')}\n${rec('b')}\n${rec('c')}\n`);
  });

  it('starts on a new line when the log ends mid-line, and makes a missing log', () => {
    const dir = home().dir;
    const cut = path.join(dir, 'cut.jsonl');
    fs.writeFileSync(cut, rec('a'));
    appendWhole(cut, `${rec('b')}\n`);
    expect(fs.readFileSync(cut, 'utf8')).toBe(`${rec('a')}\n${rec('b')}\n`);
    appendWhole(cut, '');
    expect(fs.readFileSync(cut, 'utf8')).toBe(`${rec('a')}\n${rec('b')}\n`);
    const fresh = path.join(dir, 'logs', 'new.jsonl');
    appendWhole(fresh, `${rec('x')}\n`);
    expect(fs.readFileSync(fresh, 'utf8')).toBe(`${rec('x')}\n`);
    expect(fs.statSync(fresh).mode & 0o777).toBe(0o600);
  });

  it('a log it cannot write is named in words, not a raw error code', () => {
    const dir = home().dir;
    const folder = path.join(dir, 'five.jsonl');
    fs.mkdirSync(folder);
    expect(() => appendWhole(folder, `${rec('a')}\n`)).toThrow(/could not save to .*five\.jsonl/);
  });
});

describe('writeWhole: a deck or settings written by sync', () => {
  it('replaces the file whole and keeps the mode of the one it replaces', () => {
    const deck = path.join(home().dir, 'decks', 'five.yaml');
    fs.mkdirSync(path.dirname(deck), { recursive: true });
    fs.writeFileSync(deck, 'title: Old\n', { mode: 0o640 });
    writeWhole(deck, 'title: New\n');
    expect(fs.readFileSync(deck, 'utf8')).toBe('title: New\n');
    expect(fs.statSync(deck).mode & 0o777).toBe(0o640);
    expect(fs.readdirSync(path.dirname(deck))).toEqual(['five.yaml']);
  });
});
