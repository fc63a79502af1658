import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { withFileLock } from '../../../src/core/store/file-lock.js';
import { openSettings } from '../../../src/core/store/settings.js';
import { useTempHome } from '../../helpers/temp-home.js';

// Settings are saved read-modify-write under `settings.json.lock`, so two prep processes
// saving at once take turns. What a user would see: no value lost, no stray lock, no hang.
const home = useTempHome('prep-lock-');
const settingsFile = () => path.join(home().dir, 'settings.json');
const lockFile = () => `${settingsFile()}.lock`;
afterEach(() => vi.restoreAllMocks());

describe('the settings lock', () => {
  it('is gone after each save, so the next save does not wait for it', () => {
    const s = openSettings(home().dir);
    s.set('retention', 0.8);
    expect(fs.existsSync(lockFile())).toBe(false);
    s.set('newPerDay', 5);
    expect(fs.readdirSync(home().dir)).toEqual(['settings.json']);
    expect(openSettings(home().dir).get()).toMatchObject({ retention: 0.8, newPerDay: 5 });
  });

  // /proc/self/fd lists this process's open files (Linux).
  it.skipIf(!fs.existsSync('/proc/self/fd'))('is closed after each save, so a long session does not run out of open files', () => {
    const s = openSettings(home().dir);
    const open = () => fs.readdirSync('/proc/self/fd').length;
    const before = open();
    for (let i = 0; i < 5; i++) s.set('newPerDay', i);
    expect(open()).toBe(before);
    expect(s.get().newPerDay).toBe(4);
  });

  it('left behind by a prep that crashed a minute ago is taken over', () => {
    const s = openSettings(home().dir);
    fs.writeFileSync(lockFile(), '');
    const aMinuteAgo = new Date(Date.now() - 60_000);
    fs.utimesSync(lockFile(), aMinuteAgo, aMinuteAgo);
    s.set('newPerDay', 5);
    expect(openSettings(home().dir).get().newPerDay).toBe(5);
    expect(fs.existsSync(lockFile())).toBe(false);
  });

  it('left behind by a crash and taken over by another prep just before this one: this one still saves', () => {
    const s = openSettings(home().dir);
    fs.writeFileSync(lockFile(), '');
    const aMinuteAgo = new Date(Date.now() - 60_000);
    fs.utimesSync(lockFile(), aMinuteAgo, aMinuteAgo);
    const stat = fs.statSync.bind(fs);
    // The other prep removes the stale lock right after this one saw it was stale.
    vi.spyOn(fs, 'statSync').mockImplementation(((file: fs.PathLike, opts?: fs.StatSyncOptions) => {
      const st = stat(file, opts);
      if (file === lockFile()) fs.rmSync(lockFile());
      return st;
    }) as typeof fs.statSync);
    s.set('newPerDay', 5);
    vi.restoreAllMocks();
    expect(openSettings(home().dir).get().newPerDay).toBe(5);
    expect(fs.existsSync(lockFile())).toBe(false);
  });

  it('taken over by another prep while this one was still saving (it took too long): the save still ends well', () => {
    fs.writeFileSync(settingsFile(), '{}');
    const result = withFileLock(settingsFile(), () => {
      // Another prep found the lock over 10 s old and removed it.
      fs.rmSync(lockFile());
      return 'saved';
    });
    expect(result).toBe('saved');
    expect(fs.readdirSync(home().dir)).toEqual(['settings.json']);
  });

  it('held by another prep that is saving right now is waited for: both saves are kept', async () => {
    const s = openSettings(home().dir);
    // The other prep holds the lock, saves its own setting 300 ms later, then lets go.
    fs.writeFileSync(lockFile(), '');
    const other = spawn(process.execPath, [
      '-e',
      `const fs = require('fs');
       setTimeout(() => {
         fs.writeFileSync(${JSON.stringify(settingsFile())}, JSON.stringify({ newPerDay: 3 }));
         fs.rmSync(${JSON.stringify(lockFile())});
       }, 300);`,
    ]);
    const done = new Promise((resolve) => other.on('close', resolve));
    s.set('retention', 0.8);
    await done;
    expect(openSettings(home().dir).get()).toMatchObject({ retention: 0.8, newPerDay: 3 });
    expect(fs.existsSync(lockFile())).toBe(false);
  });

  it('that never goes away (dated ahead by another machine’s clock) ends the wait with a one-line error', () => {
    const s = openSettings(home().dir);
    fs.writeFileSync(lockFile(), '');
    const anHourAhead = new Date(Date.now() + 3_600_000);
    fs.utimesSync(lockFile(), anHourAhead, anHourAhead);
    // Each look at the clock is a second later: the 15 s wait passes in a few real milliseconds.
    let now = Date.now();
    vi.spyOn(Date, 'now').mockImplementation(() => (now += 1000));
    expect(() => s.set('retention', 0.8)).toThrow(`could not lock ${settingsFile()}: another prep has held ${lockFile()} for over 15 s`);
    vi.restoreAllMocks();
    // Nothing was written, and the other prep's lock is left to it.
    expect(fs.readdirSync(home().dir)).toEqual(['settings.json.lock']);
  });

  it('that cannot be made says why in words', () => {
    const s = openSettings(home().dir);
    vi.spyOn(fs, 'openSync').mockImplementationOnce(() => {
      throw Object.assign(new Error('EROFS: read-only file system, open'), { code: 'EROFS' });
    });
    expect(() => s.set('retention', 0.8)).toThrow(`could not lock ${settingsFile()}: the file system is read-only`);
    vi.restoreAllMocks();
    expect(fs.readdirSync(home().dir)).toEqual([]);
  });
});
