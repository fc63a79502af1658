import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs build script without types
import { lazyChildProcess } from '../../scripts/commander-lazy.mjs';
import { useTempHome } from '../helpers/temp-home.js';

// The bundles load commander with node:child_process left for when it spawns a subcommand that
// is a program of its own: every start of every command skips loading that module.
const home = useTempHome('prep-commander-');

/** A program bundled as prep's are, with the plugin, that says whether child_process is loaded. */
async function bundled(dir: string, body: string): Promise<string> {
  const file = path.join(dir, 'program.mjs');
  await build({
    stdin: { contents: `import { Command } from 'commander';\n${body}`, resolveDir: process.cwd(), loader: 'js' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: file,
    plugins: [lazyChildProcess],
    banner: { js: "import { createRequire as __r } from 'node:module'; const require = __r(import.meta.url);" },
    logLevel: 'silent',
  });
  return file;
}

const loaded = "process.moduleLoadList.includes('NativeModule child_process')";

describe("the bundles' commander", () => {
  it('parses and runs a command without loading child_process', async () => {
    const dir = home().dir;
    const file = await bundled(dir, `const p = new Command('prog'); p.command('hello').action(() => console.log('hello ran', ${loaded})); p.parse();`);
    expect(execFileSync(process.execPath, [file, 'hello'], { encoding: 'utf8' })).toBe('hello ran false\n');
  });

  it('still spawns a subcommand that is a program of its own, loading child_process then', async () => {
    const dir = home().dir;
    const sub = path.join(dir, 'prog-hi.js');
    fs.writeFileSync(sub, "console.log('the program ran with', process.argv.slice(2).join(' '));\n");
    const file = await bundled(dir, `const p = new Command('prog'); p.command('hi', 'a program', { executableFile: ${JSON.stringify(sub)} }); console.log('before', ${loaded}); p.parse();`);
    expect(execFileSync(process.execPath, [file, 'hi', 'there'], { encoding: 'utf8' })).toBe('before false\nthe program ran with there\n');
  });

  it('without the plugin loads child_process at once (so the first test tells the two apart)', async () => {
    const dir = home().dir;
    const file = path.join(dir, 'plain.mjs');
    await build({
      stdin: { contents: `import { Command } from 'commander';\nnew Command('prog'); console.log(${loaded});`, resolveDir: process.cwd(), loader: 'js' },
      bundle: true,
      platform: 'node',
      format: 'esm',
      outfile: file,
      banner: { js: "import { createRequire as __r } from 'node:module'; const require = __r(import.meta.url);" },
      logLevel: 'silent',
    });
    expect(execFileSync(process.execPath, [file], { encoding: 'utf8' })).toBe('true\n');
  });
});
