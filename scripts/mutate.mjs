// Runs Stryker (mutation testing of src/core) for `npm run mutate`. Stryker 10 needs Node >= 22
// while prep supports Node 20, so on an older Node this fetches node@24 from the npm registry
// once into a cache folder under the system temp dir and runs Stryker with it. Arguments are
// passed on to Stryker, e.g. `npm run mutate -- --mutate 'src/core/store/**'`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const stryker = join(root, 'node_modules', '@stryker-mutator', 'core', 'bin', 'stryker.js');
const major = Number(process.versions.node.split('.')[0]);

function nodeForStryker() {
  if (major >= 22) return process.execPath;
  const cache = join(tmpdir(), 'prep-mutate-node24');
  const bin = join(cache, 'node_modules', 'node', 'bin', 'node');
  if (!existsSync(bin)) {
    console.error(`Node ${process.versions.node} is too old for Stryker; installing node@24 into ${cache}`);
    mkdirSync(cache, { recursive: true });
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const r = spawnSync(npm, ['install', '--prefix', cache, '--no-audit', '--no-fund', '--no-save', 'node@24'], {
      stdio: 'inherit',
    });
    if (r.status !== 0 || !existsSync(bin)) {
      console.error('mutate: could not install node@24 from the npm registry');
      process.exit(1);
    }
  }
  return bin;
}

if (!existsSync(stryker)) {
  console.error('mutate: Stryker is not installed; run `npm ci` first');
  process.exit(1);
}
const node = nodeForStryker();
// Child processes the tests start (`node dist/prep.js ...`) use the same Node as Stryker.
// The zone vitest.config.ts gives the tests is set here too: Stryker's runner runs them in
// worker threads, where vitest's `env` comes too late to change the zone dates are read in.
const env = {
  ...process.env,
  PATH: `${dirname(node)}${delimiter}${process.env.PATH ?? ''}`,
  TZ: 'America/New_York',
};
const r = spawnSync(node, [stryker, 'run', ...process.argv.slice(2)], { stdio: 'inherit', cwd: root, env });
process.exit(r.status ?? 1);
