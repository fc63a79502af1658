import fs from 'node:fs';
import { errorCode, StoreError, storeErrorFrom } from './store-error.js';

/** A lock older than this was left by a prep that died holding it (a write takes milliseconds). */
const STALE_MS = 10_000;
/** How long to wait for another prep to finish its write. */
const WAIT_MS = 15_000;

const sleeper = new Int32Array(new SharedArrayBuffer(4));
/** Blocks this thread for `ms`: the lock is taken in synchronous code, between two key presses. */
function sleepSync(ms: number): void {
  Atomics.wait(sleeper, 0, 0, ms);
}

/**
 * Runs `fn` while holding `<file>.lock`, created exclusively (O_EXCL works on every local file
 * system), so that read-modify-write cycles of several prep processes take turns instead of
 * losing each other's changes. A lock left behind by a crash is taken over once it is stale.
 *
 * @throws StoreError when the lock cannot be made (a read-only folder) or is held too long.
 */
export function withFileLock<T>(file: string, fn: () => T): T {
  const lock = `${file}.lock`;
  const deadline = Date.now() + WAIT_MS;
  for (let attempt = 0; ; attempt++) {
    let fd: number;
    try {
      fd = fs.openSync(lock, 'wx', 0o600);
    } catch (err) {
      if (errorCode(err) !== 'EEXIST') throw storeErrorFrom('could not lock', file, err);
      if (staleLock(lock)) {
        fs.rmSync(lock, { force: true });
        continue;
      }
      // Stryker disable next-line EqualityOperator: a millisecond more or less of a 15 s wait
      if (Date.now() > deadline) throw new StoreError(`could not lock ${file}: another prep has held ${lock} for over ${WAIT_MS / 1000} s`, file);
      // Stryker disable next-line ArithmeticOperator,MethodExpression: how long each pause lasts changes only how soon a freed lock is seen, not what is saved
      sleepSync(Math.min(5 + attempt * 5, 50) + Math.random() * 10);
      continue;
    }
    try {
      return fn();
    } finally {
      fs.closeSync(fd);
      fs.rmSync(lock, { force: true });
    }
  }
}

/** True when `lock` was left over STALE_MS ago. One gone by now is not: the next attempt takes it. */
function staleLock(lock: string): boolean {
  let age = 0;
  try {
    age = Date.now() - fs.statSync(lock).mtimeMs;
  } catch {
    // Gone (its holder has just finished): not stale.
  }
  // Stryker disable next-line EqualityOperator: 10 s or 10 s and a millisecond, a crash is told from a write either way
  return age > STALE_MS;
}
