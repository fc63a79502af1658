import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic, type WriteOps } from '../../../src/core/store/atomic-write.js';
import { StoreError } from '../../../src/core/store/store-error.js';
import { useTempHome } from '../../helpers/temp-home.js';

const home = useTempHome('prep-atomic-');

/** A disk that fills up after `room` bytes, as a full disk does: ENOSPC from write(2). */
function fullAfter(room: number): WriteOps {
  let left = room;
  return {
    writeSync: (fd, data, offset, length) => {
      if (left <= 0) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      const n = Math.min(left, length);
      left -= n;
      return fs.writeSync(fd, data, offset, n);
    },
  };
}

describe('writeFileAtomic', () => {
  it('on a full disk leaves nothing behind, says so in words, and a retry then works', () => {
    const { dir } = home();
    const file = path.join(dir, 'deck.yaml');
    let caught: unknown;
    try {
      writeFileAtomic(file, 'x'.repeat(10_000), { exclusive: true, ops: fullAfter(4096) });
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(StoreError);
    expect((caught as Error).message).toBe(`could not write ${file}: no space left on device`);
    expect((caught as Error).message).not.toContain('ENOSPC');
    expect(fs.readdirSync(dir)).toEqual([]);
    writeFileAtomic(file, 'title: T\n', { exclusive: true });
    expect(fs.readFileSync(file, 'utf8')).toBe('title: T\n');
  });

  it('replacing keeps the old file whole when the new one cannot be written', () => {
    const { dir } = home();
    const file = path.join(dir, 'settings.json');
    fs.writeFileSync(file, '{"retention":0.9}');
    expect(() => writeFileAtomic(file, '{"retention":0.95,"more":"' + 'y'.repeat(9000) + '"}', { ops: fullAfter(100) })).toThrow(/no space left/);
    expect(fs.readdirSync(dir)).toEqual(['settings.json']);
    expect(fs.readFileSync(file, 'utf8')).toBe('{"retention":0.9}');
  });

  it('exclusive never replaces a file that is there, and says EEXIST', () => {
    const { dir } = home();
    const file = path.join(dir, 'deck.yaml');
    fs.writeFileSync(file, 'mine');
    expect(() => writeFileAtomic(file, 'theirs', { exclusive: true })).toThrow(StoreError);
    try {
      writeFileAtomic(file, 'theirs', { exclusive: true });
    } catch (err) {
      expect((err as StoreError).code).toBe('EEXIST');
    }
    expect(fs.readFileSync(file, 'utf8')).toBe('mine');
    expect(fs.readdirSync(dir)).toEqual(['deck.yaml']);
  });

  it('a path through a file (ENOTDIR) is told in words', () => {
    const { dir } = home();
    fs.writeFileSync(path.join(dir, 'plain'), '');
    expect(() => writeFileAtomic(path.join(dir, 'plain', 'x.json'), '{}')).toThrow(/: a part of the path is a file, not a folder$/);
    expect(fs.readdirSync(dir)).toEqual(['plain']);
  });
});
