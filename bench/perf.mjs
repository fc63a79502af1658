// `npm run bench` (or `-- perf`): start-up, deck size, grade latency, memory and the read-only
// commands, as one table. Every figure is a median of alternated runs in a pseudo-terminal;
// compare the ratios, which are measured side by side in the same run.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeDeck, writeLog } from './generate.mjs';
import { compareNodes } from './nodes.mjs';
import { alternate, pairedRatio, runInPty, startupContenders, stats, timeToFirstFrame } from './pty-time.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const PREP = join(root, 'dist/prep.js');
const RUNS = Math.max(10, Number(process.env.BENCH_RUNS ?? 10));
const SIZES = [100, 1000, 10000];
const REVIEWS = 50000;

const rows = [];
const row = (figure, s, unit, target = '') => rows.push({ figure, ...s, unit, target });
const fmt = (n, unit) => (n == null ? '-' : unit === 'x' ? n.toFixed(2) : n.toFixed(unit === 'ms' && n < 10 ? 2 : 0));

function print() {
  const w = Math.max(...rows.map((r) => r.figure.length));
  console.log(`${'figure'.padEnd(w)}  ${'median'.padStart(8)}  ${'min'.padStart(8)}  ${'max'.padStart(8)}  unit  target`);
  for (const r of rows) {
    console.log(`${r.figure.padEnd(w)}  ${fmt(r.median, r.unit).padStart(8)}  ${fmt(r.min, r.unit).padStart(8)}  ${fmt(r.max, r.unit).padStart(8)}  ${r.unit.padEnd(4)}  ${r.target}`);
  }
}

const ratio = (a, b) => ({ median: a.median / b.median, min: null, max: null });
const home = mkdtempSync(join(tmpdir(), 'prep-bench-'));
const env = { ...process.env, PREP_HOME: home };
const clearCaches = () => {
  rmSync(join(home, 'cache'), { recursive: true, force: true });
  rmSync(join(home, 'snapshots'), { recursive: true, force: true });
};

