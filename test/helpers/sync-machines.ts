import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect } from 'vitest';
import { findGit } from '../../src/commands/git.js';
import type { StatsJson } from '../../src/core/stats/json-shapes.js';
import { ReviewLog, type Grade, type LogRecord } from '../../src/core/store/review-log.js';
import { gradeRecord, logFile, putDeck } from './e2e-home.js';
import { PREP, runCli, type CliResult } from './run-cli.js';

/** Whether the sync tests run: git is there, or CI (PREP_REQUIRE_TOOLS=1) says it must be. */
export const HAS_GIT = findGit() !== undefined || process.env.PREP_REQUIRE_TOOLS === '1';

/** A deck of five questions, q1 to q5. */
export const FIVE = `title: Five
questions:
${[1, 2, 3, 4, 5].map((n) => `  - id: q${n}\n    question: Question ${n}?\n    answer: Answer ${n}.\n`).join('')}`;

/** One machine: its own PREP_HOME, and git that sees no global or system config. */
export interface Machine {
  /** The data folder: the repository. */
  home: string;
  /** Where the decks folder and settings.json are. */
  configHome: string;
  env: NodeJS.ProcessEnv;
  prep(...args: string[]): Promise<CliResult>;
  /** Saves a grade through prep's own log writer, as the drill does. */
  grade(card: string, grade: Grade, at: Date): void;
  /** Saves a given record (the same one on two machines, say) through prep's log writer. */
  append(record: LogRecord): void;
  stats(): Promise<StatsJson>;
  git(...args: string[]): string;
}

/** The environment of every git the tests run, prep's included: nothing from the user's config. */
export function isolatedEnv(root: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of Object.keys(env)) if (k.startsWith('GIT_') || k.startsWith('XDG_')) delete env[k];
  fs.writeFileSync(path.join(root, 'gitconfig'), '');
  return { ...env, HOME: root, GIT_CONFIG_GLOBAL: path.join(root, 'gitconfig'), GIT_CONFIG_NOSYSTEM: '1', NO_COLOR: '1', ...extra };
}

/**
 * A machine. With `xdg`, no PREP_HOME: decks and settings in its XDG config folder, logs in its
 * XDG data folder, as on most users' machines; `home` is then the data folder (the repository).
 */
export function machine(root: string, name: string, opts: { xdg?: boolean } = {}): Machine {
  const base = path.join(root, name);
  const home = opts.xdg ? path.join(base, 'data', 'prep') : base;
  const configHome = opts.xdg ? path.join(base, 'config', 'prep') : base;
  fs.mkdirSync(home, { recursive: true });
  putDeck(configHome, 'five', FIVE);
  const where = opts.xdg
    ? { XDG_CONFIG_HOME: path.join(base, 'config'), XDG_DATA_HOME: path.join(base, 'data'), XDG_CACHE_HOME: path.join(base, 'cache') }
    : { PREP_HOME: home };
  const env = isolatedEnv(root, where);
  delete env[opts.xdg ? 'PREP_HOME' : 'XDG_CONFIG_HOME'];
  const prep = (...args: string[]) => runCli(args, { env, cwd: base });
  return {
    home,
    configHome,
    env,
    prep,
    grade(card, grade, at) {
      this.append(gradeRecord('five', card, grade, at));
    },
    append(record) {
      const { log } = ReviewLog.open(logFile(home, 'five'));
      log.append(record);
      log.close();
    },
    async stats() {
      const r = await prep('stats', 'five', '--json');
      if (r.code !== 0) throw new Error(`prep stats failed: ${r.stderr}`);
      return JSON.parse(r.stdout) as StatsJson;
    },
    git: (...args) => execFileSync('git', args, { cwd: home, env, encoding: 'utf8' }),
  };
}

/** A bare repository to sync through, as a server would hold it. */
export function bareRemote(root: string): string {
  const dir = path.join(root, 'remote.git');
  execFileSync('git', ['init', '--quiet', '--bare', dir], { env: isolatedEnv(root) });
  return dir;
}

/** What must be the same on both machines: each card's schedule. */
export function schedules(s: StatsJson) {
  return s.cards.map((c) => ({ id: c.id, state: c.state, due: c.due, stability: c.stability, difficulty: c.difficulty, reps: c.reps, lapses: c.lapses }));
}

/** How a sync stopped by {@link syncKilledAt} ended. */
export interface Stopped {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

/**
 * Runs `prep sync` and stops it once the git hook `hook` of the machine's repository is reached.
 * By default with SIGKILL to the whole process group (prep, git and the hook), as a power cut
 * would stop it there; `signal` sends another signal, to prep alone (as `kill <pid>` does) or,
 * with `group`, to all of them (as Ctrl+C in a terminal does). Whatever is left of the group
 * afterwards (the hook, say) is killed before this returns.
 */
export async function syncKilledAt(m: Machine, hook: 'pre-commit' | 'pre-push', how: { signal?: NodeJS.Signals; group?: boolean } = {}): Promise<Stopped> {
  const { signal = 'SIGKILL', group = signal === 'SIGKILL' } = how;
  const marker = path.join(m.home, '..', `${hook}.reached`);
  const hookFile = path.join(m.home, '.git', 'hooks', hook);
  const onlyMerge = hook === 'pre-commit' ? 'git rev-parse -q --verify MERGE_HEAD >/dev/null || exit 0\n' : '';
  fs.writeFileSync(hookFile, `#!/bin/sh\n${onlyMerge}: > '${marker}'\nsleep 60\n`, { mode: 0o755 });
  const child = spawn(process.execPath, [PREP, 'sync'], { env: m.env, cwd: m.home, detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const closed = new Promise<Stopped>((resolve) => child.on('close', (code, sig) => resolve({ code, signal: sig, stderr })));
  try {
    for (let i = 0; !fs.existsSync(marker); i++) {
      if (i > 600) throw new Error(`prep sync never reached the ${hook} hook`);
      await new Promise((r) => setTimeout(r, 50));
    }
    process.kill(group ? -child.pid! : child.pid!, signal);
    const stopped = await closed;
    return { ...stopped, stderr };
  } finally {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // the whole group has gone already
    }
    fs.rmSync(hookFile, { force: true });
    fs.rmSync(marker, { force: true });
  }
}

/** Runs `prep sync ...args` and expects it to succeed quietly; returns what it printed. */
export async function syncOk(m: Machine, ...args: string[]): Promise<string> {
  const r = await m.prep('sync', ...args);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return r.stdout;
}

/** A temp folder per test for the remote and the machines, and the usual start: A and B in sync. */
export function useSyncWorld() {
  let root = '';
  beforeEach(() => {
    root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'prep-sync-')));
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));
  return () => ({
    root,
    /** A and B set up on one remote, both holding the deck, nothing graded yet. */
    async twoMachines(opts: { xdg?: boolean } = {}): Promise<{ a: Machine; b: Machine; remote: string }> {
      const remote = bareRemote(root);
      const a = machine(root, 'A', opts);
      const b = machine(root, 'B', opts);
      expect(await syncOk(a, '--init', remote)).toBe('synced; no reviews yet\n');
      expect(await syncOk(b, '--init', remote)).toBe('synced; no reviews yet\n');
      await syncOk(a);
      return { a, b, remote };
    },
  });
}
