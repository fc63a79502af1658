import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { removeAbandonedTemps, writeFileAtomic, type WriteOps } from '../../../src/core/store/atomic-write.js';
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

describe('writeFileAtomic with text in pieces', () => {
  it('writes the pieces in order, as one file', () => {
    const { dir } = home();
    const file = path.join(dir, 'deck.yaml');
    writeFileAtomic(file, (write) => ['title: T\n', 'questions:\n', '  - question: Q?\n    answer: A\n'].forEach(write), { exclusive: true });
    expect(fs.readFileSync(file, 'utf8')).toBe('title: T\nquestions:\n  - question: Q?\n    answer: A\n');
    expect(fs.readdirSync(dir)).toEqual(['deck.yaml']);
  });

  it('a deck of many pieces, in scripts that take up to four bytes, and one piece bigger than the buffer, comes out whole', () => {
    const { dir } = home();
    const file = path.join(dir, 'deck.yaml');
    // Pieces of 1-, 2-, 3- and 4-byte characters that fill and overrun a 64 KB buffer again and
    // again at every offset, then one piece of 120,000 characters (more than a buffer) and more after it.
    const pieces: string[] = [];
    const kinds = ['a', 'é', '€', '😀', '日本'];
    for (let i = 0; pieces.length < 4000; i++) pieces.push(`${kinds[i % kinds.length]!.repeat(1 + (i * 37) % 90)}\n`);
    pieces.push('ü'.repeat(120_000), '\n');
    for (let i = 0; i < 500; i++) pieces.push(`€ ${i}\n`);
    writeFileAtomic(file, (write) => pieces.forEach(write), { exclusive: true });
    const expected = pieces.join('');
    expect(Buffer.byteLength(expected)).toBeGreaterThan(5 * 64 * 1024);
    expect(fs.readFileSync(file, 'utf8')).toBe(expected);
  });

  it('an error in making the pieces, after some were written, leaves nothing behind and comes out as it was', () => {
    const { dir } = home();
    const file = path.join(dir, 'deck.yaml');
    const mine = new RangeError('the deck is over the limit');
    const make = (write: (text: string) => void): void => {
      write('x'.repeat(100_000));
      throw mine;
    };
    let caught: unknown;
    try {
      writeFileAtomic(file, make, { exclusive: true });
    } catch (err) {
      caught = err;
    }
    expect(caught).toBe(mine);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('a full disk halfway is told in words as the file error, having passed through the code making the pieces', () => {
    const { dir } = home();
    const file = path.join(dir, 'deck.yaml');
    const make = (write: (text: string) => void): void => {
      for (let i = 0; i < 100; i++) write('y'.repeat(1000));
    };
    let caught: unknown;
    try {
      writeFileAtomic(file, make, { exclusive: true, ops: fullAfter(50_000) });
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(StoreError);
    expect(caught).toMatchObject({ message: `could not write ${file}: no space left on device`, code: 'ENOSPC' });
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});

describe('writeFileAtomic on success', () => {
  it('leaves only the file, private to the user, with no temp file beside it', () => {
    const { dir } = home();
    const file = path.join(dir, 'deck.yaml');
    writeFileAtomic(file, 'title: T\n', { exclusive: true });
    writeFileAtomic(path.join(dir, 'settings.json'), '{}');
    writeFileAtomic(path.join(dir, 'settings.json'), '{"retention":0.95}');
    expect(fs.readdirSync(dir).sort()).toEqual(['deck.yaml', 'settings.json']);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(path.join(dir, 'settings.json'), 'utf8')).toBe('{"retention":0.95}');
    writeFileAtomic(path.join(dir, 'shared.yaml'), 'x', { mode: 0o644 });
    expect(fs.statSync(path.join(dir, 'shared.yaml')).mode & 0o777).toBe(0o644);
  });
});

describe('writeFileAtomic on a file system without hard links (FAT, some network shares)', () => {
  afterEach(() => vi.restoreAllMocks());
  const noLinks = (code: string) =>
    vi.spyOn(fs, 'linkSync').mockImplementation(() => {
      throw Object.assign(new Error(`${code}: operation not permitted, link`), { code });
    });

  it.each(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'EXDEV'])('still writes a new file once (%s), and never replaces one that is there', (code) => {
    const { dir } = home();
    noLinks(code);
    const file = path.join(dir, 'deck.yaml');
    writeFileAtomic(file, 'mine', { exclusive: true });
    expect(fs.readFileSync(file, 'utf8')).toBe('mine');
    let caught: unknown;
    try {
      writeFileAtomic(file, 'theirs', { exclusive: true });
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(StoreError);
    expect((caught as StoreError).message).toBe(`could not write ${file}: a file with that name is in the way`);
    expect((caught as StoreError).code).toBe('EEXIST');
    expect(fs.readFileSync(file, 'utf8')).toBe('mine');
    expect(fs.readdirSync(dir)).toEqual(['deck.yaml']);
  });

  it('reports any other failure to place the file in words, leaving nothing behind', () => {
    const { dir } = home();
    noLinks('EIO');
    const file = path.join(dir, 'deck.yaml');
    expect(() => writeFileAtomic(file, 'mine', { exclusive: true })).toThrow(`could not write ${file}: input/output error (the disk may be failing)`);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});

describe('writeFileAtomic, what a user could lose', () => {
  afterEach(() => vi.restoreAllMocks());

  it('writes a file whole when the disk takes only a little at a time', () => {
    const { dir } = home();
    const file = path.join(dir, 'deck.yaml');
    const text = 'q: ' + 'abcdefghij'.repeat(1000);
    // A write(2) may take fewer bytes than asked (a network share, a signal): the rest must follow.
    const trickle: WriteOps = { writeSync: (fd, data, offset, length) => fs.writeSync(fd, data, offset, Math.min(length, 7)) };
    writeFileAtomic(file, text, { ops: trickle });
    expect(fs.readFileSync(file, 'utf8')).toBe(text);
    // Cut short once, then the rest in one go.
    let calls = 0;
    const once: WriteOps = { writeSync: (fd, data, offset, length) => fs.writeSync(fd, data, offset, calls++ === 0 ? 100 : length) };
    writeFileAtomic(file, `${text}!`, { ops: once });
    expect(fs.readFileSync(file, 'utf8')).toBe(`${text}!`);
  });

  it('flushes the new file to disk before it takes the old one’s place', () => {
    const { dir } = home();
    const file = path.join(dir, 'settings.json');
    const calls: string[] = [];
    const fsync = fs.fsyncSync.bind(fs);
    const rename = fs.renameSync.bind(fs);
    vi.spyOn(fs, 'fsyncSync').mockImplementation((fd) => {
      calls.push('fsync');
      fsync(fd);
    });
    vi.spyOn(fs, 'renameSync').mockImplementation((from, to) => {
      calls.push('rename');
      rename(from, to);
    });
    writeFileAtomic(file, '{}');
    expect(calls).toEqual(['fsync', 'rename']);
  });

  it('saves a file whose name is as long as the file system allows', () => {
    const { dir } = home();
    // 255 bytes is the usual limit for one name; the temp file beside it must fit too.
    const file = path.join(dir, `${'d'.repeat(250)}.yaml`);
    writeFileAtomic(file, 'title: T\n', { exclusive: true });
    expect(fs.readdirSync(dir)).toEqual([path.basename(file)]);
  });

  // /proc/self/fd lists this process's open files (Linux).
  it.skipIf(!fs.existsSync('/proc/self/fd'))('lets go of the temp file whether a write works or fails, so files do not pile up open', () => {
    const { dir } = home();
    const open = () => fs.readdirSync('/proc/self/fd').length;
    const before = open();
    for (let i = 0; i < 5; i++) {
      expect(() => writeFileAtomic(path.join(dir, 'x.json'), 'x'.repeat(100), { ops: fullAfter(10) })).toThrow(/no space left/);
    }
    expect(open()).toBe(before);
    for (let i = 0; i < 5; i++) writeFileAtomic(path.join(dir, 'x.json'), `${i}`);
    expect(open()).toBe(before);
    expect(fs.readdirSync(dir)).toEqual(['x.json']);
  });
});

describe('removeAbandonedTemps', () => {
  it("removes the temp files of writers no longer running, and leaves a running writer's, its own and every other file", () => {
    const { dir } = home();
    // A process that has ended: its pid is free (not reused within this test).
    const gone = spawnSync(process.execPath, ['-e', '0']).pid!;
    const sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    try {
      const names = {
        dead: `.deck.yaml.${gone}-0a1b2c3d.tmp`,
        live: `.deck.yaml.${sleeper.pid}-0a1b2c3d.tmp`,
        own: `.deck.yaml.${process.pid}-0a1b2c3d.tmp`,
        deck: 'deck.yaml',
        notHex: `.deck.yaml.${gone}-zzzzzzzz.tmp`,
        notHidden: `deck.yaml.${gone}-0a1b2c3d.tmp`,
      };
      for (const name of Object.values(names)) fs.writeFileSync(path.join(dir, name), 'x');
      removeAbandonedTemps(dir);
      expect(fs.readdirSync(dir).sort()).toEqual(Object.values(names).filter((n) => n !== names.dead).sort());
    } finally {
      sleeper.kill();
    }
    expect(() => removeAbandonedTemps(path.join(dir, 'none'))).not.toThrow();
  });

  it('knows the temp files writeFileAtomic makes: one seen mid-write has the shape it removes', () => {
    const { dir } = home();
    const file = path.join(dir, 'deck.yaml');
    let seen: string[] = [];
    writeFileAtomic(file, 'text', {
      ops: {
        writeSync: (fd, data, offset, length) => {
          seen = fs.readdirSync(dir);
          return fs.writeSync(fd, data, offset, length);
        },
      },
    });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatch(new RegExp(`^\\.deck\\.yaml\\.${process.pid}-[0-9a-f]{8}\\.tmp$`));
  });
});
