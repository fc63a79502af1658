import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { StoreError } from '../../../src/core/store/review-log.js';
import { DEFAULT_SETTINGS, openSettings } from '../../../src/core/store/settings.js';
import { useTempHome } from '../../helpers/temp-home.js';

const home = useTempHome();
const settingsFile = () => path.join(home().dir, 'settings.json');

function writeSettings(content: string): void {
  fs.writeFileSync(settingsFile(), content);
}

describe('settings', () => {
  it('starts with the defaults and no warnings', () => {
    const s = openSettings(home().dir);
    expect(s.get()).toEqual({ retention: 0.9, newPerDay: 20, answerMode: 'self', interviews: {} });
    expect(s.warnings).toEqual([]);
    expect(s.file).toBe(settingsFile());
  });

  it('keeps what was set after a reopen', () => {
    const s = openSettings(home().dir);
    s.set('retention', 0.85);
    s.set('newPerDay', 0);
    s.set('answerMode', 'type');
    s.setInterview('coder', '2025-04-02');
    s.setInterview('sys.design', '2025-04-03T14:30');

    const again = openSettings(home().dir);
    expect(again.get()).toEqual({
      retention: 0.85,
      newPerDay: 0,
      answerMode: 'type',
      interviews: { coder: '2025-04-02', 'sys.design': '2025-04-03T14:30' },
    });
    expect(again.warnings).toEqual([]);
    // The file is plain JSON a person can read and edit.
    expect(JSON.parse(fs.readFileSync(settingsFile(), 'utf8'))).toMatchObject({ retention: 0.85, interviews: { coder: '2025-04-02' } });
  });

  it('forgets one interview date and keeps the others', () => {
    const s = openSettings(home().dir);
    s.setInterview('coder', '2025-04-02');
    s.setInterview('sql', '2025-05-01');
    s.clearInterview('coder');
    expect(openSettings(home().dir).get().interviews).toEqual({ sql: '2025-05-01' });
  });

  it('refuses to save a bad value and keeps the old one', () => {
    const s = openSettings(home().dir);
    s.set('retention', 0.8);
    expect(() => s.set('retention', 0.995)).toThrow(StoreError);
    expect(() => s.set('retention', 0.5)).toThrow('retention must be a number from 0.7 to 0.99 (got 0.5)');
    expect(() => s.set('newPerDay', 2.5)).toThrow(StoreError);
    expect(() => s.set('newPerDay', -1)).toThrow(StoreError);
    expect(() => s.set('answerMode', 'shout' as 'self')).toThrow(StoreError);
    expect(() => s.setInterview('coder', 'next tuesday')).toThrow(StoreError);
    expect(() => s.setInterview('coder', '2025-02-30')).toThrow(StoreError);
    expect(openSettings(home().dir).get()).toEqual({ ...DEFAULT_SETTINGS, retention: 0.8 });
  });

  it('accepts the retention bounds themselves', () => {
    const s = openSettings(home().dir);
    s.set('retention', 0.7);
    expect(s.get().retention).toBe(0.7);
    s.set('retention', 0.99);
    expect(s.get().retention).toBe(0.99);
  });

  it('falls back to the default for each bad stored value, with a warning, keeping the good ones', () => {
    writeSettings(
      JSON.stringify({
        retention: 1.5,
        newPerDay: 'lots',
        answerMode: 'type',
        interviews: { coder: '2025-04-02', sql: 'soon' },
      }),
    );
    const s = openSettings(home().dir);
    expect(s.get()).toEqual({ retention: 0.9, newPerDay: 20, answerMode: 'type', interviews: { coder: '2025-04-02' } });
    const w = s.warnings;
    expect(w).toHaveLength(3);
    expect(w[0]).toMatch(/retention must be a number from 0\.7 to 0\.99 \(found 1\.5\); using 0\.9/);
    expect(w[1]).toMatch(/newPerDay must be a whole number.*\(found "lots"\); using 20/);
    expect(w[2]).toMatch(/interview date of "sql".*\(found "soon"\); ignoring it/);
    for (const line of w) expect(line.startsWith(settingsFile())).toBe(true);
    // The user's file is not rewritten behind their back.
    expect(JSON.parse(fs.readFileSync(settingsFile(), 'utf8')).retention).toBe(1.5);
  });

  it('moves a corrupt settings.json aside with a warning and uses the defaults', () => {
    const broken = '{ "retention": 0.8, oops';
    writeSettings(broken);
    const s = openSettings(home().dir);
    expect(s.get()).toEqual(DEFAULT_SETTINGS);
    const aside = fs.readdirSync(home().dir).filter((f) => f.startsWith('settings.json.corrupt-'));
    expect(aside).toHaveLength(1);
    expect(fs.readFileSync(path.join(home().dir, aside[0]!), 'utf8')).toBe(broken);
    expect(s.warnings).toEqual([expect.stringContaining(path.join(home().dir, aside[0]!))]);

    s.set('newPerDay', 5);
    expect(openSettings(home().dir).get().newPerDay).toBe(5);
  });

  it('treats a settings.json that is JSON but not an object as corrupt', () => {
    writeSettings('[0.8, 10]');
    const s = openSettings(home().dir);
    expect(s.get()).toEqual(DEFAULT_SETTINGS);
    expect(s.warnings).toHaveLength(1);
    expect(fs.readdirSync(home().dir).some((f) => f.startsWith('settings.json.corrupt-'))).toBe(true);
  });

  it('recovers the same way when the file breaks while prep is running', () => {
    const s = openSettings(home().dir);
    s.set('newPerDay', 7);
    writeSettings('not json');
    expect(s.get()).toEqual(DEFAULT_SETTINGS);
    expect(s.warnings).toEqual([expect.stringMatching(/moved to .*settings\.json\.corrupt-/)]);
  });

  it('throws a StoreError when the settings folder cannot be made', () => {
    const blocker = path.join(home().dir, 'config');
    fs.writeFileSync(blocker, 'a file, not a folder');
    expect(() => openSettings(blocker)).toThrow(StoreError);
  });
});

describe('interview dates in the settings', () => {
  it('keeps what prep can use, and warns about (then ignores) what it could not', () => {
    // Written as text: an object literal would take "__proto__" as its prototype, not a key.
    // A zone or fractions: the deck and --interview refuse these, so the settings do too.
    writeSettings(
      '{"interviews": {"coder": "2025-04-02", "later": "2025-04-02T09:00:30", "zoned": "2026-12-03T14:00Z",' +
        ' "offset": "2025-04-02T09:00+02:00", "gone": "2025-02-29", "__proto__": "2025-05-01"}}',
    );
    const s = openSettings(home().dir);
    const interviews = s.get().interviews;
    expect(Object.keys(interviews).sort()).toEqual(['__proto__', 'coder', 'later']);
    expect(Object.hasOwn(interviews, '__proto__') && interviews['__proto__']).toBe('2025-05-01');
    expect(s.warnings).toEqual([
      expect.stringContaining('the interview date of "zoned" must be a date'),
      expect.stringContaining('the interview date of "offset" must be a date'),
      expect.stringContaining('the interview date of "gone" must be a date'),
    ]);
  });

  it('refuses to save a date with a zone', () => {
    expect(() => openSettings(home().dir).setInterview('coder', '2026-12-03T14:00Z')).toThrow(StoreError);
  });
});