try {
  console.log(`node ${process.version} · ${process.platform} ${process.arch} · ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'} · ${RUNS} runs each (start-up: ${2 * RUNS})`);

  // 1. Start-up against a minimal Ink app bundled the same way, and bare node: twice the runs of
  // the other figures, as the comparison this machine's noise moves most.
  const drill = (deck) => ['node', PREP, 'drill', deck];
  const startup = await alternate(startupContenders(root, env), 2 * RUNS);
  const [p, i, n] = ['prep', 'ink', 'node'].map((k) => stats(startup[k]));
  row('first frame: prep drill coder', p, 'ms');
  row('first frame: minimal Ink app', i, 'ms');
  row('first frame: node -e 0', n, 'ms');
  row('ratio prep / minimal Ink app', ratio(p, i), 'x', '<= 1.25 (stretch 1.15)');
  row('  the same, median of run-by-run ratios', { median: pairedRatio(startup.prep, startup.ink), min: null, max: null }, 'x');
  row('ratio prep / node -e 0', ratio(p, n), 'x');

  // 2. Deck size: first run (no cache, no snapshot) and repeat run; the largest deck also has
  // a year of history (50,000 reviews).
  for (const size of SIZES) {
    writeDeck(home, `n${size}`, size);
    if (size === 10000) writeLog(home, `n${size}`, size, REVIEWS);
  }
  const rss = [];
  const contenders = [{ name: 'coder', run: () => timeToFirstFrame(drill('coder'), 'quit', { env }) }];
  for (const size of SIZES) {
    contenders.push({
      name: `first ${size}`,
      run: async () => {
        clearCaches();
        return timeToFirstFrame(drill(`n${size}`), 'quit', { env, timeoutMs: 60000 });
      },
    });
    contenders.push({
      name: `repeat ${size}`,
      run: async () => {
        // The largest deck's repeat runs also give its peak memory, read 300 ms after the first frame.
        const r = await runInPty(drill(`n${size}`), { marker: 'quit', env, rssAfterMs: size === 10000 ? 300 : undefined });
        if (size === 10000) rss.push(r.rssMb);
        return r.ms;
      },
    });
  }
  // Warm the caches once so "repeat" means repeat.
  for (const size of SIZES) await timeToFirstFrame(drill(`n${size}`), 'quit', { env, timeoutMs: 60000 });
  const sized = await alternate(contenders, RUNS);
  const coder = stats(sized.coder);
  row('first frame: coder deck (same batch)', coder, 'ms');
  for (const size of SIZES) {
    const label = size === 10000 ? `${size} cards + ${REVIEWS / 1000}k reviews` : `${size} cards`;
    row(`first frame, first run: ${label}`, stats(sized[`first ${size}`]), 'ms');
    row(`first frame, repeat run: ${label}`, stats(sized[`repeat ${size}`]), 'ms');
  }
  row('ratio repeat 10,000 / coder', ratio(stats(sized['repeat 10000']), coder), 'x', '<= 1.25');

  // 3. Grade -> durable latency with the big history.
  for (const [mode, label] of [['due', 'drill'], ['all', 'drill --all']]) {
    const samples = JSON.parse(execFileSync('node', [join(root, 'dist/bench/grade-latency.js'), 'n10000', '200', mode], { env, encoding: 'utf8' }));
    const g = stats(samples);
    row(`grade -> durable, p50 (${label}, 200 grades)`, { median: g.median, min: g.min, max: g.max }, 'ms');
    row(`grade -> durable, p95 (${label}, 200 grades)`, { median: g.p95, min: null, max: null }, 'ms', '<= 5');
  }

  // 4. Peak memory at 10,000 cards and 50,000 reviews (from the repeat runs above).
  row('peak RSS: drill, 10,000 cards + 50k reviews', stats(rss), 'MB', '<= 110');

  // 5. The read-only commands at that size, then with twice the history (100,000 reviews): they
  // read the snapshot and what follows it; stats also reads the counts kept beside the snapshot.
  const readOnly = async (label, runEnv = env, note = '') => {
    const out = {};
    for (const cmd of ['stats', 'list']) {
      const argv = cmd === 'stats' ? ['node', PREP, 'stats', 'n10000'] : ['node', PREP, 'list'];
      const xs = [];
      for (let k = 0; k < RUNS; k++) xs.push((await runInPty(argv, { env: runEnv, cols: 120, rows: 60 })).ms);
      out[cmd] = stats(xs);
      row(`${note ? '  ' : ''}prep ${cmd} at 10,000 cards + ${label} reviews${note}`, out[cmd], 'ms', note ? '' : '< 300');
    }
    return out;
  };
  // The first-run rows above left only the last deck drilled with a cache: one start of each deck
  // puts back what a user who has drilled them has, so list measures cached decks, not YAML parsing.
  // The shipped coder deck is listed too (its cache went with the last first-run row's clearing).
  for (const deck of ['coder', ...SIZES.map((size) => `n${size}`)]) await timeToFirstFrame(drill(deck), 'quit', { env, timeoutMs: 60000 });
  const at50 = await readOnly('50k');
  // Where the machine sets NODE_EXTRA_CA_CERTS (this one does), every Node reads and parses that
  // certificate file as it starts, before any of prep's code: tens of milliseconds of each run
  // here, which a machine without it never spends. The same two figures without it, labelled.
  if (process.env.NODE_EXTRA_CA_CERTS) {
    const { NODE_EXTRA_CA_CERTS: _, ...plain } = env;
    await readOnly('50k', plain, ', no NODE_EXTRA_CA_CERTS');
  }
  writeLog(home, 'n10000', 10000, 2 * REVIEWS);
  // A drill start rebuilds the snapshot for the new log, as after a year more of grades.
  for (let k = 0; k < 2; k++) await timeToFirstFrame(drill('n10000'), 'quit', { env, timeoutMs: 60000 });
  const at100 = await readOnly('100k');
  for (const cmd of ['stats', 'list']) row(`  growth of prep ${cmd}, 100k / 50k reviews`, ratio(at100[cmd], at50[cmd]), 'x', '< 2');

  // 6. Start-up on every supported Node, the compile cache warm where Node has one.
  await compareNodes(root, env, RUNS, row);
  print();
} finally {
  rmSync(home, { recursive: true, force: true });
}
