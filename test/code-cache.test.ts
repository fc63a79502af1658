import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { type Crc32, RUNTIME, decodeCodeCache, encodeCodeCache, writeCacheFile } from '../src/code-cache.js';
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
