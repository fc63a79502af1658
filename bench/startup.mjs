// `npm run bench -- startup`: only the start-up comparison of the perf bench, with more runs
// (BENCH_RUNS, default 20), for working on start-up time; then the CPU time each uses up to its
// first frame (bench/first-frame-cpu.mjs), which a busy machine moves far less.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { alternate, pairedRatio, startupContenders, stats, timeToFirstFrame } from './pty-time.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const RUNS = Math.max(10, Number(process.env.BENCH_RUNS ?? 20));
const home = mkdtempSync(join(tmpdir(), 'prep-bench-'));
try {
  console.log(`node ${process.version} · ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'} · ${RUNS} runs each, alternated · load average ${loadavg()[0].toFixed(1)}`);
  const env = { ...process.env, PREP_HOME: home };
  const [prepC, inkC] = startupContenders(root, env);
  const s = await alternate([prepC, inkC], RUNS);
  const [p, i] = [stats(s.prep), stats(s.ink)];
  const f = (x) => x.toFixed(0).padStart(5);
  console.log(`                   median    min    p95  (ms)`);
  for (const [name, x] of [['prep drill coder', p], ['minimal Ink app', i]]) console.log(`${name.padEnd(18)} ${f(x.median)}  ${f(x.min)}  ${f(x.p95)}`);
  console.log(`ratio (medians)    ${(p.median / i.median).toFixed(2)}   target <= 1.25`);
  console.log(`run-by-run median  ${pairedRatio(s.prep, s.ink).toFixed(2)}`);

  const cpuFile = join(home, 'first-frame-cpu');
  const cpuTo = (argv, marker) => async () => {
    rmSync(cpuFile, { force: true });
    const probe = ['--import', join(root, 'bench/first-frame-cpu.mjs')];
    await timeToFirstFrame(['node', ...probe, ...argv], marker, { env: { ...env, FIRST_FRAME_MARKER: marker, FIRST_FRAME_CPU_FILE: cpuFile } });
    return Number(readFileSync(cpuFile, 'utf8'));
  };
  const c = await alternate(
    [
      { name: 'prep', run: cpuTo([join(root, 'dist/prep.js'), 'drill', 'coder'], 'quit') },
      { name: 'ink', run: cpuTo([join(root, 'dist/bench/minimal-ink.js')], 'ready') },
    ],
    RUNS,
  );
  const [cp, ci] = [stats(c.prep), stats(c.ink)];
  console.log(`CPU to first frame median    min    p95  (ms, all threads)`);
  for (const [name, x] of [['prep drill coder', cp], ['minimal Ink app', ci]]) console.log(`${name.padEnd(18)} ${f(x.median)}  ${f(x.min)}  ${f(x.p95)}`);
  console.log(`CPU ratio (medians) ${(cp.median / ci.median).toFixed(2)}, run by run ${pairedRatio(c.prep, c.ink).toFixed(2)} · load average ${loadavg()[0].toFixed(1)}`);
} finally {
  rmSync(home, { recursive: true, force: true });
}
