import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { streamLog } from '../../../src/core/store/log-stream.js';
import { MAX_SETTINGS_BYTES, openSettings } from '../../../src/core/store/settings.js';
import { readText, readTextOrEmpty } from '../../../src/core/store/safe-read.js';
import { StoreError } from '../../../src/core/store/store-error.js';
import { useTempHome } from '../../helpers/temp-home.js';

// settings.json is read whole at every start: what is in its place must not hang, flood or crash prep.
const home = useTempHome('prep-small-file-');
const settingsFile = () => path.join(home().dir, 'settings.json');

describe('a settings.json that is not a small regular file', () => {
  it('over the size limit: refused in words, left in place', () => {
    const big = JSON.stringify({ retention: 0.8, note: 'x'.repeat(MAX_SETTINGS_BYTES) });
    fs.writeFileSync(settingsFile(), big);
    const size = Buffer.byteLength(big);
    expect(() => openSettings(home().dir)).toThrow(
      `cannot read ${settingsFile()}: it is ${size} bytes, over the ${MAX_SETTINGS_BYTES} bytes such a file may have`,
    );
    let caught: unknown;
    try {
      openSettings(home().dir);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(StoreError);
    expect((caught as StoreError).code).toBe('EFBIG');
    expect(fs.statSync(settingsFile()).size).toBe(size);
  });

  it('exactly at the size limit: read', () => {
    const head = '{"retention":0.8,"note":"';
    fs.writeFileSync(settingsFile(), `${head}${'x'.repeat(MAX_SETTINGS_BYTES - head.length - 2)}"}`);
    expect(fs.statSync(settingsFile()).size).toBe(MAX_SETTINGS_BYTES);
    expect(openSettings(home().dir).get().retention).toBe(0.8);
  });

  it('a link to a device: refused at once as not a regular file, the link left alone', () => {
    fs.symlinkSync('/dev/zero', settingsFile());
    expect(() => openSettings(home().dir)).toThrow(`cannot read ${settingsFile()}: it is not a regular file`);
    expect(fs.readlinkSync(settingsFile())).toBe('/dev/zero');
  });

  it('a link that leads nowhere reads as no settings at all', () => {
    fs.symlinkSync(path.join(home().dir, 'gone.json'), settingsFile());
    expect(openSettings(home().dir, { readOnly: true }).warnings).toEqual([]);
  });
});

describe('a settings.json or review log that is a named pipe (FIFO)', () => {
  // Opening a FIFO for reading waits for a writer that never comes: prep must refuse it at once.
  it('settings: refused in words at once, not waited on', () => {
    execFileSync('mkfifo', [settingsFile()]);
    expect(() => openSettings(home().dir)).toThrow(`cannot read ${settingsFile()}: it is not a regular file`);
  });

  it('a review log streamed for stats: refused in words at once, not waited on', () => {
    const log = path.join(home().dir, 'coder.jsonl');
    execFileSync('mkfifo', [log]);
    expect(() => streamLog(log, () => {})).toThrow(`cannot read ${log}: it is not a regular file`);
  });
});

describe('readTextOrEmpty (sync reading the work tree)', () => {
  it("gives a file's text, and '' for a missing file, a folder or a FIFO, never waiting on one", () => {
    const file = path.join(home().dir, 'a.jsonl');
    fs.writeFileSync(file, 'one\ntwo\n');
    expect(readTextOrEmpty(file)).toBe('one\ntwo\n');
    expect(readTextOrEmpty(path.join(home().dir, 'none.jsonl'))).toBe('');
    fs.mkdirSync(path.join(home().dir, 'folder.jsonl'));
    expect(readTextOrEmpty(path.join(home().dir, 'folder.jsonl'))).toBe('');
    const fifo = path.join(home().dir, 'fifo.jsonl');
    execFileSync('mkfifo', [fifo]);
    expect(readTextOrEmpty(fifo)).toBe('');
  });
});

describe('readText (sync reading a log or a deck it must not skip)', () => {
  it("gives a file's text, undefined for a missing file, and refuses a folder or a FIFO in words at once", () => {
    const file = path.join(home().dir, 'a.jsonl');
    fs.writeFileSync(file, 'one\ntwo\n');
    expect(readText(file)).toBe('one\ntwo\n');
    expect(readText(path.join(home().dir, 'none.jsonl'))).toBeUndefined();
    const folder = path.join(home().dir, 'folder.jsonl');
    fs.mkdirSync(folder);
    expect(() => readText(folder)).toThrow(`cannot read ${folder}: it is a folder, not a file`);
    const fifo = path.join(home().dir, 'fifo.jsonl');
    execFileSync('mkfifo', [fifo]);
    expect(() => readText(fifo)).toThrow(`cannot read ${fifo}: it is not a regular file`);
  });
});
