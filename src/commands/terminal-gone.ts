import fs from 'node:fs';

// When the terminal goes away (its window closed, ssh dropped), the kernel sends SIGHUP, reads
// from it fail with EIO and writes with EIO or EPIPE. None of that may crash prep: the screen
// is let go, and prep ends with 129 like any program a hang-up ended.

const GONE = new Set(['EIO', 'EPIPE', 'ECONNRESET', 'ENXIO', 'EBADF']);

/** True for the error a read or write on a terminal that went away fails with. */
export function isHangUpError(err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  return code !== undefined && GONE.has(code);
}

/**
 * Calls `onGone` once when stdin or stdout report the terminal gone; other stream errors are
 * left to the default handling. Returns a function that stops listening (the listeners that keep
 * a late EIO from becoming an uncaught exception stay).
 */
export function watchTerminal(onGone: () => void): () => void {
  let fired = false;
  const handler = (err: unknown) => {
    if (!isHangUpError(err)) throw err;
    if (!fired) {
      fired = true;
      onGone();
    }
  };
  const streams = [process.stdin, process.stdout, process.stderr];
  for (const s of streams) s.on('error', handler);
  return () => {
    for (const s of streams) {
      s.off('error', handler);
      // A final frame written to a dead terminal fails after the screen is gone: ignore it.
      s.on('error', (err) => {
        if (!isHangUpError(err)) throw err;
      });
    }
  };
}

/** True when standard output is a terminal that no longer answers (a hung-up terminal fails every write). */
export function terminalGone(): boolean {
  if (!process.stdout.isTTY) return false;
  try {
    fs.writeSync(1, '');
    return false;
  } catch (err) {
    return isHangUpError(err);
  }
}

/**
 * Closes the descriptors of a terminal that is gone. At exit Node puts back the terminal modes
 * it found at start, and on a hung-up terminal that fails an assertion (a native crash, SIGSEGV
 * or SIGABRT, with a stack trace); a closed descriptor is skipped.
 */
export function letGoOfDeadTerminal(): void {
  const ttys = [process.stdin.isTTY, process.stdout.isTTY, process.stderr.isTTY];
  ttys.forEach((isTty, fd) => {
    if (!isTty) return;
    try {
      fs.closeSync(fd);
    } catch {
      // Already closed.
    }
  });
}
