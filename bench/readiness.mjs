// `npm run bench -- readiness`: does the interview date help? Bundles the simulation (TypeScript,
// using prep's own drill session and scheduler) into a temp file, runs it and prints the table.
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'prep-readiness-'));
try {
  const outfile = join(dir, 'readiness.mjs');
  await build({
    entryPoints: [join(root, 'bench/readiness-sim.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
  });
  console.log(`node ${process.version} · ${process.platform} ${process.arch}`);
  const { run } = await import(pathToFileURL(outfile).href);
  run(Number(process.env.BENCH_LEARNERS ?? 200));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
