import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LogPosition } from '../../../src/core/store/log-reader.js';
import { readTally, samePosition, saveTally, tallyPath, type StoredTally, type TallyHead } from '../../../src/core/store/tally-store.js';
import { useTempHome } from '../../helpers/temp-home.js';

// The tally is what `prep stats` counted up to where the snapshot ends. It is a cache: one that
// is damaged, of another version or of another place in the log must read as none (stats then
// counts the whole log), never as counts that are wrong.
const home = useTempHome('prep-tally-');

const AT: LogPosition = { offset: 4200, lines: 37, last: { length: 118, hash: '9f86d081884c7d65' } };
const ZONE = { from: 1_780_000_000_000, to: 1_790_000_000_000, sig: '-240,-300' };
const TALLY = [{ reviews: 12, days: { '2026-11-01': 3 } }, { cards: ['q1', 5, 7], ms: '5000' }];
/** A tally's lines, each parsed. */
const linesOf = (t: StoredTally | null) => t && Array.from({ length: t.lines }, (_, i) => JSON.parse(t.line(i)) as unknown);

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
    expect(back?.head).toMatchObject({ v: 3, at: AT, zone: ZONE });
    expect(back?.lines).toBe(2);
    expect(linesOf(back)).toEqual(TALLY);
    // One JSON value a line, head first.
    expect(fs.readFileSync(tallyPath(dir, 'coder'), 'utf8').split('\n').slice(1)).toEqual([...TALLY.map((l) => JSON.stringify(l)), '']);

    const later = { ...AT, offset: 5000, lines: 40 };
    expect(saveTally(dir, 'coder', { at: later, zone: ZONE }, [{ reviews: 15 }, 'é\nü', 3])).toBe(true);
    expect(readTally(dir, 'coder')?.head.at).toEqual(later);
    expect(linesOf(readTally(dir, 'coder'))).toEqual([{ reviews: 15 }, 'é\nü', 3]);
    expect(readTally(dir, 'other')).toBeNull();
  });

  it('gives each line alone, and no line beyond its last', () => {
    const dir = home().dir;
    saveTally(dir, 'coder', { at: AT, zone: ZONE }, TALLY);
    const back = readTally(dir, 'coder')!;
    expect(back.line(1)).toBe(JSON.stringify(TALLY[1]));
    expect(back.line(0)).toBe(JSON.stringify(TALLY[0]));
    expect(() => back.line(2)).toThrow(RangeError);
    expect(() => back.line(-1)).toThrow(RangeError);
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
      ['{"v":3,', '{"v":4,'],
      // The last line too: the digest covers every line, not only the one a report reads.
      ['"ms":"5000"', '"ms":"5001"'],
      ['"ms":"5000"}\n', '"ms":"5000"}\n{}\n'],
    ];
    for (const [from, to] of edits) {
      const dir = home().dir;
      saveTally(dir, 'coder', { at: AT, zone: ZONE }, TALLY);
      edit(dir, from, to);
      expect(readTally(dir, 'coder'), `${from} -> ${to}`).toBeNull();
    }
  });

  it('written by a build of version 2 (the tally on one line), whole and sealed as it sealed it, reads as none', () => {
    // The digest as that build computed it: its version, position and zone, a newline, the tally's line.
    const body = JSON.stringify({ reviews: { total: 3 }, times: { cards: ['q1'], medians: [5000], counts: [1], ms: '5000' } });
    const digest = createHash('sha256').update(JSON.stringify([2, AT, ZONE])).update('\n').update(body).digest('hex');
    const dir = home().dir;
    const file = tallyPath(dir, 'coder');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const text = (v: number) => `${JSON.stringify({ v, at: AT, zone: ZONE, digest })}\n${body}\n`;
    fs.writeFileSync(file, text(2));
    expect(readTally(dir, 'coder')).toBeNull();
    // The same file with this build's version number fails only on its digest, which names the version.
    fs.writeFileSync(file, text(3));
    expect(readTally(dir, 'coder')).toBeNull();
    saveTally(dir, 'coder', { at: AT, zone: ZONE }, [JSON.parse(body)]);
    expect(readTally(dir, 'coder')?.line(0)).toBe(body);
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
