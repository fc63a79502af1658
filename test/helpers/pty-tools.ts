import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { Pty, type PtyOptions } from './pty.js';
import { PREP } from './run-cli.js';

/** The pid of a process whose parent is `parent`, from /proc; null if there is none (yet). */
export function childOf(parent: number): number | null {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // The command name in (...) may hold spaces: the fields that matter come after it.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === parent) return Number(entry);
    } catch {
      // The process ended while we looked.
    }
  }
  return null;
}

/**
 * Runs prep in a real terminal through a shell that, once prep has exited, prints prep's exit
 * status and the terminal's modes (`stty -a`): what the user's shell would get back.
 */
export class ShellPty extends Pty {
  /** `program`: the script node runs, the built prep unless a test built its own variant. */
  constructor(args: string[], opts: PtyOptions = {}, program = PREP) {
    super(['sh', '-c', 'node "$0" "$@"; echo "prep exited with $?"; stty -a', program, ...args], opts);
  }

  /** The pid of prep itself (the shell's child), waiting for it to start. */
  async prepPid(timeoutMs = 5000): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const sh = this.pid();
      const pid = sh === null ? null : childOf(sh);
      if (pid !== null) return pid;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error('prep did not start');
  }

  /**
   * Waits until prep has put its terminal in raw mode. Ink does so just after its first frame;
   * a Ctrl+C typed before that is turned into SIGINT by the terminal instead of reaching prep.
   */
  async rawMode(timeoutMs = 5000): Promise<void> {
    const tty = readlinkSync(`/proc/${await this.prepPid()}/fd/0`);
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (/(^|\s)-icanon(\s|$)/.test(execFileSync('stty', ['-F', tty, '-a'], { encoding: 'utf8' }))) return;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error('prep never put its terminal in raw mode');
  }

  /** Sends a signal to prep itself, not to the shell around it. */
  async signal(sig: NodeJS.Signals): Promise<void> {
    process.kill(await this.prepPid(), sig);
  }

  /** Prep's exit status as the shell saw it (128 + n when a signal ended it), once it has exited. */
  async exitStatus(): Promise<number> {
    const screen = await this.waitFor(/prep exited with \d+[\s\S]*speed/);
    return Number(/prep exited with (\d+)/.exec(screen)![1]);
  }

  /** True when the terminal was back in its usual mode after prep: line editing and echo on (raw mode off). */
  async cooked(): Promise<boolean> {
    // All of `stty -a` is in only once the shell, and with it the terminal, has gone.
    await this.exited;
    const after = this.raw.slice(this.raw.lastIndexOf('prep exited with'));
    return /(^|\s)icanon(\s|$)/.test(after) && /(^|\s)echo(\s|$)/.test(after);
  }
}

/**
 * Changes the size of the terminal a running program sits in, as a window resize does: the
 * kernel then sends the program SIGWINCH. `stty -F` sets the size on the program's own terminal
 * device, found through its standard input.
 */
export function resizePty(pty: Pty, cols: number, rows: number, pid = pty.pid()): void {
  if (pid === null) throw new Error('the program has not started');
  const tty = readlinkSync(`/proc/${pid}/fd/0`);
  execFileSync('stty', ['-F', tty, 'cols', String(cols), 'rows', String(rows)]);
  pty.term.resize(cols, rows);
}
