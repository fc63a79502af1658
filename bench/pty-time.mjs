// Times programs in a real pseudo-terminal (util-linux `script`): from spawn to a first frame
// containing a marker, or to exit. Shared by the benchmarks.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const sh = (w) => `'${w.replace(/'/g, `'\\''`)}'`;
// Ink draws only the final frame when it thinks it runs in CI; a person's terminal has no CI markers.
const terminalEnv = (env) => Object.fromEntries(Object.entries(env).filter(([k]) => k !== 'CI' && k !== 'CONTINUOUS_INTEGRATION' && !k.startsWith('CI_')));

/** Peak resident memory of a process so far, in MB (Linux /proc). */
function peakRssMb(pid) {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/**
 * Runs argv in a pseudo-terminal. With a `marker`, resolves when stdout first shows it, then
 * presses q; without one, when the program exits. `rssAfterMs` also reads the program's peak
 * RSS that long after the first frame.
 */
export function runInPty(argv, { marker, env = process.env, cols = 100, rows = 30, timeoutMs = 30000, rssAfterMs } = {}) {
  return new Promise((resolve, reject) => {
    const dir = mkdtempSync(join(tmpdir(), 'prep-bench-pid-'));
    const pidFile = join(dir, 'pid');
    const start = process.hrtime.bigint();
    const inner = `stty cols ${cols} rows ${rows}; echo $$ > ${sh(pidFile)}; exec ${argv.map(sh).join(' ')}`;
    const child = spawn('script', ['-qfec', inner, '/dev/null'], { env: { TERM: 'xterm-256color', ...terminalEnv(env) }, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let ms = null;
    let rssMb = null;
    let settled = false;
    const timer = setTimeout(() => fail(new Error(`${argv.join(' ')}: nothing within ${timeoutMs} ms; got ${JSON.stringify(out.slice(-300))}`)), timeoutMs);
    const elapsed = () => Number(process.hrtime.bigint() - start) / 1e6;
    function fail(err) {
      if (settled) return;
      settled = true;
      child.kill('SIGKILL');
      reject(err);
    }
    // A program that exits as soon as it has drawn (node -e) may be gone before the q: no matter.
    child.stdin.on('error', () => {});
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (d) => {
      out += d;
      if (marker && ms === null && out.includes(marker)) {
        ms = elapsed();
        const quit = () => {
          if (rssAfterMs !== undefined) rssMb = peakRssMb(readFileSync(pidFile, 'utf8').trim());
          child.stdin.write('q');
          setTimeout(() => child.kill('SIGKILL'), 3000).unref();
        };
        if (rssAfterMs !== undefined) setTimeout(quit, rssAfterMs);
        else quit();
      }
    });
    child.stderr.on('data', (d) => (out += d));
    child.on('close', (code) => {
      clearTimeout(timer);
      rmSync(dir, { recursive: true, force: true });
      if (settled) return;
      settled = true;
      if (!marker) ms = elapsed();
      if (ms === null) reject(new Error(`${argv.join(' ')} exited (${code}) before showing "${marker}": ${JSON.stringify(out.slice(-300))}`));
      else resolve({ ms, rssMb, code, out });
    });
  });
}

/** Milliseconds from spawn to a first frame containing `marker`. */
export async function timeToFirstFrame(argv, marker, opts = {}) {
  return (await runInPty(argv, { ...opts, marker })).ms;
}

/** Runs each contender `runs` times, alternating them, and returns their samples by name. */
export async function alternate(contenders, runs) {
  const samples = Object.fromEntries(contenders.map((c) => [c.name, []]));
  for (let i = 0; i < runs; i++) {
    for (const c of contenders) samples[c.name].push(await c.run());
  }
  return samples;
}

/** Median, min, max and p95 of a sample. */
export function stats(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const median = s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  return { median, min: s[0], max: s[s.length - 1], p95: s[Math.min(s.length - 1, Math.ceil(0.95 * s.length) - 1)] };
}

/**
 * The start-up comparison (shared by `npm run bench` and `-- startup`): time to the first frame
 * of `prep drill coder`, of the minimal Ink app bundled the same way, and of bare node, run by
 * `node` (another Node's binary for the comparison across Nodes), their names ending in `suffix`.
 */
export function startupContenders(root, env, node = 'node', suffix = '') {
  return [
    { name: `prep${suffix}`, run: () => timeToFirstFrame([node, join(root, 'dist/prep.js'), 'drill', 'coder'], 'quit', { env }) },
    { name: `ink${suffix}`, run: () => timeToFirstFrame([node, join(root, 'dist/bench/minimal-ink.js')], 'ready', { env }) },
    { name: `node${suffix}`, run: () => timeToFirstFrame([node, '-e', 'process.stdout.write("ready")'], 'ready', { env }) },
  ];
}

/** Median of a[k] / b[k]: each run over the one right after it, so a burst of load slows both of a pair alike. */
export function pairedRatio(a, b) {
  return stats(a.map((x, k) => x / b[k])).median;
}
