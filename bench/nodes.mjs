// Start-up on every supported Node, side by side: Node 20 (this machine's), 22 and 24, installed
// from the npm registry (the `node` package) into a temp folder kept between runs; never needed by
// `npm test`. prep keeps V8's compiled code of its bundle in its cache folder (src/start.ts), one
// file per Node: its runs are with that cache warm, the minimal Ink app's without one (it has none).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { alternate, pairedRatio, startupContenders, stats, timeToFirstFrame } from './pty-time.mjs';

/** The path of Node `major`'s binary, installed with npm into `<tmp>/prep-bench-nodes/<major>` unless already there. */
export function installedNode(major) {
  const dir = join(tmpdir(), 'prep-bench-nodes', String(major));
  const bin = join(dir, 'node_modules', 'node', 'bin', 'node');
  if (!existsSync(bin)) {
    execFileSync('npm', ['install', '--prefix', dir, '--no-audit', '--no-fund', '--no-save', `node@${major}`], { stdio: 'ignore' });
  }
  return bin;
}

/**
 * Rows for the perf table: first frame of prep and of the minimal Ink app on each Node, and
 * their ratio. `row(figure, stats, unit, target)` adds one.
 */
export async function compareNodes(root, env, runs, row) {
  const nodes = [['20', process.execPath], ['22', installedNode(22)], ['24', installedNode(24)]];
  const contenders = [];
  for (const [major, bin] of nodes) {
    const version = execFileSync(bin, ['--version'], { encoding: 'utf8' }).trim();
    // One run first, so the code cache is warm.
    await timeToFirstFrame([bin, join(root, 'dist/prep.js'), 'drill', 'coder'], 'quit', { env });
    contenders.push(...startupContenders(root, env, bin, ` ${major}`).slice(0, 2).map((c) => ({ ...c, version })));
  }
  const s = await alternate(contenders, runs);
  for (const [major] of nodes) {
    const version = contenders.find((c) => c.name === `prep ${major}`).version;
    const p = stats(s[`prep ${major}`]);
    const i = stats(s[`ink ${major}`]);
    row(`first frame on ${version}: prep drill coder`, p, 'ms');
    row(`first frame on ${version}: minimal Ink app`, i, 'ms');
    const target = major === '24' ? '<= 0.95 (cache warm)' : '';
    row(`  ratio prep / Ink on Node ${major} (run by run: ${pairedRatio(s[`prep ${major}`], s[`ink ${major}`]).toFixed(2)})`, { median: p.median / i.median, min: null, max: null }, 'x', target);
  }
}

// `npm run bench -- nodes`: only this comparison, printed as the perf table prints it.
if (process.argv[2] === 'nodes') {
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { fileURLToPath } = await import('node:url');
  const root = fileURLToPath(new URL('..', import.meta.url));
  const home = mkdtempSync(join(tmpdir(), 'prep-bench-'));
  const runs = Math.max(10, Number(process.env.BENCH_RUNS ?? 10));
  try {
    const f = (n, unit) => (n == null ? '-' : unit === 'x' ? n.toFixed(2) : n.toFixed(0));
    console.log(`${runs} runs each, alternated; median, min, max`);
    await compareNodes(root, { ...process.env, PREP_HOME: home }, runs, (figure, s, unit, target = '') =>
      console.log(`${figure.padEnd(60)} ${f(s.median, unit).padStart(6)} ${f(s.min, unit).padStart(6)} ${f(s.max, unit).padStart(6)}  ${unit.padEnd(3)} ${target}`),
    );
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}
