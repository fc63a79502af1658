import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { inject } from 'vitest';

/** The user a root test run drops to, so file permissions apply to it as to anyone. */
const NOBODY = { uid: 65534, gid: 65534 };
const runsAsRoot = process.getuid?.() === 0;

/** What the call did in the child: returned a value (as JSON) or threw. */
export type Outcome =
  | { returned: unknown }
  | { threw: { name: string; message: string } & Record<string, unknown> };

// The child imports the module's bundle, printed by esbuild from the TypeScript source,
// since plain Node 20 cannot import .ts files.
const CHILD = `
const [bundle, name, args] = process.argv.slice(1);
const mod = await import(bundle);
const [head, ...rest] = name.split('.');
let fn = mod[head], self;
for (const key of rest) { self = fn; fn = fn[key]; }
try {
  const returned = await fn.apply(self, JSON.parse(args));
  process.stdout.write(JSON.stringify({ returned: returned ?? null }));
} catch (err) {
  process.stdout.write(JSON.stringify({ threw: { ...err, name: err.name, message: err.message } }));
}
`;

// Some dependencies are CommonJS and call require(): give the ESM bundle one.
const REQUIRE = "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);";

// The bundles live in the run's scratch folder (removed when the run ends), not in one made
// and removed by this file's afterAll: test files share a worker process, and this module with
// them, so a later file would find the folder gone.
const bundles = new Map<string, Promise<string>>();
let bundleDir: string | undefined;

function bundleOf(source: string): Promise<string> {
  let made = bundles.get(source);
  if (!made) {
    bundleDir ??= fs.mkdtempSync(path.join(inject('scratchDir'), 'unpriv-'));
    // Readable by the unprivileged child.
    fs.chmodSync(bundleDir, 0o755);
    const outfile = path.join(bundleDir, `${bundles.size}.mjs`);
    made = build({ entryPoints: [source], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile, logLevel: 'silent', banner: { js: REQUIRE } }).then(() => {
      fs.chmodSync(outfile, 0o644);
      return outfile;
    });
    bundles.set(source, made);
  }
  return made;
}

/**
 * Calls `name` (an export, or `Export.method`) of the TypeScript module `source` with `args`
 * in a child Node process that does not run as root: when the tests do, the child runs as
 * `nobody`. Root reads any file whatever its mode, so a test of "permission denied" would
 * otherwise pass vacuously, or be skipped, on a machine where everything runs as root.
 * The folders down to the files the call touches must let `nobody` through (see `letThrough`).
 */
export async function callUnprivileged(source: string, name: string, args: unknown[]): Promise<Outcome> {
  const bundle = await bundleOf(source);
  const stdout = await new Promise<string>((resolve, reject) => {
    execFile(
      process.execPath,
      ['--input-type=module', '-e', CHILD, bundle, name, JSON.stringify(args)],
      { ...(runsAsRoot ? NOBODY : {}), cwd: os.tmpdir(), timeout: 15_000 },
      (err, out, stderr) => (err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve(out)),
    );
  });
  return JSON.parse(stdout) as Outcome;
}

/** Lets any user pass through (not list) `dir` and the folders above it up to `root`. */
export function letThrough(root: string, dir: string): void {
  for (let d = dir; ; d = path.dirname(d)) {
    fs.chmodSync(d, fs.statSync(d).mode | 0o711);
    if (d === root || d === path.dirname(d)) break;
  }
}
