import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';

/** A throwaway PREP_HOME folder, so a test never touches the real user data. */
export interface TempHome {
  /** The folder (absolute, real path). */
  dir: string;
  /** `process.env` plus PREP_HOME=dir, for resolvePaths or a child process. */
  env: NodeJS.ProcessEnv;
  /** Deletes the folder and everything in it. */
  cleanup(): void;
}

/** Makes a fresh temp folder to use as PREP_HOME. Call `cleanup()` when done. */
export function makeTempHome(prefix = 'prep-test-'): TempHome {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
  return {
    dir,
    env: { ...process.env, PREP_HOME: dir },
    cleanup: () => {
      // A test may have made a file read-only or unreadable: give write access back first.
      restoreAccess(dir);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

function restoreAccess(dir: string): void {
  try {
    fs.chmodSync(dir, 0o700);
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) restoreAccess(path.join(dir, entry.name));
    }
  } catch {
    // rmSync below reports anything that really stands in the way.
  }
}

/**
 * Gives each test of the current file its own temp PREP_HOME (made before, removed after).
 * Returns a getter for the current one.
 */
export function useTempHome(prefix?: string): () => TempHome {
  let current: TempHome | undefined;
  beforeEach(() => {
    current = makeTempHome(prefix);
  });
  afterEach(() => {
    current?.cleanup();
    current = undefined;
  });
  return () => {
    if (!current) throw new Error('useTempHome(): no temp home outside a test');
    return current;
  };
}

/**
 * Temp folders made on demand inside a test (any number), all removed after it. Returns the
 * maker: `const tempDir = useTempDirs('prep-x-'); ... tempDir()`.
 */
export function useTempDirs(prefix = 'prep-test-'): () => string {
  let made: TempHome[] = [];
  afterEach(() => {
    for (const home of made) home.cleanup();
    made = [];
  });
  return () => {
    const home = makeTempHome(prefix);
    made.push(home);
    return home.dir;
  };
}
