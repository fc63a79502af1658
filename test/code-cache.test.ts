import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { type Crc32, RUNTIME, decodeCodeCache, encodeCodeCache, writeCacheFile } from '../src/code-cache.js';
import { pruneCodeCache } from '../src/prune-code-cache.js';
import { useTempHome } from './helpers/temp-home.js';

// The file that keeps V8's compiled code between starts: only code made for exactly this bundle
// by this Node, and arrived intact, is ever handed to V8 (a damaged one could crash it).
const crc32 = (zlib as { crc32?: Crc32 }).crc32;
const home = useTempHome('prep-codecache-');

describe.runIf(crc32)('the code cache file', () => {
  const crc = crc32!;
  const source = Buffer.from('(async function(){ return 42; })');
  const code = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7) & 0xff));
  const file = encodeCodeCache(source, code, crc);

  it('gives back the compiled code it was made with, for the same source and Node', () => {
    expect(decodeCodeCache(file, source, crc)).toEqual(code);
  });

  it('is ignored when any byte of it was changed: in the code, its length or its checks', () => {
    for (const at of [0, 25, 30, 40, file.length - code.length, file.length - 1]) {
      const damaged = Buffer.from(file);
      damaged[at]! ^= 0x10;
      expect(decodeCodeCache(damaged, source, crc), `byte ${at}`).toBeUndefined();
    }
  });

  it('is ignored when cut short or grown', () => {
    expect(decodeCodeCache(file.subarray(0, file.length - 1), source, crc)).toBeUndefined();
    expect(decodeCodeCache(file.subarray(0, 10), source, crc)).toBeUndefined();
    expect(decodeCodeCache(Buffer.concat([file, Buffer.from([0])]), source, crc)).toBeUndefined();
  });

  it('is ignored for another bundle, even one of the same length', () => {
    const other = Buffer.from(source.toString().replace('42', '43'));
    expect(other.length).toBe(source.length);
    expect(decodeCodeCache(file, other, crc)).toBeUndefined();
  });

  it("is ignored when another Node made it (V8's code differs between versions)", () => {
    const older = encodeCodeCache(source, code, crc, 'v20.0.0 x64');
    expect(RUNTIME).not.toBe('v20.0.0 x64');
    expect(decodeCodeCache(older, source, crc)).toBeUndefined();
  });

  it('is ignored when it is not one at all: empty, text, or another program file', () => {
    for (const foreign of [Buffer.alloc(0), Buffer.from('not a cache\n'), Buffer.alloc(5000, 0xff), source]) {
      expect(decodeCodeCache(foreign, source, crc)).toBeUndefined();
    }
  });
});

describe('writing the code cache file', () => {
  it('puts the whole file in place, making its folder, and leaves no temp file', () => {
    const { dir } = home();
    const target = path.join(dir, 'cache', 'v8-code', 'v1', 'drill.bin');
    expect(writeCacheFile(target, Buffer.from('abc'))).toBe(true);
    expect(fs.readFileSync(target, 'utf8')).toBe('abc');
    expect(fs.readdirSync(path.dirname(target))).toEqual(['drill.bin']);
  });

  it('gives up without a throw when the folder cannot be made (a file in its place)', () => {
    const { dir } = home();
    fs.writeFileSync(path.join(dir, 'v8-code'), 'in the way');
    expect(writeCacheFile(path.join(dir, 'v8-code', 'drill.bin'), Buffer.from('abc'))).toBe(false);
    expect(fs.readdirSync(dir)).toEqual(['v8-code']);
  });
});

