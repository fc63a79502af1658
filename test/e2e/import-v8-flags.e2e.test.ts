import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PREP } from '../helpers/run-cli.js';

// `prep import` sets V8 flags on itself at run time, and V8 ignores a flag it does not know
// without a word: these read back, in a real import process on the Node running the tests, that
// the flags took effect. The memory they save is shown by `npm run bench -- import`.
describe('prep import holds its memory down with V8 flags that take effect', () => {
  let home: string;
  beforeEach(() => {
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'prep-imp-v8-'));
  });
  afterEach(() => fs.rmSync(home, { recursive: true, force: true }));

  /** A sheet of 1,500 questions: long enough for V8 to compile import's hot code and to collect its young objects many times. */
  function sheet(): string {
    const questions = Array.from(
      { length: 1500 },
      (_, i) => `**${i + 1}. How would you cut latency in service ${i}?**\n\nWe traced the slow path and cached the lookups; latency fell by ${i % 90}%.\n\nThen we moved the retries behind a budget so one slow call could not stall the rest.\n\n`,
    );
    const file = path.join(home, 'sheet.md');
    fs.writeFileSync(file, `# Acme — Backend\n\n## Likely Questions\n\n${questions.join('')}`);
    return file;
  }

  /** Runs `prep import` with V8's trace of optimized compiles (and of TurboFan's inlining), and the young generation's size read at start and at exit. */
  function importTraced(file: string, nodeArgs: string[] = []) {
    const probe = path.join(home, 'probe.mjs');
    fs.writeFileSync(
      probe,
      [
        "import v8 from 'node:v8';",
        "const young = () => v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size;",
        'const start = young();',
        "process.on('exit', () => process.stderr.write(`young generation: ${start} ${young()}\\n`));",
      ].join('\n'),
    );
    const r = spawnSync(process.execPath, [...nodeArgs, '--import', probe, '--trace-opt', '--trace-turbo-inlining', PREP, 'import', file], {
      env: { ...process.env, PREP_HOME: path.join(home, 'home'), NO_COLOR: '1' },
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    const [, start, end] = /young generation: (\d+) (\d+)/.exec(r.stderr) ?? [];
    const lines = r.stdout.split('\n');
    const compiled = (target: string) => lines.filter((l) => l.startsWith('[completed compiling') && l.includes(`(target ${target})`)).length;
    // Where each Maglev job ran: on the main thread (kSynchronous) or handed to a helper thread (kConcurrent).
    const maglevJobs = (mode: string) => lines.filter((l) => l.startsWith('[compiling method') && l.includes('(target MAGLEV), mode: ConcurrencyMode::' + mode)).length;
    return {
      code: r.status,
      youngAtStart: Number(start),
      youngAtExit: Number(end),
      maglev: compiled('MAGLEV'),
      turbofan: compiled('TURBOFAN'),
      onMainThread: maglevJobs('kSynchronous'),
      onHelperThreads: maglevJobs('kConcurrent'),
      // TurboFan's trace of the calls it considers inlining, one line a call site.
      inliningConsidered: lines.filter((l) => / candidate\(s\) for inlining:$/.test(l)).length,
    };
  }

  it('the young generation grows at most once, before prep sets the flag (V8 would double it up to 32 MB)', () => {
    const r = importTraced(sheet());
    expect(r.code).toBe(0);
    expect(r.youngAtStart).toBeGreaterThan(0);
    // Measured from before Node's own start-up, which may grow it once (1 -> 2 MB) before prep runs.
    expect(r.youngAtExit).toBeLessThanOrEqual(2 * r.youngAtStart);
  });

  const maglev = (process.config.variables as { v8_enable_maglev?: unknown }).v8_enable_maglev === 1;

  it.runIf(maglev)('where V8 has Maglev (Node 24), hot code is compiled by Maglev only, never a second time by TurboFan', () => {
    const r = importTraced(sheet());
    expect(r.code).toBe(0);
    expect(r.maglev).toBeGreaterThan(20);
    expect(r.turbofan).toBe(0);
  });

  it.runIf(maglev)("where V8 has Maglev, its jobs run on the main thread, whose memory the C library hands back, not on helper threads that keep it", () => {
    const r = importTraced(sheet());
    expect(r.code).toBe(0);
    // Left to itself V8 hands every job to a helper thread. A few still go there: Node's own
    // start-up code, marked before prep sets the flags, and a handful of others.
    expect(r.onMainThread).toBeGreaterThan(20);
    expect(r.onHelperThreads).toBeLessThan(r.onMainThread / 10);
  });

  /** The same sheet, then a note of code past 2 MB (the size up to which TurboFan stays off): the same hot code, in an input over that size. */
  function bigSheet(): string {
    const file = sheet();
    fs.appendFileSync(file, `## Notes\n\n\`\`\`\n${`${'x'.repeat(99)}\n`.repeat(21_000)}\`\`\`\n`);
    expect(fs.statSync(file).size).toBeGreaterThan(2 * 1024 * 1024);
    return file;
  }

  it.runIf(!maglev)('without Maglev (Node 20, 22), an input up to 2 MB runs hot without TurboFan, whose memory alone is 10x a 1 MB input', () => {
    const file = sheet();
    const r = importTraced(file);
    expect(r.code).toBe(0);
    // The same file with TurboFan left on, as a user's own --turbofan does: it does compile this sheet's hot code.
    expect(importTraced(file, ['--turbofan']).turbofan).toBeGreaterThan(20);
    expect(r.turbofan).toBe(0);
  });

  it.runIf(!maglev)('without Maglev, over 2 MB TurboFan compiles the hot code, one function at a time, without inlining what it calls', () => {
    const r = importTraced(bigSheet());
    expect(r.code).toBe(0);
    expect(r.turbofan).toBeGreaterThan(20);
    expect(r.inliningConsidered).toBe(0);
  });

  it.runIf(!maglev)("TurboFan inlines again when the user asks for it: the user's own choice of compiler flags wins", () => {
    const r = importTraced(sheet(), ['--turbo-inlining']);
    expect(r.code).toBe(0);
    expect(r.turbofan).toBeGreaterThan(20);
    expect(r.inliningConsidered).toBeGreaterThan(20);
  });
});
