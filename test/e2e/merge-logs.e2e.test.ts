import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { scheduler } from '../../src/core/schedule/fsrs.js';
import { replay } from '../../src/core/schedule/snapshot.js';
import { ReviewLog, type LogRecord } from '../../src/core/store/review-log.js';
import { makeDeck } from '../helpers/deck.js';
import { useTempHome } from '../helpers/temp-home.js';

// The README's recipe for merging the logs of two machines, run exactly as printed there.

const README = fileURLToPath(new URL('../../README.md', import.meta.url));
const home = useTempHome('prep-merge-');

function recipe(): string {
  const section = fs.readFileSync(README, 'utf8').split('\n## Your data\n')[1]!.split('\n## ')[0]!;
  const line = section.split('\n').find((l) => l.startsWith("node -e '"));
  if (!line) throw new Error('README: no merge recipe under "## Your data"');
  return line;
}

const at = (day: number) => new Date(Date.UTC(2026, 0, day, 9)).toISOString();
const grade = (id: string, card: string, day: number): LogRecord => ({ v: 1, type: 'grade', id, deck: 'test', card, grade: 3, at: at(day) });
const lines = (records: LogRecord[]) => records.map((r) => `${JSON.stringify(r)}\n`).join('');

describe('merging the logs of two machines (README recipe)', () => {
  it('keeps one copy of each record, in time order, and prep reads the result cleanly', () => {
    const { dir } = home();
    // Both machines have the history copied across on day 2; then each goes its own way.
    const shared = [grade('a1', 'q1', 1), grade('a2', 'q2', 2)];
    const laptop = [...shared, grade('l1', 'q1', 5), { v: 1, type: 'undo', id: 'l2', deck: 'test', target: 'l1', at: at(5) } as LogRecord, grade('l3', 'q3', 7)];
    const desktop = [...shared, grade('d1', 'q2', 4), grade('d2', 'q1', 6)];
    fs.mkdirSync(path.join(dir, 'laptop'));
    fs.mkdirSync(path.join(dir, 'desktop'));
    fs.writeFileSync(path.join(dir, 'laptop', 'coder.jsonl'), lines(laptop));
    // A torn last line on one side (prep was killed there) is dropped, not merged.
    fs.writeFileSync(path.join(dir, 'desktop', 'coder.jsonl'), `${lines(desktop)}{"v":1,"type":"gra`);

    execFileSync('sh', ['-c', recipe()], { cwd: dir });

    const merged = fs.readFileSync(path.join(dir, 'coder.jsonl'), 'utf8');
    const records = merged.trimEnd().split('\n').map((l) => JSON.parse(l) as LogRecord);
    expect(records.map((r) => r.id)).toEqual(['a1', 'a2', 'd1', 'l1', 'l2', 'd2', 'l3']);
    const opened = ReviewLog.open(path.join(dir, 'coder.jsonl'));
    opened.log.close();
    expect(opened.warnings).toEqual([]);
    expect(opened.records).toEqual(records);
    const progress = replay(scheduler(0.9), makeDeck(3).cards, opened.records);
    // The undone grade l1 does not count; the rest do.
    expect(progress.get('q1')?.history).toMatchObject({ count: 2, first: { at: at(1) }, last: { at: at(6) } });
    expect(progress.get('q2')?.history).toMatchObject({ count: 2, first: { at: at(2) }, last: { at: at(4) } });
  });
});
