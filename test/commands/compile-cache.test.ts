import fs from 'node:fs';
import module from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { useTempHome } from '../helpers/temp-home.js';

// dist/prep.js turns on Node's compile cache (22.1+) in prep's cache folder, for the commands that
// save the user's work anyway; the read-only ones write nothing, not even compiled code.
const home = useTempHome('prep-ccache-');
const hasCache = typeof (module as { enableCompileCache?: unknown }).enableCompileCache === 'function';
const cacheDir = (dir: string) => path.join(dir, 'cache', 'node-compile-cache');

describe("Node's compile cache", () => {
  it.runIf(hasCache)('is written under the cache folder by a command that saves work (prep new)', async () => {
    const { dir, env } = home();
    const r = await runCli(['new', 'acme'], { env });
    expect(r.code).toBe(0);
    const versions = fs.readdirSync(cacheDir(dir));
    expect(versions).toHaveLength(1);
    // One entry: the CLI bundle's compiled code, for the next start.
    expect(fs.readdirSync(path.join(cacheDir(dir), versions[0]!)).length).toBeGreaterThan(0);
  });

  it.skipIf(hasCache)('is not there on a Node without one (20): nothing is created for it', async () => {
    const { dir, env } = home();
    expect((await runCli(['new', 'acme'], { env })).code).toBe(0);
    expect(fs.existsSync(cacheDir(dir))).toBe(false);
  });

  it('is never written by the read-only commands (list, stats --json, schema, sheet, pitch --history, mock --last)', async () => {
    const { dir, env } = home();
    for (const args of [['list'], ['stats', 'coder', '--json'], ['schema'], ['sheet', 'coder'], ['pitch', 'coder', '--history'], ['mock', 'coder', '--last']]) {
      expect((await runCli(args, { env })).code).toBe(0);
    }
    expect(fs.existsSync(cacheDir(dir))).toBe(false);
    // Nor V8's code cache of the CLI bundle (src/start.ts).
    expect(fs.existsSync(path.join(dir, 'cache', 'v8-code'))).toBe(false);
  });

  it('is skipped without a word when the cache folder cannot be made (a file in its place)', async () => {
    const { dir, env } = home();
    fs.writeFileSync(path.join(dir, 'cache'), 'not a folder');
    const r = await runCli(['new', 'acme'], { env });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(fs.existsSync(path.join(dir, 'decks', 'acme.yaml'))).toBe(true);
  });
});
