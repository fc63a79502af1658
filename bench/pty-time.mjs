// Time from spawn to a first frame containing `marker`, in a real pseudo-terminal (util-linux
// `script`), then quit with `q`. Shared by the start-up benchmarks.
import { spawn } from 'node:child_process';

const sh = (w) => `'${w.replace(/'/g, `'\\''`)}'`;

// Ink draws only the final frame when it thinks it runs in CI; a person's terminal has no CI markers.
const terminalEnv = (env) => Object.fromEntries(Object.entries(env).filter(([k]) => k !== 'CI' && k !== 'CONTINUOUS_INTEGRATION' && !k.startsWith('CI_')));

/** Resolves with milliseconds from spawn until stdout shows `marker`. */
export function timeToFirstFrame(argv, marker, { env = process.env, cols = 100, rows = 30, timeoutMs = 20000 } = {}) {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const inner = `stty cols ${cols} rows ${rows}; exec ${argv.map(sh).join(' ')}`;
    const child = spawn('script', ['-qfec', inner, '/dev/null'], { env: { TERM: 'xterm-256color', ...terminalEnv(env) }, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let done = false;
    const timer = setTimeout(() => finish(new Error(`no frame with "${marker}" within ${timeoutMs} ms; got ${JSON.stringify(out.slice(-300))}`)), timeoutMs);
    function finish(err, ms) {
      if (done) return;
      done = true;
      clearTimeout(timer);
      child.stdin.write('q');
      setTimeout(() => child.kill('SIGKILL'), 2000).unref();
      child.on('close', () => (err ? reject(err) : resolve(ms)));
    }
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (d) => {
      out += d;
      if (out.includes(marker)) finish(null, Number(process.hrtime.bigint() - start) / 1e6);
    });
    child.stderr.on('data', (d) => (out += d));
  });
}

/** Runs each contender `runs` times, alternating, and returns their samples. */
export async function alternate(contenders, runs) {
  const samples = Object.fromEntries(contenders.map((c) => [c.name, []]));
  for (let i = 0; i < runs; i++) {
    for (const c of contenders) samples[c.name].push(await c.run());
  }
  return samples;
}

export function stats(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  const median = s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  return { median, min: s[0], max: s[s.length - 1], p95: q(0.95) };
}
