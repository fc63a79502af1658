// `npm run bench -- paste`: a 1 MB paste into the answer field of `prep drill --type`, in a real
// pseudo-terminal (issue 21: it once ran at 95% CPU for minutes). Two figures: the time from the
// paste to the frame that says it was cut at 4,000 characters (target: under a second), and the
// CPU prep spends in the 3 s after it settled, against the same 3 s of a session with nothing
// pasted, run alternately: idle is the clock's tick redrawing the screen (a longer answer on it
// costs a little more), not the 13% of a core that 100 KB once cost for good.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { pairedRatio, stats } from './pty-time.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const RUNS = 5;
const PASTE = 'Alpha point one '.repeat(65_536);
const DECK = `title: Paste
questions:
  - id: alpha
    question: Alpha question?
    answer: Alpha answer.
    points: [Alpha point one, Alpha point two]
`;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
/** CPU time (ms) a process has used so far: user + system clock ticks (100 a second). */
const cpuMs = (pid) => readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ').slice(11, 13).map(Number).reduce((a, b) => a + b) * 10;

/** One session: with `paste`, the ms from the paste to its frame; the CPU ms of 3 s once idle. */
async function session(home, paste) {
  const dir = mkdtempSync(join(tmpdir(), 'prep-bench-paste-'));
  const pidFile = join(dir, 'pid');
  const argv = [process.execPath, join(root, 'dist/prep.js'), 'drill', 'paste', '--type'];
  const inner = `stty cols 100 rows 30; echo $$ > '${pidFile}'; exec ${argv.map((a) => `'${a}'`).join(' ')}`;
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'CI' && k !== 'CONTINUOUS_INTEGRATION' && !k.startsWith('CI_')));
  const child = spawn('script', ['-qfec', inner, '/dev/null'], { env: { ...env, TERM: 'xterm-256color', PREP_HOME: home, NO_COLOR: '1' }, stdio: ['pipe', 'pipe', 'ignore'] });
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (d) => (out += d));
  const until = async (marker, ms = 30_000) => {
    for (const end = Date.now() + ms; !out.includes(marker); await sleep(5)) if (Date.now() > end) throw new Error(`no "${marker}" within ${ms} ms: ${JSON.stringify(out.slice(-300))}`);
  };
  try {
    await until('Your answer:');
    const pid = Number(readFileSync(pidFile, 'utf8'));
    let pasteMs = null;
    if (paste) {
      out = '';
      const t0 = performance.now();
      child.stdin.write(PASTE);
      await until('cut at 4,000 characters');
      pasteMs = performance.now() - t0;
    }
    // Settled: no CPU used over 400 ms (a clock tick costs less than one tick of the counter).
    for (let last = -1, now = cpuMs(pid); now !== last; last = now, await sleep(400), now = cpuMs(pid));
    const before = cpuMs(pid);
    await sleep(3000);
    return { pasteMs, idleMs: cpuMs(pid) - before };
  } finally {
    child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
}

const home = mkdtempSync(join(tmpdir(), 'prep-bench-paste-home-'));
try {
  mkdirSync(join(home, 'decks'));
  writeFileSync(join(home, 'decks', 'paste.yaml'), DECK);
  const pasted = [];
  const plain = [];
  for (let i = 0; i < RUNS; i++) {
    pasted.push(await session(home, true));
    plain.push(await session(home, false));
  }
  const row = (what, s, unit, target) => console.log(`${what.padEnd(58)} ${String(Math.round(s.median)).padStart(7)} ${String(Math.round(s.min)).padStart(7)} ${String(Math.round(s.max)).padStart(7)}  ${unit.padEnd(4)} ${target}`);
  console.log(`prep drill --type, a 1 MB paste: ${RUNS} runs each, alternated`);
  console.log(`${'figure'.padEnd(58)} ${'median'.padStart(7)} ${'min'.padStart(7)} ${'max'.padStart(7)}  unit target`);
  row('paste to the frame "cut at 4,000 characters"', stats(pasted.map((r) => r.pasteMs)), 'ms', '< 1000');
  row('CPU in 3 s once settled, after the paste', stats(pasted.map((r) => r.idleMs)), 'ms', `(${(stats(pasted.map((r) => r.idleMs)).median / 30).toFixed(1)}% of a core)`);
  row('CPU in 3 s once settled, nothing pasted', stats(plain.map((r) => r.idleMs)), 'ms', `(${(stats(plain.map((r) => r.idleMs)).median / 30).toFixed(1)}% of a core)`);
  const ratio = pairedRatio(pasted.map((r) => r.idleMs + 10), plain.map((r) => r.idleMs + 10));
  console.log(`${'ratio pasted / nothing pasted (each + one tick, run by run)'.padEnd(58)} ${ratio.toFixed(2).padStart(7)}${''.padStart(16)}  x`);
} finally {
  rmSync(home, { recursive: true, force: true });
}
