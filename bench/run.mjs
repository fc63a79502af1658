// `npm run bench [-- NAME]`: prints figures; never part of `npm test`. Run on a quiet machine
// and read the ratios, which compare contenders measured side by side in one run.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { alternate, stats, timeToFirstFrame } from './pty-time.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const which = process.argv[2] ?? 'startup';
const RUNS = Number(process.env.BENCH_RUNS ?? 15);

const fmt = (n) => n.toFixed(1).padStart(8);

async function startup() {
  const home = mkdtempSync(join(tmpdir(), 'prep-bench-'));
  const env = { ...process.env, PREP_HOME: home };
  try {
    const samples = await alternate(
      [
        { name: 'prep drill coder', run: () => timeToFirstFrame(['node', join(root, 'dist/prep.js'), 'drill', 'coder'], 'reveal', { env }) },
        { name: 'minimal Ink app', run: () => timeToFirstFrame(['node', join(root, 'dist/bench/minimal-ink.js')], 'ready', { env }) },
        { name: 'node -e 0', run: () => timeToFirstFrame(['node', '-e', 'process.stdout.write("ready")'], 'ready', { env }) },
      ],
      RUNS,
    );
    console.log(`Time to first frame in a pseudo-terminal, ${RUNS} alternated runs each (ms)`);
    console.log(`${'program'.padEnd(20)}${'median'.padStart(8)}${'min'.padStart(8)}${'max'.padStart(8)}`);
    const st = {};
    for (const [name, xs] of Object.entries(samples)) {
      st[name] = stats(xs);
      console.log(`${name.padEnd(20)}${fmt(st[name].median)}${fmt(st[name].min)}${fmt(st[name].max)}`);
    }
    const ratio = st['prep drill coder'].median / st['minimal Ink app'].median;
    console.log(`ratio prep / minimal Ink app: ${ratio.toFixed(2)} (target <= 1.25)`);
    console.log(`ratio prep / node -e 0:       ${(st['prep drill coder'].median / st['node -e 0'].median).toFixed(2)}`);
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

const benches = { startup };
if (!benches[which]) {
  console.error(`unknown bench "${which}"; known: ${Object.keys(benches).join(', ')}`);
  process.exit(2);
}
console.log(`node ${process.version} · ${process.platform} ${process.arch}`);
await benches[which]();
