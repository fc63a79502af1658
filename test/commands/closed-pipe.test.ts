import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { PREP } from '../helpers/run-cli.js';
import { makeTempHome, type TempHome } from '../helpers/temp-home.js';

// Runs the built bundle (npm test builds it first) with its output read by a reader that has
// already gone, as `prep list | head -1` is once head has its line.

let home: TempHome;
beforeEach(() => {
  home = makeTempHome();
});
afterEach(() => home.cleanup());

/** Runs prep with its stdout's read end closed before prep writes a byte. */
function withClosedStdout(args: string[]): Promise<{ code: number | null; signal: string | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [PREP, ...args], {
      env: { ...process.env, ...home.env, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stderr }));
  });
}

describe('a reader that closes the pipe early', () => {
  const runs = [['--help'], ['list'], ['stats', 'coder'], ['list', '--json']].map((args) => [args.join(' '), args] as const);
  it.each(runs)('prep %s ends quietly with success', async (_, args) => {
    const run = await withClosedStdout([...args]);
    expect(run.stderr).not.toMatch(/EPIPE|Error|at /);
    expect(run.stderr).toBe('');
    expect(run).toMatchObject({ code: 0, signal: null });
  });
});
