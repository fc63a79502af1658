import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LogPosition } from '../../../src/core/store/log-reader.js';
import { readTally, samePosition, saveTally, tallyPath, type TallyHead } from '../../../src/core/store/tally-store.js';
import { useTempHome } from '../../helpers/temp-home.js';

// The tally is what `prep stats` counted up to where the snapshot ends. It is a cache: one that
// is damaged, of another version or of another place in the log must read as none (stats then
// counts the whole log), never as counts that are wrong.
const home = useTempHome('prep-tally-');

const AT: LogPosition = { offset: 4200, lines: 37, last: { length: 118, hash: '9f86d081884c7d65' } };
const ZONE = { from: 1_780_000_000_000, to: 1_790_000_000_000, sig: '-240,-300' };
const TALLY = { reviews: 12, days: { '2026-11-01': 3 } };

/** The tally file's text with `from` replaced by `to` (once), as an edit by hand or a bad disk would. */
function edit(dir: string, from: string, to: string): void {
  const file = tallyPath(dir, 'coder');
  const text = fs.readFileSync(file, 'utf8');
  expect(text).toContain(from);
  fs.writeFileSync(file, text.replace(from, to));
}

describe('a stored tally', () => {
  it('is read back as saved, from the file beside the snapshot, and a newer one replaces it', () => {
    const dir = home().dir;
    expect(saveTally(dir, 'coder', { at: AT, zone: ZONE }, TALLY)).toBe(true);
    expect(fs.readdirSync(path.join(dir, 'snapshots'))).toEqual(['coder.stats.json']);
    const back = readTally(dir, 'coder');
    expect(back?.head).toMatchObject({ v: 2, at: AT, zone: ZONE });
    expect(JSON.parse(back!.body)).toEqual(TALLY);

    const later = { ...AT, offset: 5000, lines: 40 };
    expect(saveTally(dir, 'coder', { at: later, zone: ZONE }, { reviews: 15 })).toBe(true);
    expect(readTally(dir, 'coder')?.head.at).toEqual(later);
    expect(JSON.parse(readTally(dir, 'coder')!.body)).toEqual({ reviews: 15 });
    expect(readTally(dir, 'other')).toBeNull();
  });

  it('that is missing reads as none, and reading creates nothing', () => {
    const dir = home().dir;
    expect(readTally(dir, 'coder')).toBeNull();
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('edited in its counts, its position or its zone, or of another version, reads as none', () => {
    const edits: [string, string][] = [
      ['"reviews":12', '"reviews":13'],
      ['"offset":4200', '"offset":4201'],
      ['"lines":37', '"lines":38'],
      ['"from":1780000000000', '"from":1780000000001'],
      ['"sig":"-240,-300"', '"sig":"-240,-240"'],
      ['{"v":2,', '{"v":3,'],
    ];
    for (const [from, to] of edits) {
      const dir = home().dir;
      saveTally(dir, 'coder', { at: AT, zone: ZONE }, TALLY);
      edit(dir, from, to);
      expect(readTally(dir, 'coder'), `${from} -> ${to}`).toBeNull();
    }
  });

  it('written by a build of version 1 (every answer time as a number), whole and sealed as it sealed it, reads as none', () => {
    // The digest as that build computed it: its version, position and zone, a newline, the tally's line.
    const body = JSON.stringify({ times: [['q1', 5000, 7000]] });
    const digest = createHash('sha256').update(JSON.stringify([1, AT, ZONE])).update('\n').update(body).digest('hex');
    const dir = home().dir;
    const file = tallyPath(dir, 'coder');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const text = (v: number) => `${JSON.stringify({ v, at: AT, zone: ZONE, digest })}\n${body}\n`;
    fs.writeFileSync(file, text(1));
    expect(readTally(dir, 'coder')).toBeNull();
    // The same file with this build's version number fails only on its digest, which names the version.
    fs.writeFileSync(file, text(2));
    expect(readTally(dir, 'coder')).toBeNull();
    saveTally(dir, 'coder', { at: AT, zone: ZONE }, JSON.parse(body));
    expect(readTally(dir, 'coder')?.body).toBe(body);
  });

  it('cut short, or not JSON at all, reads as none', () => {
    const dir = home().dir;
    saveTally(dir, 'coder', { at: AT, zone: ZONE }, TALLY);
    const file = tallyPath(dir, 'coder');
    const whole = fs.readFileSync(file, 'utf8');
    for (const text of [whole.slice(0, -1), whole.slice(0, whole.indexOf('\n') + 1), '', 'not json\n{}\n', 'null\n{}\n']) {
      fs.writeFileSync(file, text);
      expect(readTally(dir, 'coder'), JSON.stringify(text.slice(0, 40))).toBeNull();
    }
  });

  it('whose head lacks a field or holds the wrong kind of value reads as none, even when its digest fits', () => {
    // What a build with a bug in its writer could leave: saved through saveTally, so the digest fits.
    const heads: unknown[] = [
      { at: { ...AT, offset: '4200' }, zone: ZONE },
      { at: { lines: 37, last: null }, zone: ZONE },
      { at: AT, zone: { ...ZONE, from: '1780000000000' } },
      { at: AT, zone: { ...ZONE, to: null } },
      { at: AT, zone: { ...ZONE, sig: 5 } },
      { at: AT },
    ];
    for (const head of heads) {
      const dir = home().dir;
      expect(saveTally(dir, 'coder', head as Omit<TallyHead, 'v' | 'digest'>, TALLY)).toBe(true);
      expect(readTally(dir, 'coder'), JSON.stringify(head)).toBeNull();
    }
  });

  it('that cannot be saved (its folder is a file) costs nothing but the tally', () => {
    const dir = home().dir;
    fs.writeFileSync(path.join(dir, 'snapshots'), 'in the way');
    expect(saveTally(dir, 'coder', { at: AT, zone: ZONE }, TALLY)).toBe(false);
    expect(readTally(dir, 'coder')).toBeNull();
  });
});

describe('two log positions', () => {
  it('are the same place only when offset, line count and last line all agree', () => {
    expect(samePosition(AT, { ...AT, last: { ...AT.last! } })).toBe(true);
    expect(samePosition(AT, { ...AT, offset: 4201 })).toBe(false);
    expect(samePosition(AT, { ...AT, lines: 36 })).toBe(false);
    expect(samePosition(AT, { ...AT, last: { ...AT.last!, length: 119 } })).toBe(false);
    // A log rewritten before the position: same length, another last line.
    expect(samePosition(AT, { ...AT, last: { ...AT.last!, hash: '0000000000000000' } })).toBe(false);
  });

  it('of an empty log are the same, and not the same as a position with a last line', () => {
    const empty: LogPosition = { offset: 0, lines: 0, last: null };
    expect(samePosition(empty, { ...empty })).toBe(true);
    expect(samePosition(empty, { offset: 0, lines: 0, last: { length: 0, hash: '' } })).toBe(false);
    expect(samePosition({ offset: 0, lines: 0, last: { length: 0, hash: '' } }, empty)).toBe(false);
  });
});
