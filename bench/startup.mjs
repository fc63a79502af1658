// `npm run bench -- startup`: only the start-up comparison of the perf bench, with more runs
// (BENCH_RUNS, default 20), for working on start-up time.
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { alternate, pairedRatio, startupContenders, stats } from './pty-time.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const RUNS = Math.max(10, Number(process.env.BENCH_RUNS ?? 20));
const home = mkdtempSync(join(tmpdir(), 'prep-bench-'));
try {
  console.log(`node ${process.version} · ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'} · ${RUNS} runs each, alternated`);
  const [prepC, inkC] = startupContenders(root, { ...process.env, PREP_HOME: home });
  const s = await alternate([prepC, inkC], RUNS);
  const [p, i] = [stats(s.prep), stats(s.ink)];
  const f = (x) => x.toFixed(0).padStart(5);
  console.log(`                   median    min    p95  (ms)`);
  for (const [name, x] of [['prep drill coder', p], ['minimal Ink app', i]]) console.log(`${name.padEnd(18)} ${f(x.median)}  ${f(x.min)}  ${f(x.p95)}`);
  console.log(`ratio (medians)    ${(p.median / i.median).toFixed(2)}   target <= 1.25`);
  console.log(`run-by-run median  ${pairedRatio(s.prep, s.ink).toFixed(2)}`);
} finally {
  rmSync(home, { recursive: true, force: true });
}
