import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProgress } from '../../src/commands/load-progress.js';
import { scheduler } from '../../src/core/schedule/fsrs.js';
import { replay } from '../../src/core/schedule/snapshot.js';
import { resolvePaths } from '../../src/core/store/paths.js';
import { readLog } from '../../src/core/store/log-reader.js';
import { ReviewLog, StoreError, type GradeRecord } from '../../src/core/store/review-log.js';
import { loadSnapshot, snapshotPath } from '../../src/core/store/snapshot-store.js';
import { makeDeck } from '../helpers/deck.js';
import { useTempHome } from '../helpers/temp-home.js';

// Damaged storage, as loadProgress (what drill and review open with) meets it: a snapshot is a
// cache and is rebuilt; the log is the truth and is never wiped; failures are plain sentences.

const home = useTempHome('prep-damage-');
const deck = makeDeck(3);
const T = Date.parse('2026-10-01T10:00:00Z');

function grades(n: number): GradeRecord[] {
  return Array.from({ length: n }, (_, i) => ({
    v: 1,
    type: 'grade',
    id: `g${i}`,
    deck: 'test',
    card: `q${(i % 3) + 1}`,
    grade: ([3, 1, 4] as const)[i % 3]!,
    at: new Date(T + i * 3_600_000).toISOString(),
  }));
}

function setUp(n = 6) {
  const paths = resolvePaths({ PREP_HOME: home().dir });
  const file = path.join(paths.logsDir, 'test.jsonl');
  fs.mkdirSync(paths.logsDir, { recursive: true });
  const records = grades(n);
  fs.writeFileSync(file, records.map((r) => `${JSON.stringify(r)}\n`).join(''));
  return { paths, file, records, truth: replay(scheduler(0.9), deck.cards, records) };
}

const states = (m: ReadonlyMap<string, { fsrs: unknown }>) => JSON.parse(JSON.stringify([...m].map(([id, p]) => [id, p.fsrs])));

describe('a corrupt snapshot', () => {
  it.each([
    ['not JSON at all', '{"snapshot": {"v": 1, "retention": 0.9, "cou'],
    ['binary garbage', '\u0000\u0001\u00ff\u00fe'],
    ['JSON of another shape', '[1, 2, 3]'],
    ['the right header with damaged card states', ''],
  ])('%s: is ignored, the progress is rebuilt from the log, and a good snapshot replaces it', (_what, text) => {
    const { paths, file, records, truth } = setUp();
    const snap = snapshotPath(paths.dataDir, 'test');
    fs.mkdirSync(path.dirname(snap), { recursive: true });
    // A snapshot that fits the log exactly (its end, checked by the last line's hash), except that its card states are garbage.
    const at = readLog(file).end!;
    const damaged = { snapshot: { v: 4, retention: 0.9, at, undone: [], lastPractised: null, ids: ['q1', 'q2'], numbers: 'soon', marks: 'x' } };
    fs.writeFileSync(snap, text || JSON.stringify(damaged));
    const before = fs.readFileSync(file);

    const loaded = loadProgress(paths, deck, 0.9);
    loaded.log.close();
    expect(states(loaded.progress)).toEqual(states(truth));
    for (const p of loaded.progress.values()) expect(Number.isNaN(p.fsrs.due.getTime())).toBe(false);

    loaded.saveSnapshot();
    expect(loadSnapshot(paths.dataDir, 'test')).toMatchObject({ v: 4, at: { offset: before.length, lines: records.length } });
    // The log itself was not touched.
    expect(fs.readFileSync(file)).toEqual(before);
  });
});

