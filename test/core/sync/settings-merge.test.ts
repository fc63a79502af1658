import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSettings } from '../../../src/core/store/settings.js';
import { useTempHome } from '../../helpers/temp-home.js';
import { mergeSettings, parseSettingsText, settingsText } from '../../../src/core/sync/settings-merge.js';

const home = useTempHome('prep-settings-merge-');
const at = (h: number) => new Date(Date.UTC(2026, 0, 1, h)).toISOString();

describe('merging settings.json changed on two machines', () => {
  it('takes a change made on one side only, key by key', () => {
    const base = { retention: 0.9, newPerDay: 20 };
    const ours = { retention: 0.95, newPerDay: 20, writtenAt: { retention: at(9) } };
    const theirs = { retention: 0.9, newPerDay: 5, writtenAt: { newPerDay: at(8) } };
    expect(mergeSettings(base, ours, theirs)).toEqual({
      retention: 0.95,
      newPerDay: 5,
      writtenAt: { retention: at(9), newPerDay: at(8) },
    });
  });

  it('lets the later write win when both changed the same key, whichever side merges', () => {
    const base = { newPerDay: 20, answerMode: 'self' };
    const laptop = { newPerDay: 7, answerMode: 'type', writtenAt: { newPerDay: at(12), answerMode: at(9) } };
    const desktop = { newPerDay: 3, answerMode: 'self', writtenAt: { newPerDay: at(11) } };
    expect(mergeSettings(base, laptop, desktop)).toMatchObject({ newPerDay: 7, answerMode: 'type' });
    expect(mergeSettings(base, desktop, laptop)).toMatchObject({ newPerDay: 7, answerMode: 'type' });
    const later = { ...desktop, writtenAt: { newPerDay: at(13) } };
    expect(mergeSettings(base, laptop, later)).toMatchObject({ newPerDay: 3, writtenAt: { newPerDay: at(13) } });
  });

  it('the settings store records when each key was written', () => {
    const { dir } = home();
    const settings = openSettings(dir);
    const before = Date.now();
    settings.set('newPerDay', 5);
    settings.setInterview('coder', '2026-12-03');
    const stored = JSON.parse(fs.readFileSync(path.join(dir, 'settings.json'), 'utf8')) as { writtenAt: Record<string, string> };
    expect(Object.keys(stored.writtenAt).sort()).toEqual(['interviews', 'newPerDay']);
    expect(Date.parse(stored.writtenAt.newPerDay!)).toBeGreaterThanOrEqual(before - 1000);
    expect(settings.get()).toMatchObject({ newPerDay: 5, interviews: { coder: '2026-12-03' } });
    expect(settings.warnings).toEqual([]);
    // The merged file is written in the store's own format, so git shows only the keys that changed.
    const text = fs.readFileSync(path.join(dir, 'settings.json'), 'utf8');
    expect(settingsText(JSON.parse(text) as Record<string, unknown>)).toBe(text);
  });

  it('keeps the later interview date of a deck changed on both, and one-sided changes (a clear too)', () => {
    const base = { interviews: { coder: '2026-12-01', acme: '2026-11-01', old: '2026-10-01' } };
    const ours = { interviews: { coder: '2026-12-03T14:00', acme: '2026-11-01', old: '2026-10-01', mine: '2027-01-01' } };
    const theirs = { interviews: { coder: '2026-12-02', acme: '2026-11-05' } };
    expect(mergeSettings(base, ours, theirs).interviews).toEqual({ coder: '2026-12-03T14:00', acme: '2026-11-05', mine: '2027-01-01' });
    expect(mergeSettings(base, theirs, ours).interviews).toEqual({ coder: '2026-12-03T14:00', acme: '2026-11-05', mine: '2027-01-01' });
  });

  it('reads a missing or broken file as empty, so the other side is kept', () => {
    expect(parseSettingsText('{"retention": 0.8')).toEqual({});
    expect(parseSettingsText('[1]')).toEqual({});
    expect(mergeSettings(undefined, parseSettingsText(undefined), { newPerDay: 4 })).toEqual({ newPerDay: 4 });
  });

  it('lets a change with a write time beat one without (a stamp missing or not a time)', () => {
    const base = { newPerDay: 20 };
    const stamped = { newPerDay: 7, writtenAt: { newPerDay: at(9) } };
    for (const unstamped of [{ newPerDay: 3 }, { newPerDay: 3, writtenAt: { newPerDay: 'yesterday' } }, { newPerDay: 3, writtenAt: { newPerDay: 2027 } }]) {
      expect(mergeSettings(base, unstamped, stamped)).toEqual({ newPerDay: 7, writtenAt: { newPerDay: at(9) } });
      expect(mergeSettings(base, stamped, unstamped)).toEqual({ newPerDay: 7, writtenAt: { newPerDay: at(9) } });
    }
  });

  it('keeps the latest write time of each key, and drops stamps that are not times', () => {
    const base = { retention: 0.9, writtenAt: { retention: at(7) } };
    const ours = { retention: 0.9, writtenAt: { retention: at(8), newPerDay: 'garbage' } };
    const theirs = { retention: 0.9, writtenAt: { retention: at(6) } };
    expect(mergeSettings(base, ours, theirs)).toEqual({ retention: 0.9, writtenAt: { retention: at(8) } });
    expect(mergeSettings({}, { newPerDay: 5, writtenAt: { newPerDay: 'garbage' } }, {})).toStrictEqual({ newPerDay: 5 });
  });

  it('reads a file that holds null, an array or a number as empty', () => {
    for (const text of ['null', '[1]', '7']) expect(parseSettingsText(text)).toEqual({});
    expect(mergeSettings(null, { newPerDay: 4 }, ['x'])).toStrictEqual({ newPerDay: 4 });
  });

  it('reads the settings a file holds', () => {
    expect(parseSettingsText('{"newPerDay": 4, "interviews": {"coder": "2026-12-03"}}')).toEqual({ newPerDay: 4, interviews: { coder: '2026-12-03' } });
  });
});
