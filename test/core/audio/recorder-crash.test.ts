import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, open, close, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterEach, describe, expect, it } from 'vitest';
import { hasTool, runWithTool } from '../../helpers/tools.js';

// A crash (an uncaught exception) must not leave the recorder running. The recorder here is the
// real sox, reading a FIFO that stays open and silent, so only a kill ends it: sox takes SIGTERM
// as "finish the current read", which never comes.
const RECORDER = fileURLToPath(new URL('../../../src/core/audio/recorder.ts', import.meta.url));
let dir = '';
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = '';
});
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe.skipIf(!runWithTool('sox'))('the recorder and a crash', () => {
  it('an uncaught exception ends the program and its recorder with it', async () => {
    expect(hasTool('sox'), 'sox is required (PREP_REQUIRE_TOOLS=1) but not on PATH').toBe(true);
    dir = mkdtempSync(join(tmpdir(), 'prep-crash-'));
    const fifo = join(dir, 'mic.wav');
    execFileSync('mkfifo', [fifo]);
    const script = join(dir, 'crash.mjs');
    const out = await build({
      stdin: {
        contents: `import { findRecorder, startRecorder } from ${JSON.stringify(RECORDER)};
          const r = startRecorder(findRecorder(process.env), () => {}, () => {});
          console.log(r.child.pid);
          setTimeout(() => { throw new Error('a bug'); }, 500);`,
        resolveDir: dir,
        loader: 'ts',
      },
      bundle: true,
      platform: 'node',
      format: 'esm',
      write: false,
      logLevel: 'silent',
    });
    writeFileSync(script, out.outputFiles[0]!.text);
    // Hold the FIFO open for writing (and write nothing), as a silent microphone would.
    let fd: number | null = null;
    open(fifo, 'w', (err, opened) => void (err ? undefined : (fd = opened)));

    const child = spawn(process.execPath, [script], { env: { ...process.env, PREP_RECORD_INPUT: fifo }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(1);
    const sox = Number(stdout.trim());
    expect(sox).toBeGreaterThan(0);
    for (let i = 0; i < 40 && alive(sox); i++) await new Promise((r) => setTimeout(r, 50));
    expect(alive(sox)).toBe(false);
    if (fd !== null) close(fd, () => undefined);
  });
});
