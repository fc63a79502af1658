import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The built program (npm test builds it before vitest runs). */
export const PREP = fileURLToPath(new URL('../../dist/prep.js', import.meta.url));

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Wall time of the whole run, start-up included. */
  ms: number;
}

/**
 * Runs `node dist/prep.js ...args` with pipes for stdin, stdout and stderr (so none is a
 * terminal), and collects what it printed.
 */
export function runCli(args: string[], opts: { env?: NodeJS.ProcessEnv; cwd?: string; input?: string } = {}): Promise<CliResult> {
  const started = performance.now();
  const child = spawn(process.execPath, [PREP, ...args], { cwd: opts.cwd, env: opts.env ?? process.env, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  child.stdin.end(opts.input ?? '');
  return new Promise((resolve) => {
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr, ms: performance.now() - started }));
  });
}

/** Stack frames and error class names ("TypeError:"): what a user must never see instead of a sentence. */
export const STACK_TRACE = /^\s+at |[A-Za-z]*Error:|node:internal/m;
