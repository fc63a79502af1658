import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs build script without types
import { asScript } from '../../scripts/bundle-as-script.mjs';
import { useTempHome } from '../helpers/temp-home.js';

// dist/prep-cli.js gets Node's built-in modules through `require`, each as a small ES module
// (scripts/bundle-as-script.mjs): a module that imports one reads the properties it imports and
// nothing else, instead of esbuild's interop copying every property of the built-in as a getter
// for each importing module (26 modules import node:fs).
const home = useTempHome('prep-builtins-');
const realRequire = createRequire(import.meta.url);

interface Run {
  printed: unknown[];
  /** Per built-in: the properties read, and whether its keys were ever listed. */
  reads: Map<string, { got: Set<string>; listed: boolean }>;
}

/** Bundles `files` (entry first) as prep-cli.js is built, and runs it with a `require` that records what is read of each built-in. */
async function bundleAndRun(files: Record<string, string>): Promise<Run> {
  const dir = home().dir;
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  const outfile = path.join(dir, 'out.js');
  await asScript(build, {
    entryPoints: [path.join(dir, Object.keys(files)[0]!)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'silent',
    plugins: [],
    define: {},
  });
  const reads: Run['reads'] = new Map();
  const printed: unknown[] = [];
  const watched = (id: string): unknown => {
    const real = realRequire(id) as object;
    const seen = { got: new Set<string>(), listed: false };
    reads.set(id, seen);
    return new Proxy(real, {
      get: (t, k, r) => (typeof k === 'string' && seen.got.add(k), Reflect.get(t, k, r)),
      ownKeys: (t) => ((seen.listed = true), Reflect.ownKeys(t)),
    });
  };
  (globalThis as { __print?: unknown }).__print = (x: unknown) => printed.push(x);
  const run = new vm.Script(fs.readFileSync(outfile, 'utf8')).runInThisContext() as (r: unknown, url: string, imp: unknown) => Promise<void>;
  await run(watched, `file://${outfile}`, () => Promise.reject(new Error('no sibling bundles here')));
  return { printed, reads };
}

describe('built-in modules in the script bundle', () => {
  it('gives default and named imports the module and its own values, across modules', async () => {
    const { printed } = await bundleAndRun({
      'main.js': `import fs from 'node:fs';\nimport { readFileSync } from 'node:fs';\nimport { join } from 'node:path';\nimport { other } from './other.js';\n__print(fs.readFileSync === readFileSync);\n__print(join('a', 'b'));\n__print(other());`,
      'other.js': `import path, { basename } from 'node:path';\nimport process from 'node:process';\nexport const other = () => [basename('/x/y.txt'), path.extname('y.txt'), typeof process.cwd()];`,
    });
    expect(printed).toEqual([true, path.join('a', 'b'), ['y.txt', '.txt', 'string']]);
  });

  it('reads only the properties imported, and never lists a module\'s keys', async () => {
    const { reads } = await bundleAndRun({
      'main.js': `import { readFileSync, existsSync } from 'node:fs';\nimport { join } from 'node:path';\nimport { b } from './b.js';\n__print([typeof readFileSync, typeof existsSync, join('a', 'b'), b]);`,
      'b.js': `import { readFileSync } from 'node:fs';\nexport const b = typeof readFileSync;`,
    });
    const fsReads = reads.get('node:fs')!;
    expect(fsReads.listed).toBe(false);
    // fs.promises is a getter that loads a module of its own: never touched here.
    expect([...fsReads.got].sort()).toEqual(['existsSync', 'readFileSync']);
    expect([...reads.get('node:path')!.got]).toEqual(['join']);
    expect(reads.get('node:path')!.listed).toBe(false);
  });

  it('still gives a dynamic import the whole module', async () => {
    const { printed } = await bundleAndRun({
      'main.js': `const os = await import('node:os');\n__print(typeof os.platform());\n__print(os.default.platform === os.platform);`,
    });
    expect(printed).toEqual(['string', true]);
  });

  it('fails the build on a name the built-in does not have', async () => {
    await expect(bundleAndRun({ 'main.js': `import { noSuchExport } from 'node:fs';\n__print(noSuchExport);` })).rejects.toThrow(/noSuchExport/);
  });
});
