// `npm run bench -- audio`: how long the analysis of a 60 s recording takes (read the WAV, voice
// activity, pauses, syllable nuclei), in-process, after one warm-up run. Target: < 200 ms.
import { execFileSync } from 'node:child_process';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const runs = Math.max(5, Number(process.env.BENCH_RUNS ?? 15));
const results = JSON.parse(execFileSync('node', [join(root, 'dist/bench/audio-analysis.js'), String(runs + 1)], { encoding: 'utf8' }));
console.log(`node ${process.version} · ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'} · ${runs} runs each (after a warm-up)`);
console.log(`${'60 s recording'.padEnd(30)}  median     min     max  unit  target`);
for (const [name, all] of Object.entries(results)) {
  const ms = all.slice(1).sort((a, b) => a - b);
  const median = ms[Math.floor(ms.length / 2)];
  const f = (x) => x.toFixed(0).padStart(6);
  console.log(`${`read + analyse, ${name}`.padEnd(30)}  ${f(median)}  ${f(ms[0])}  ${f(ms[ms.length - 1])}  ms    < 200`);
}