describe.runIf(crc32)('pruning the code cache folder after a file was saved', () => {
  const crc = crc32!;
  const DAY = 86_400_000;
  const NOW = Date.parse('2026-11-30T10:00:00Z');
  const bundle = Buffer.from('(async function(){ return "prep 2"; })');
  const older = Buffer.from('(async function(){ return "prep 1"; })');
  const code = Buffer.alloc(2048, 7);

  /** Writes `<root>/<folder>/<name>`, last written `daysAgo` days before NOW. */
  function put(root: string, folder: string, name: string, data: Uint8Array, daysAgo = 0): string {
    const file = path.join(root, folder, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, data);
    const at = new Date(NOW - daysAgo * DAY);
    fs.utimesSync(file, at, at);
    return file;
  }
  const tree = (root: string) =>
    fs
      .readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => path.relative(root, path.join(e.parentPath, e.name)))
      .sort();

  it("keeps this Node's files for this bundle, however old, and another Node's written lately", () => {
    const root = path.join(home().dir, 'v8-code');
    put(root, 'v24.1.0-x64', 'drill.bin', encodeCodeCache(bundle, code, crc), 400);
    put(root, 'v24.1.0-x64', 'new.bin', encodeCodeCache(bundle, code, crc));
    put(root, 'v22.9.0-x64', 'drill.bin', encodeCodeCache(bundle, code, crc, 'v22.9.0 x64'), 29);
    put(root, 'v24.1.0-x64', `drill.bin.${process.pid}.tmp`, Buffer.from('half'));
    const before = tree(root);
    pruneCodeCache(root, 'v24.1.0-x64', bundle, crc, NOW);
    expect(tree(root)).toEqual(before);
  });

  it('removes files of an older bundle, Node folders not written for 30 days, and temp files of failed writes', () => {
    const root = path.join(home().dir, 'v8-code');
    put(root, 'v24.1.0-x64', 'drill.bin', encodeCodeCache(bundle, code, crc));
    // Made by the previous prep: no start of this one can use it.
    put(root, 'v24.1.0-x64', 'import.bin', encodeCodeCache(older, code, crc));
    put(root, 'v24.1.0-x64', 'review.bin', Buffer.from('not a cache file'));
    put(root, 'v24.1.0-x64', 'mock.bin.123.tmp', Buffer.from('half'), 1);
    // Nodes the user has moved on from: one untouched for 31 days, one holding only an older bundle's code.
    put(root, 'v22.9.0-x64', 'drill.bin', encodeCodeCache(bundle, code, crc, 'v22.9.0 x64'), 31);
    put(root, 'v20.11.0-x64', 'drill.bin', encodeCodeCache(older, code, crc, 'v20.11.0 x64'), 2);
    // A Node still in use keeps its file for this bundle and loses only the older one.
    put(root, 'v22.12.0-x64', 'drill.bin', encodeCodeCache(bundle, code, crc, 'v22.12.0 x64'), 3);
    put(root, 'v22.12.0-x64', 'pitch.bin', encodeCodeCache(older, code, crc, 'v22.12.0 x64'), 3);
    pruneCodeCache(root, 'v24.1.0-x64', bundle, crc, NOW);
    expect(tree(root)).toEqual([path.join('v22.12.0-x64', 'drill.bin'), path.join('v24.1.0-x64', 'drill.bin')]);
    expect(fs.readdirSync(root).sort()).toEqual(['v22.12.0-x64', 'v24.1.0-x64']);
  });

  it('does nothing, and does not throw, when the folder is not there', () => {
    expect(() => pruneCodeCache(path.join(home().dir, 'none'), 'v24.1.0-x64', bundle, crc, NOW)).not.toThrow();
  });

  it("sheds Node's own compile cache beside it by the same rule: another Node's folder not written for 30 days goes whole", () => {
    const cache = home().dir;
    const root = path.join(cache, 'v8-code');
    const node = path.join(cache, 'node-compile-cache');
    put(root, 'v24.1.0-x64', 'drill.bin', encodeCodeCache(bundle, code, crc));
    // Node names its folder <version>-<arch>-<V8 flags hash>-<uid>: import's V8 flags make a second one.
    put(node, 'v24.1.0-x64-efbf7f39-1000', 'a1b2c3', code, 400);
    put(node, 'v24.1.0-x64-0c4e2d11-1000', 'a1b2c3', code, 90);
    // A Node left behind, and one still in use (one file written lately keeps the folder).
    put(node, 'v22.9.0-x64-efbf7f39-1000', 'a1b2c3', code, 31);
    put(node, 'v22.9.0-x64-efbf7f39-1000', 'd4e5f6', code, 45);
    put(node, 'v22.12.0-x64-3a9c0b17-1000', 'a1b2c3', code, 60);
    put(node, 'v22.12.0-x64-3a9c0b17-1000', 'd4e5f6', code, 2);
    // Not a Node's folder: left alone.
    put(node, '.', 'notes.txt', code, 400);
    // A prefix of this Node's name is another Node (v24.1.0 is not v24.1.0-rc.1, nor v24.1 of v24.10).
    put(node, 'v24.1.0-rc.1-x64-efbf7f39-1000', 'a1b2c3', code, 31);
    pruneCodeCache(root, 'v24.1.0-x64', bundle, crc, NOW);
    expect(fs.readdirSync(node).sort()).toEqual(['notes.txt', 'v22.12.0-x64-3a9c0b17-1000', 'v24.1.0-x64-0c4e2d11-1000', 'v24.1.0-x64-efbf7f39-1000']);
    expect(tree(path.join(node, 'v22.12.0-x64-3a9c0b17-1000'))).toEqual(['a1b2c3', 'd4e5f6']);
  });
});
