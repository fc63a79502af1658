import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, openSettings } from '../../../src/core/store/settings.js';
import { StoreError } from '../../../src/core/store/store-error.js';
import { loadSnapshot, saveSnapshot } from '../../../src/core/store/snapshot-store.js';
import { useTempHome } from '../../helpers/temp-home.js';

const home = useTempHome();
const settingsFile = () => path.join(home().dir, 'settings.json');

describe('settings: what a hand-edited settings.json can hold', () => {
  it('an interviews value that is not a list of decks: a warning, the defaults for it, the rest kept', () => {
    fs.writeFileSync(settingsFile(), JSON.stringify({ newPerDay: 5, interviews: ['coder', '2025-04-02'] }));
    const s = openSettings(home().dir);
    expect(s.get()).toEqual({ ...DEFAULT_SETTINGS, newPerDay: 5, interviews: {} });
    expect(s.warnings).toEqual([
      `${settingsFile()}: interviews must be an object of deck names to dates (found ["coder","2025-04-02"]); using {}`,
    ]);
  });

  it('an interview date that is not text is ignored with a warning naming the deck', () => {
    fs.writeFileSync(settingsFile(), JSON.stringify({ interviews: { coder: 20250402, sql: '2025-04-03' } }));
    const s = openSettings(home().dir);
    expect(s.get().interviews).toEqual({ sql: '2025-04-03' });
    expect(s.warnings).toEqual([
      `${settingsFile()}: the interview date of "coder" must be a date like 2025-03-14 or 2025-03-14T09:00 (found 20250402); ignoring it`,
    ]);
  });

  it('refuses to save interviews that are not a map of decks to dates', () => {
    const s = openSettings(home().dir);
    expect(() => s.set('interviews', { coder: 'soon' })).toThrow(
      'the interview date of "coder" must be a date like 2025-03-14 or 2025-03-14T09:00 (got {"coder":"soon"})',
    );
    expect(() => s.set('interviews', 'soon' as never)).toThrow('interviews must be an object of deck names to dates (got "soon")');
    expect(() => s.setInterview('coder', 'next week')).toThrow(
      'the interview date of "coder" must be a date like 2025-03-14 or 2025-03-14T09:00 (got "next week")',
    );
    s.set('interviews', { coder: '2025-04-02' });
    expect(openSettings(home().dir).get().interviews).toEqual({ coder: '2025-04-02' });
  });

  it('a folder where settings.json should be: a clear error, nothing moved', () => {
    fs.mkdirSync(settingsFile());
    expect(() => openSettings(home().dir)).toThrow(`cannot read ${settingsFile()}: it is a folder, not a file`);
    expect(fs.statSync(settingsFile()).isDirectory()).toBe(true);
  });

  it('a settings folder that cannot be made: says which folder and why', () => {
    const blocker = path.join(home().dir, 'config');
    fs.writeFileSync(blocker, 'a file, not a folder');
    expect(() => openSettings(path.join(blocker, 'prep'))).toThrow(
      `cannot create the folder ${path.join(blocker, 'prep')}: a part of the path is a file, not a folder`,
    );
  });

  it('an interview is kept only as a date or a local date-time that exists, the whole text', () => {
    const s = openSettings(home().dir);
    for (const ok of ['2025-01-31', '2025-12-01T00:00', '2025-04-02T09:00:30']) {
      s.setInterview('coder', ok);
      expect(openSettings(home().dir).get().interviews.coder, ok).toBe(ok);
    }
    for (const bad of ['on 2025-04-02', '2025-04-02T09', '2025-04-31', '2025-00-10', '2025-04-00', '2025-04-02T09:00Z', '2025-04-02T09:00:30.5']) {
      expect(() => s.setInterview('coder', bad), bad).toThrow(StoreError);
    }
    expect(openSettings(home().dir).get().interviews.coder).toBe('2025-04-02T09:00:30');
  });
});

describe('settings: what a warning quotes', () => {
  it('a long bad value is cut to 80 characters with an ellipsis; one of 80 is quoted whole', () => {
    const long = 'x'.repeat(500);
    const exact = 'y'.repeat(78);
    fs.writeFileSync(settingsFile(), JSON.stringify({ answerMode: long, newPerDay: exact }));
    const s = openSettings(home().dir);
    expect(s.warnings).toEqual([
      `${settingsFile()}: newPerDay must be a whole number, 0 or more (found "${exact}"); using 20`,
      `${settingsFile()}: answerMode must be "self" or "type" (found "${'x'.repeat(78)}…); using "self"`,
    ]);
    expect(() => s.set('answerMode', long as 'self')).toThrow(`answerMode must be "self" or "type" (got "${'x'.repeat(78)}…)`);
  });
});

describe('snapshot store', () => {
  it('reading a snapshot that is not there writes nothing', () => {
    expect(loadSnapshot(home().dir, 'coder')).toBeNull();
    expect(fs.readdirSync(home().dir)).toEqual([]);
  });

  it('a snapshot that cannot be saved is only a lost speed-up: no error', () => {
    fs.writeFileSync(path.join(home().dir, 'snapshots'), 'a file, not a folder');
    expect(saveSnapshot(home().dir, 'coder', { v: 4, retention: 0.9, at: { offset: 0, lines: 0, last: null }, ids: [], numbers: '', marks: '', undone: [], lastPractised: null, digest: '' })).toBe(false);
    expect(loadSnapshot(home().dir, 'coder')).toBeNull();
  });
});
