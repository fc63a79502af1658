import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, openSettings } from '../../../src/core/store/settings.js';
import { useTempHome } from '../../helpers/temp-home.js';

// What a saved settings.json holds, and what a hand-edited one can do to the next save.
const home = useTempHome('prep-settings-saved-');
const settingsFile = () => path.join(home().dir, 'settings.json');
afterEach(() => vi.restoreAllMocks());
const stored = () => JSON.parse(fs.readFileSync(settingsFile(), 'utf8')) as Record<string, unknown>;

describe('saving a setting', () => {
  it('keeps the settings private: the folder and the file are the user’s alone', () => {
    const dir = path.join(home().dir, 'config', 'prep');
    openSettings(dir).set('retention', 0.85);
    expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
    expect(fs.statSync(path.join(dir, 'settings.json')).mode & 0o777).toBe(0o600);
  });

  it('keeps when every other key was written, and keys the user added by hand', () => {
    fs.writeFileSync(settingsFile(), JSON.stringify({ newPerDay: 4, note: 'mine', writtenAt: { newPerDay: '2026-01-02T03:04:05.000Z' } }));
    const s = openSettings(home().dir);
    const before = Date.now();
    s.set('retention', 0.8);
    const after = Date.now();
    const file = stored();
    expect(file).toMatchObject({ newPerDay: 4, note: 'mine', retention: 0.8 });
    const writtenAt = file.writtenAt as Record<string, string>;
    expect(writtenAt.newPerDay).toBe('2026-01-02T03:04:05.000Z');
    const at = Date.parse(writtenAt.retention!);
    expect(at).toBeGreaterThanOrEqual(before);
    expect(at).toBeLessThanOrEqual(after);
  });

  it('replaces a hand-broken list of write times instead of failing or keeping junk in it', () => {
    fs.writeFileSync(settingsFile(), JSON.stringify({ newPerDay: 4, writtenAt: ['2026-01-02'] }));
    const s = openSettings(home().dir);
    s.set('answerMode', 'type');
    expect(Object.keys(stored().writtenAt as object)).toEqual(['answerMode']);
    expect(s.get()).toMatchObject({ newPerDay: 4, answerMode: 'type' });
  });

  it('an interview date saved over a hand-broken interviews value starts a fresh list', () => {
    fs.writeFileSync(settingsFile(), JSON.stringify({ interviews: ['coder'] }));
    const s = openSettings(home().dir);
    s.setInterview('sql', '2026-05-01');
    expect(stored().interviews).toEqual({ sql: '2026-05-01' });
    expect(s.warnings).toEqual([]);
    fs.writeFileSync(settingsFile(), JSON.stringify({ interviews: 'soon' }));
    s.clearInterview('sql');
    expect(stored().interviews).toEqual({});
  });

  it('switches back from typing answers to grading oneself', () => {
    const s = openSettings(home().dir);
    s.set('answerMode', 'type');
    s.set('answerMode', 'self');
    expect(openSettings(home().dir).get().answerMode).toBe('self');
    expect(stored().answerMode).toBe('self');
  });

  it('stamps a forgotten interview date too, so a sync keeps the clear over an older date', () => {
    const s = openSettings(home().dir);
    s.setInterview('coder', '2026-05-01');
    fs.writeFileSync(settingsFile(), JSON.stringify({ ...stored(), writtenAt: { interviews: '2026-01-01T00:00:00.000Z' } }));
    s.clearInterview('coder');
    const writtenAt = stored().writtenAt as Record<string, string>;
    expect(Object.keys(writtenAt)).toEqual(['interviews']);
    expect(Date.parse(writtenAt.interviews!)).toBeGreaterThan(Date.parse('2026-01-01T00:00:00.000Z'));
  });

  it('a value that is missing altogether is refused in words', () => {
    expect(() => openSettings(home().dir).set('retention', undefined as never)).toThrow(
      'retention must be a number from 0.7 to 0.99 (got undefined)',
    );
    expect(fs.existsSync(settingsFile())).toBe(false);
  });

  it('forgetting the interview of a deck that has none keeps the others', () => {
    const s = openSettings(home().dir);
    s.setInterview('coder', '2026-05-01');
    s.clearInterview('sql');
    expect(s.get().interviews).toEqual({ coder: '2026-05-01' });
  });
});

describe('a settings.json edited by hand', () => {
  it('a retention written as text is not taken for a number', () => {
    fs.writeFileSync(settingsFile(), JSON.stringify({ retention: '0.8' }));
    const s = openSettings(home().dir);
    expect(s.get().retention).toBe(DEFAULT_SETTINGS.retention);
    expect(s.warnings).toEqual([`${settingsFile()}: retention must be a number from 0.7 to 0.99 (found "0.8"); using 0.9`]);
  });

  it('that is broken is moved aside as soon as prep opens it, before any setting is read', () => {
    fs.writeFileSync(settingsFile(), 'not json');
    openSettings(home().dir);
    expect(fs.existsSync(settingsFile())).toBe(false);
    expect(fs.readdirSync(home().dir)).toEqual([expect.stringMatching(/^settings\.json\.corrupt-/)]);
  });

  it('holding only null, a number or text is moved aside as not settings', () => {
    for (const text of ['null', '42', '"retention"']) {
      fs.writeFileSync(settingsFile(), text);
      const s = openSettings(home().dir);
      expect(s.get(), text).toEqual(DEFAULT_SETTINGS);
      expect(s.warnings, text).toEqual([expect.stringContaining('was not valid settings JSON; it was moved to')]);
    }
    expect(fs.readdirSync(home().dir).filter((f) => f.startsWith('settings.json.corrupt-'))).toHaveLength(3);
  });

  it('that is broken and cannot be moved aside stops prep with a sentence, the file kept as it was', () => {
    fs.writeFileSync(settingsFile(), 'not json');
    vi.spyOn(fs, 'renameSync').mockImplementation(() => {
      throw Object.assign(new Error('EACCES: permission denied, rename'), { code: 'EACCES' });
    });
    expect(() => openSettings(home().dir)).toThrow(`could not move aside the broken settings file ${settingsFile()}: permission denied`);
    vi.restoreAllMocks();
    expect(fs.readFileSync(settingsFile(), 'utf8')).toBe('not json');
  });

  it('reports the file moved aside before the values it could not use', () => {
    const s = openSettings(home().dir);
    fs.writeFileSync(settingsFile(), 'not json');
    s.get();
    fs.writeFileSync(settingsFile(), JSON.stringify({ newPerDay: -3 }));
    expect(s.warnings).toEqual([
      expect.stringMatching(/was not valid settings JSON; it was moved to .*settings\.json\.corrupt-/),
      expect.stringContaining('newPerDay must be a whole number, 0 or more (found -3); using 20'),
    ]);
  });
});
