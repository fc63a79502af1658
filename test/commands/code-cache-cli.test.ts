import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { type Crc32, decodeCodeCache, encodeCodeCache } from '../../src/code-cache.js';
import { PREP } from '../helpers/run-cli.js';
import { useTempHome } from '../helpers/temp-home.js';

// dist/prep.js keeps V8's compiled code of the CLI bundle in <cache>/v8-code/<node>/<command>.bin,
// saved after a command that saves work anyway. Whether a start used it shows in the file: one
// V8 took is left as it is, one it turned down (or prep ignored) is made again after the run.
const crc32 = (zlib as { crc32?: Crc32 }).crc32;
const home = useTempHome('prep-v8code-');
const BUNDLE = fs.readFileSync(PREP.replace(/prep\.js$/, 'prep-cli.js'));

function prep(env: NodeJS.ProcessEnv, args: string[], nodeFlags: string[] = []) {
  const r = spawnSync(process.execPath, [...nodeFlags, PREP, ...args], { env, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const cacheFile = (dir: string, command: string) => path.join(dir, 'cache', 'v8-code', `${process.version}-${process.arch}`, `${command}.bin`);
/** The compiled code in the file, when it is a whole one made for this bundle by this Node. */
const codeIn = (file: string) => decodeCodeCache(fs.readFileSync(file), BUNDLE, crc32!);

describe.runIf(crc32)("V8's code cache of the CLI bundle", () => {
  it('is saved after a command that saves work, and taken as it is by the next start', () => {
    const { dir, env } = home();
    expect(prep(env, ['new', 'acme']).code).toBe(0);
    const file = cacheFile(dir, 'new');
    const first = fs.readFileSync(file);
    const made = fs.statSync(file);
    expect(codeIn(file)?.length).toBeGreaterThan(10_000);
    const r = prep(env, ['new', 'beta']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('beta.yaml');
    // The same file, not one made again (which would be a new file renamed into place).
    expect(fs.statSync(file).ino).toBe(made.ino);
    expect(fs.readFileSync(file)).toEqual(first);
  });

  it('is taken as it is by the next import of a small file, which turns TurboFan off as it runs (Node 20, 22)', () => {
    // V8 turns down code cached after its flags changed: made at the end of such an import, the
    // file was turned down and made again by every import after it, each compiling the CLI anew.
    const { dir, env } = home();
    const notes = path.join(dir, 'notes.txt');
    fs.writeFileSync(notes, '#separator:tab\nWhat is a queue?\tA list served in order. It holds 3 jobs.\n');
    const out = path.join(dir, 'notes.yaml');
    expect(prep(env, ['import', notes, '--out', out]).code).toBe(0);
    const file = cacheFile(dir, 'import');
    const first = fs.readFileSync(file);
    const made = fs.statSync(file);
    expect(codeIn(file)?.length).toBeGreaterThan(10_000);
    for (let run = 0; run < 2; run++) {
      const r = prep(env, ['import', notes, '--out', out, '--force']);
      expect(r).toMatchObject({ code: 0, stderr: '' });
      expect(fs.statSync(file).ino, `run ${run + 2}`).toBe(made.ino);
      expect(fs.readFileSync(file)).toEqual(first);
    }
  });

  it('is made again when V8 turns it down (another set of V8 flags), and the command runs as usual', () => {
    const { dir, env } = home();
    prep(env, ['new', 'acme']);
    const file = cacheFile(dir, 'new');
    const first = fs.readFileSync(file);
    const r = prep(env, ['new', 'beta'], ['--no-opt']);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(fs.readFileSync(file)).not.toEqual(first);
    expect(codeIn(file)).toBeDefined();
  });

  it('is ignored, never a crash, when damaged or not a cache at all; then replaced by a good one', () => {
    const { dir, env } = home();
    prep(env, ['new', 'acme']);
    const file = cacheFile(dir, 'new');
    const good = fs.readFileSync(file);
    const flipped = Buffer.from(good);
    for (let at = good.length - 1; at > good.length - 50_000; at -= 997) flipped[at]! ^= 0xa5;
    const cut = good.subarray(0, good.length >> 1);
    const foreign = Buffer.from('#!/bin/sh\necho not a cache\n');
    for (const [i, bad] of [flipped, cut, foreign].entries()) {
      fs.writeFileSync(file, bad);
      const r = prep(env, ['new', `deck${i}`]);
      expect(r, `case ${i}`).toMatchObject({ code: 0, stderr: '' });
      expect(fs.existsSync(path.join(dir, 'decks', `deck${i}.yaml`))).toBe(true);
      expect(codeIn(file), `case ${i}`).toBeDefined();
    }
  });

  it('is not saved by a command that stopped at an error (it compiled little of what it needs)', () => {
    const { dir, env } = home();
    const r = prep(env, ['import', path.join(dir, 'missing.md')]);
    expect(r.code).not.toBe(0);
    expect(fs.existsSync(cacheFile(dir, 'import'))).toBe(false);
  });

  it("is read, never written, by the read-only commands: they take the drill's file, and a damaged one is left alone", () => {
    const { dir, env } = home();
    prep(env, ['new', 'acme']);
    // Any good file for this bundle will do as the drill's (a drill needs a terminal to run).
    const drill = cacheFile(dir, 'drill');
    fs.copyFileSync(cacheFile(dir, 'new'), drill);
    const folder = path.dirname(drill);
    const before = fs.readdirSync(folder).sort();
    const good = fs.readFileSync(drill);
    const damaged = Buffer.from(good);
    damaged[damaged.length - 100]! ^= 0xff;
    for (const file of [good, damaged]) {
      fs.writeFileSync(drill, file);
      for (const args of [['list'], ['stats', 'acme', '--json']]) {
        const r = prep(env, args);
        expect(r, args.join(' ')).toMatchObject({ code: 0, stderr: '' });
      }
      expect(fs.readFileSync(drill)).toEqual(file);
      expect(fs.readdirSync(folder).sort()).toEqual(before);
    }
  });

  it("sheds, when it saves a file, what no start can use again: other Nodes' folders left unused, an older prep's files", () => {
    const { dir, env } = home();
    const root = path.join(dir, 'cache', 'v8-code');
    const longAgo = new Date(Date.now() - 60 * 86_400_000);
    const put = (folder: string, name: string, data: Uint8Array, at?: Date) => {
      const file = path.join(root, folder, name);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, data);
      if (at) fs.utimesSync(file, at, at);
      return file;
    };
    const olderBundle = Buffer.from(BUNDLE.toString('latin1').replace('Interview-prep', 'Interview-prex'), 'latin1');
    const code = Buffer.alloc(4096, 1);
    const here = path.basename(path.dirname(cacheFile(dir, 'new')));
    // The Node of two upgrades ago, last written 60 days ago; an older prep's drill code for this Node.
    put('v18.20.0-x64', 'drill.bin', encodeCodeCache(BUNDLE, code, crc32!, 'v18.20.0 x64'), longAgo);
    put(here, 'drill.bin', encodeCodeCache(olderBundle, code, crc32!));
    // Another Node in use now and then: its code for this bundle stays.
    const kept = put('v22.99.0-x64', 'drill.bin', encodeCodeCache(BUNDLE, code, crc32!, 'v22.99.0 x64'));
    // Node's own compile cache beside it: a folder per Node (and V8 flags), by the same rule.
    const nodeCache = path.join(dir, 'cache', 'node-compile-cache');
    const putNode = (folder: string, at?: Date) => {
      const file = path.join(nodeCache, folder, '3f1a9c2e');
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, code);
      if (at) fs.utimesSync(file, at, at);
    };
    putNode('v18.20.0-x64-efbf7f39-1000', longAgo);
    putNode('v22.99.0-x64-efbf7f39-1000');
    putNode(`${here}-0c4e2d11-1000`, longAgo);

    // Read-only commands write nothing, and so remove nothing either.
    const before = fs.readdirSync(root, { recursive: true }).sort();
    expect(prep(env, ['list']).code).toBe(0);
    expect(fs.readdirSync(root, { recursive: true }).sort()).toEqual(before);

    expect(prep(env, ['new', 'acme'])).toMatchObject({ code: 0, stderr: '' });
    expect(fs.readdirSync(root).sort()).toEqual([here, 'v22.99.0-x64'].sort());
    expect(fs.readdirSync(path.join(root, here))).toEqual(['new.bin']);
    expect(codeIn(cacheFile(dir, 'new'))).toBeDefined();
    expect(fs.existsSync(kept)).toBe(true);
    expect(fs.existsSync(path.join(nodeCache, 'v18.20.0-x64-efbf7f39-1000'))).toBe(false);
    expect(fs.existsSync(path.join(nodeCache, 'v22.99.0-x64-efbf7f39-1000'))).toBe(true);
    expect(fs.existsSync(path.join(nodeCache, `${here}-0c4e2d11-1000`))).toBe(true);

    // A start whose cache V8 took saves nothing and does not look at the folder at all.
    put('v18.20.0-x64', 'drill.bin', encodeCodeCache(BUNDLE, code, crc32!, 'v18.20.0 x64'), longAgo);
    expect(prep(env, ['new', 'beta']).code).toBe(0);
    expect(fs.existsSync(path.join(root, 'v18.20.0-x64', 'drill.bin'))).toBe(true);
  });

  it('is skipped without a word when its folder cannot be made (a file in its place)', () => {
    const { dir, env } = home();
    fs.mkdirSync(path.join(dir, 'cache'));
    fs.writeFileSync(path.join(dir, 'cache', 'v8-code'), 'in the way');
    const r = prep(env, ['new', 'acme']);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(fs.existsSync(path.join(dir, 'decks', 'acme.yaml'))).toBe(true);
    expect(fs.readFileSync(path.join(dir, 'cache', 'v8-code'), 'utf8')).toBe('in the way');
  });

  it('is passed over, never waited on, when a FIFO or a device stands in its place: the command runs as usual', () => {
    const { dir, env } = home();
    const fifo = cacheFile(dir, 'drill');
    fs.mkdirSync(path.dirname(fifo), { recursive: true });
    if (spawnSync('mkfifo', [fifo]).status !== 0) return;
    // A read-only command reads the drill's file: opening a FIFO for reading waits for a writer.
    const list = spawnSync(process.execPath, [PREP, 'list'], { env, encoding: 'utf8', timeout: 20_000 });
    expect({ code: list.status, signal: list.signal, stderr: list.stderr }).toEqual({ code: 0, signal: null, stderr: '' });
    expect(list.stdout).toContain('coder');
    // A writing command saves its own file, then prunes the folder, looking into every file there.
    fs.symlinkSync('/dev/zero', cacheFile(dir, 'review'));
    const made = spawnSync(process.execPath, [PREP, 'new', 'acme'], { env, encoding: 'utf8', timeout: 20_000 });
    expect({ code: made.status, signal: made.signal }).toEqual({ code: 0, signal: null });
    expect(codeIn(cacheFile(dir, 'new'))).toBeDefined();
    // Neither is a cache file of this bundle: the pruning removes both.
    expect(fs.existsSync(fifo)).toBe(false);
    expect(fs.existsSync(cacheFile(dir, 'review'))).toBe(false);
  });
});
