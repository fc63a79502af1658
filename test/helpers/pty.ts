import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import xterm from '@xterm/headless';

const { Terminal } = xterm;

/**
 * The environment of a person's terminal: without CI markers, because Ink (through is-in-ci)
 * draws only the final frame when it believes it runs in CI, and CI sets CI=true.
 */
export function terminalEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(env)) if (k !== 'CI' && k !== 'CONTINUOUS_INTEGRATION' && !k.startsWith('CI_')) out[k] = v;
  return out;
}

/** True when `raw` ends inside a synchronized-output block (`ESC[?2026h` with no `ESC[?2026l` after it). */
function midFrame(raw: string): boolean {
  return raw.lastIndexOf('\x1b[?2026h') > raw.lastIndexOf('\x1b[?2026l');
}

/** Quotes a word for /bin/sh. */
const sh = (w: string) => `'${w.replace(/'/g, `'\\''`)}'`;

export interface PtyOptions {
  cols?: number;
  rows?: number;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
}

/**
 * A program running in a real pseudo-terminal, through util-linux `script` (no native addon
 * to compile), with its screen kept by a headless xterm so tests read what a person would see.
 */
export class Pty {
  readonly term: InstanceType<typeof Terminal>;
  /** Every byte the program wrote to the terminal, for scans of raw escape sequences. */
  raw = '';
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private readonly child: ChildProcess;
  private readonly pidDir: string;
  private pending = Promise.resolve();

  constructor(argv: string[], opts: PtyOptions = {}) {
    const cols = opts.cols ?? 80;
    const rows = opts.rows ?? 24;
    this.term = new Terminal({ cols, rows, allowProposedApi: true });
    this.pidDir = mkdtempSync(join(tmpdir(), 'prep-pty-'));
    const pidFile = join(this.pidDir, 'pid');
    // `exec` makes the shell's pid the program's, so kill() reaches the program itself.
    const inner = `stty cols ${cols} rows ${rows}; echo $$ > ${sh(pidFile)}; exec ${argv.map(sh).join(' ')}`;
    this.child = spawn('script', ['-qfec', inner, '/dev/null'], {
      cwd: opts.cwd,
      env: { TERM: 'xterm-256color', ...terminalEnv(opts.env ?? process.env) },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.child.stdout!.setEncoding('utf8');
    this.child.stdout!.on('data', (d: string) => {
      this.raw += d;
      this.pending = this.pending.then(() => new Promise<void>((r) => this.term.write(d, r)));
    });
    this.child.stderr!.on('data', (d: Buffer) => {
      this.raw += d.toString();
    });
    this.exited = new Promise((resolve) => this.child.on('close', (code, signal) => resolve({ code, signal })));
  }

  /** The program's own pid (not script's), once it has started. */
  pid(): number | null {
    try {
      const n = Number(readFileSync(join(this.pidDir, 'pid'), 'utf8').trim());
      return Number.isFinite(n) && n > 0 ? n : null;
    } catch {
      return null;
    }
  }

  /** Types keys, as raw bytes: ' ' for space, '\r' for enter, '\x1b' for Esc, '\x03' for Ctrl+C. */
  write(keys: string): void {
    this.child.stdin!.write(keys);
  }

  /** The visible screen as text, one line per row, trailing spaces trimmed. */
  async screen(): Promise<string> {
    await this.pending;
    const buf = this.term.buffer.active;
    const lines: string[] = [];
    for (let i = 0; i < this.term.rows; i++) lines.push(buf.getLine(buf.viewportY + i)?.translateToString(true) ?? '');
    return lines.join('\n');
  }

  /** Waits until the screen shows `what` (or passes it, a test); fails with the screen it last saw. */
  async waitFor(what: string | RegExp | ((screen: string) => boolean), timeoutMs = 10_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    let last = '';
    while (Date.now() < deadline) {
      const seen = this.raw.length;
      last = await this.screen();
      // Ink wraps each frame in synchronized-output marks; a screen read between them is half a
      // frame (a loaded machine delivers a frame in pieces), never what a person would see.
      if (midFrame(this.raw.slice(0, seen))) {
        await new Promise((r) => setTimeout(r, 5));
        continue;
      }
      if (typeof what === 'string' ? last.includes(what) : typeof what === 'function' ? what(last) : what.test(last)) return last;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`timed out waiting for ${String(what)}; screen was:\n${last}\n--- raw tail:\n${JSON.stringify(this.raw.slice(-600))}`);
  }

  /** Sends a signal to the program itself. */
  kill(signal: NodeJS.Signals): void {
    const pid = this.pid();
    if (pid) process.kill(pid, signal);
  }

  /** Closes the terminal as a closed window does: the emulator's side goes, the kernel hangs up the program's. */
  hangUp(): void {
    this.child.kill('SIGKILL');
  }

  private disposed = false;

  /** Ends everything and removes the temp folder; calling it again does nothing. */
  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    if (this.child.exitCode === null && this.child.signalCode === null) {
      try {
        this.kill('SIGKILL');
      } catch {
        /* already gone */
      }
      this.child.kill('SIGKILL');
      await this.exited;
    }
    this.term.dispose();
    rmSync(this.pidDir, { recursive: true, force: true });
  }
}
