import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLog } from '../../../src/core/store/log-reader.js';
import { DEFAULT_SETTINGS, openSettings } from '../../../src/core/store/settings.js';
import type { GradeRecord } from '../../../src/core/store/review-log.js';
import { useTempHome } from '../../helpers/temp-home.js';

// Commands that only read (list, stats, --json) report damage but never change a file:
// the repair waits for the next command that writes.
const home = useTempHome('prep-readonly-');
const a: GradeRecord = { v: 1, type: 'grade', id: 'a1', deck: 'coder', card: 'q1', grade: 3, at: '2026-01-01T10:00:00.000Z' };

/** Every file under the temp home, by relative path, with its text. */
function tree(dir = home().dir, out: Record<string, string> = {}): Record<string, string> {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) tree(full, out);
    else out[path.relative(home().dir, full)] = fs.readFileSync(full, 'utf8');
  }
  return out;
}

function oldLog(text: string): string {
  const file = path.join(home().dir, 'logs', 'coder.jsonl');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  const then = new Date(Date.now() - 60_000);
  fs.utimesSync(file, then, then);
  return file;
}

describe('reading without repairing', () => {
  it('skips a cut-off last line, says the next drill repairs it, and leaves the log as it is', () => {
    const file = oldLog(`${JSON.stringify(a)}\n{"v":1,"ty`);
    const before = tree();
    const { records, warnings } = readLog(file, { repair: false });
    expect(records).toEqual([a]);
    expect(warnings).toEqual([`${file}:2: skipped an unfinished last line (the next drill repairs the file)`]);
    expect(tree()).toEqual(before);
  });

  it('skips a file that is no log at all, says the next drill moves it aside, and leaves it where it is', () => {
    const file = oldLog('my shopping list\nmilk\n');
    const before = tree();
    const { records, warnings } = readLog(file, { repair: false });
    expect(records).toEqual([]);
    expect(warnings).toEqual([`${file} could not be read as a review log; it was skipped (the next drill moves it aside)`]);
    expect(tree()).toEqual(before);
  });
});

describe('settings opened read-only', () => {
  it('use the defaults for a broken file, say so once, and leave it in place', () => {
    const file = path.join(home().dir, 'settings.json');
    fs.writeFileSync(file, '{ "retention": 0.8, oops');
    const s = openSettings(home().dir, { readOnly: true });
    expect(s.get()).toEqual(DEFAULT_SETTINGS);
    s.get();
    expect(s.warnings).toEqual([`${file} is not valid settings JSON; the defaults are used (the next drill moves it aside)`]);
    expect(tree()).toEqual({ 'settings.json': '{ "retention": 0.8, oops' });
  });

  it('create no folder, and refuse to save', () => {
    const dir = path.join(home().dir, 'config', 'prep');
    const s = openSettings(dir, { readOnly: true });
    expect(s.get()).toEqual(DEFAULT_SETTINGS);
    expect(() => s.set('retention', 0.8)).toThrow(`${path.join(dir, 'settings.json')} was opened read-only`);
    expect(() => s.setInterview('coder', '2026-03-01')).toThrow('was opened read-only');
    expect(fs.readdirSync(home().dir)).toEqual([]);
  });
});
