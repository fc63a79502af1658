import os from 'node:os';
import path from 'node:path';
import { StoreError } from './store-error.js';

/** Where prep keeps its files. Nothing here exists until someone writes to it. */
export interface PrepPaths {
  /** Review data root. */
  dataDir: string;
  /** Holds settings.json. */
  configDir: string;
  /** The user's own decks. */
  decksDir: string;
  /** One `<deck>.jsonl` review log per deck. */
  logsDir: string;
  /** Rebuildable data only: safe to delete. */
  cacheDir: string;
}

/** The XDG base dir in `value`, or `fallback` when unset, empty or relative (the spec says ignore those). */
function xdgDir(value: string | undefined, fallback: string): string {
  return value && path.isAbsolute(value) ? value : fallback;
}

/**
 * Resolves prep's folders. `PREP_HOME` puts everything in one folder (tests, portable
 * installs); otherwise the XDG base directories are used. Pure: creates nothing.
 */
export function resolvePaths(env: NodeJS.ProcessEnv = process.env, home = os.homedir()): PrepPaths {
  const prepHome = env.PREP_HOME;
  if (prepHome) {
    const root = path.resolve(prepHome);
    return {
      dataDir: root,
      configDir: root,
      decksDir: path.join(root, 'decks'),
      logsDir: path.join(root, 'logs'),
      cacheDir: path.join(root, 'cache'),
    };
  }
  const dataDir = path.join(xdgDir(env.XDG_DATA_HOME, path.join(home, '.local', 'share')), 'prep');
  const configDir = path.join(xdgDir(env.XDG_CONFIG_HOME, path.join(home, '.config')), 'prep');
  const cacheDir = path.join(xdgDir(env.XDG_CACHE_HOME, path.join(home, '.cache')), 'prep');
  return {
    dataDir,
    configDir,
    decksDir: path.join(configDir, 'decks'),
    logsDir: path.join(dataDir, 'logs'),
    cacheDir,
  };
}

/**
 * The review log file of `deck`. Deck names become file names, so one that could escape
 * the logs folder (`../x`, `a/b`) is refused with a StoreError.
 */
export function reviewLogPath(logsDir: string, deck: string): string {
  if (deck === '' || deck === '.' || deck === '..' || /[/\\\0]/.test(deck)) {
    throw new StoreError(`"${deck}" cannot be used as a deck file name`, logsDir);
  }
  return path.join(logsDir, `${deck}.jsonl`);
}