describe('a damaged log', () => {
  it('a torn last line: skipped with a warning, its bytes kept beside the log, the grades before it kept', () => {
    const { paths, file, records } = setUp();
    fs.appendFileSync(file, '{"v":1,"type":"grade","id":"torn","deck":"te');
    const old = new Date(Date.now() - 3_600_000);
    fs.utimesSync(file, old, old);

    const { log, progress, warnings } = loadProgress(paths, deck, 0.9);
    expect(progress.get('q1')!.history.count).toBe(records.filter((r) => r.card === 'q1').length);
    expect(warnings.join('\n')).toMatch(/the last line was cut off .* saved to .*test\.jsonl\.torn-/);
    const torn = fs.readdirSync(paths.logsDir).find((f) => f.startsWith('test.jsonl.torn-'))!;
    expect(fs.readFileSync(path.join(paths.logsDir, torn), 'utf8')).toBe('{"v":1,"type":"grade","id":"torn","deck":"te');
    // The next grade goes on a clean line.
    log.append({ ...records[0]!, id: 'next' });
    log.close();
    expect(fs.readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l).id)).toEqual([...records.map((r) => r.id), 'next']);
  });

  it('a log that is not JSON: moved aside intact with a message, and a fresh log started', () => {
    const { paths, file } = setUp();
    const garbage = Buffer.from('this is not a review log\n\u0000\u0001 at all\n');
    fs.writeFileSync(file, garbage);
    const { log, progress, warnings } = loadProgress(paths, deck, 0.9);
    log.close();
    expect([...progress.values()].every((p) => p.history.count === 0)).toBe(true);
    expect(warnings).toEqual([expect.stringMatching(/could not be read as a review log; it was moved to .*test\.jsonl\.unreadable-.* and a new log was started/)]);
    const aside = fs.readdirSync(paths.logsDir).find((f) => f.startsWith('test.jsonl.unreadable-'))!;
    expect(fs.readFileSync(path.join(paths.logsDir, aside))).toEqual(garbage);
  });

  it('a log that is a device (a link to /dev/zero) is refused at once, not read forever', () => {
    const { paths, file } = setUp();
    fs.rmSync(file);
    fs.symlinkSync('/dev/zero', file);
    const started = performance.now();
    expect(() => loadProgress(paths, deck, 0.9)).toThrow(new StoreError(`cannot read ${file}: it is not a regular file`, file));
    expect(performance.now() - started).toBeLessThan(1000);
    expect(fs.readlinkSync(file)).toBe('/dev/zero');
  });
});

describe('a store that cannot be written', () => {
  it('a data folder under a file (no way to create it, even as root): a sentence, and nothing created', () => {
    const blocker = path.join(home().dir, 'blocker');
    fs.writeFileSync(blocker, 'a file, not a folder');
    const paths = resolvePaths({ PREP_HOME: path.join(blocker, 'prep') });
    expect(() => loadProgress(paths, deck, 0.9)).toThrow(/cannot create the folder .*blocker\/prep\/logs: a part of the path is a file, not a folder/);
    expect(fs.readFileSync(blocker, 'utf8')).toBe('a file, not a folder');
  });

  it('a disk that fills up mid-session (the log swapped for /dev/full): the append throws, the log keeps every earlier line', () => {
    const { paths, file, records } = setUp();
    const { log } = loadProgress(paths, deck, 0.9);
    log.append({ ...records[0]!, id: 'before' });
    const kept = fs.readFileSync(file);
    fs.renameSync(file, `${file}.real`);
    fs.symlinkSync('/dev/full', file);
    expect(() => log.append({ ...records[0]!, id: 'lost' })).toThrow(`could not save to ${file}: no space left on device`);
    // Space is back: the same log saves again, on a clean line after what was there.
    fs.rmSync(file);
    fs.renameSync(`${file}.real`, file);
    log.append({ ...records[0]!, id: 'after' });
    log.close();
    const text = fs.readFileSync(file, 'utf8');
    expect(text.startsWith(kept.toString('utf8'))).toBe(true);
    expect(text.trim().split('\n').map((l) => JSON.parse(l).id)).toEqual([...records.map((r) => r.id), 'before', 'after']);
    expect(ReviewLog.open(file).records.map((r) => r.id)).not.toContain('lost');
  });
});
