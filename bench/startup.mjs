// `npm run bench -- startup`: only the start-up comparison of the perf bench, with more runs
// (BENCH_RUNS, default 20), for working on start-up time.
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { alternate, stats, timeToFirstFrame } from './pty-time.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const RUNS = Math.max(10, Number(process.env.BENCH_RUNS ?? 20));
const home = mkdtempSync(join(tmpdir(), 'prep-bench-'));
const env = { ...process.env, PREP_HOME: home };
try {
  console.log(`node ${process.version} · ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'} · ${RUNS} runs each, alternated`);
  const s = await alternate(
    [
      { name: 'prep drill coder', run: () => timeToFirstFrame(['node', join(root, 'dist/prep.js'), 'drill', 'coder'], 'quit', { env }) },
      { name: 'minimal Ink app', run: () => timeToFirstFrame(['node', join(root, 'dist/bench/minimal-ink.js')], 'ready', { env }) },
    ],
    RUNS,
  );
  const [p, i] = Object.values(s).map(stats);
  const f = (x) => x.toFixed(0).padStart(5);
  console.log(`                   median    min    p95  (ms)`);
  for (const [name, x] of [['prep drill coder', p], ['minimal Ink app', i]]) console.log(`${name.padEnd(18)} ${f(x.median)}  ${f(x.min)}  ${f(x.p95)}`);
  console.log(`ratio (medians)    ${(p.median / i.median).toFixed(2)}   target <= 1.25`);
} finally {
  rmSync(home, { recursive: true, force: true });
}
