import fs from 'node:fs';
import path from 'node:path';
import { deckLine, missingFrom, reviewIds } from '../core/sync/log-merge.js';
import { snapshotPath } from '../core/store/snapshot-store.js';
import { tallyPath } from '../core/store/tally-store.js';
import { inert } from '../core/text/inert.js';
import type { DeckDirs } from '../core/deck/locate.js';
import { context, openDeck } from './context.js';
import { EXIT_USAGE, UserError } from './user-error.js';
import { diskReason, gitReason, openGit } from './git.js';
import { loadProgress } from './load-progress.js';
import { readSettings } from './report-io.js';
import { mergeTheirs, type Conflict } from './sync-merge.js';
import { authorArgs, commitLocal, gitDir, logsAt, prepareTree, recover, showAt, takeLock, type Repo } from './sync-repo.js';
import { openMirror, type Mirror } from './sync-mirror.js';
import type { Move } from './sync-move.js';
import { carryIntoMerge, keepAndSay, planMoves, renamedApart } from './sync-moves.js';
import { syncStatus } from './sync-status.js';
import { restoreLostRecords } from './sync-lost.js';
import { beforeCommit, checkFolders } from './sync-checks.js';
import { restoreOnSignals } from './signals.js';
import { afterCutMerge, committedBlobs, isCommitted, markMerging, mergeDone, mergingFrom } from './sync-undo.js';

export interface SyncOptions {
  /** `--init <url>`: make the data folder a repository syncing with this remote. */
  init?: string;
  /** `--status`: say what is not synced yet, change nothing. */
  status?: boolean;
}

type Paths = ReturnType<typeof context>['paths'];

/** The data folder as a repository; throws a one-line error when it is not one (yet). */
async function openRepo(paths: Paths, env: NodeJS.ProcessEnv, init: string | undefined, stop: AbortSignal): Promise<Repo> {
  const dir = paths.dataDir;
  // Checked before anything is made: git would take "-x" for an option, and "" is no place.
  if (init !== undefined && (init.trim() === '' || init.startsWith('-'))) {
    throw new UserError(`--init needs the address of a git remote (git@github.com:you/prep-data.git, or a path to a bare repository), not "${init}"`, EXIT_USAGE);
  }
  if (init !== undefined) fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  let git = openGit(dir, env, stop);
  // ssh asks for passphrases and unknown host keys on the terminal, past GIT_TERMINAL_PROMPT:
  // batch mode makes it fail instead (keys in an agent still work). A user's own ssh command wins.
  const sshCommand = (await git.try(['config', 'core.sshCommand'])).stdout.trim();
  if (!env.GIT_SSH_COMMAND && !env.GIT_SSH && !sshCommand) git = openGit(dir, { ...env, GIT_SSH_COMMAND: 'ssh -o BatchMode=yes' }, stop);
  const top = await git.try(['rev-parse', '--show-toplevel']);
  const isRepo = top.code === 0 && path.resolve(top.stdout.trim()) === fs.realpathSync(dir);
  if (!isRepo) {
    if (init === undefined) throw new UserError(`${dir} is not set up for sync yet; run: prep sync --init <remote-url>`, 1);
    await git.run(['init', '--quiet']);
    // The branch is "main" whatever git's default: both machines must agree on it.
    await git.run(['symbolic-ref', 'HEAD', 'refs/heads/main']);
  }
  if (init !== undefined) {
    const url = await git.try(['remote', 'get-url', 'origin']);
    if (url.code !== 0) await git.run(['remote', 'add', 'origin', init]);
    else if (url.stdout.trim() !== init) await git.run(['remote', 'set-url', 'origin', init]);
  }
  return { dir, git, author: await authorArgs(git) };
}

async function revOf(repo: Repo, ref: string): Promise<string | undefined> {
  const r = await repo.git.try(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  return r.code === 0 ? r.stdout.trim() : undefined;
}

async function isAncestor(repo: Repo, a: string, b: string): Promise<boolean> {
  return (await repo.git.try(['merge-base', '--is-ancestor', a, b])).code === 0;
}

async function offline(repo: Repo, stderr: string): Promise<UserError> {
  const url = (await repo.git.try(['remote', 'get-url', 'origin'])).stdout.trim();
  // A folder or file there, but no repository: trying again later would not help. (A path not
  // there at all may be a disk not mounted yet: that is "cannot reach".)
  const local = !/^[\w.+-]+:\/\/|^[^/]+:/.test(url) && fs.existsSync(path.resolve(repo.dir, url));
  const disk = diskReason(stderr);
  if (disk) return new UserError(`could not exchange with the sync remote ${url}: ${disk}; everything is saved and committed here, make room on the disk and run prep sync again`, 1);
  if (local && /does not appear to be a git repository/.test(stderr)) {
    return new UserError(`the sync remote ${url} is not a git repository; make it one (git init --bare ${url}) or give another with prep sync --init <remote-url>; everything is saved and committed here`, 1);
  }
  return new UserError(
    `cannot reach the sync remote ${url} (${gitReason(stderr)}); everything is saved and committed here, run prep sync again when it can be reached`,
    1,
  );
}

/** Reviews per deck that `theirs` has and `ours` lacks (pulled), and the other way (pushed). */
async function counts(repo: Repo, ours: string, theirs: string | undefined, moves: Move[]) {
  const files = new Set([...(await logsAt(repo, ours)), ...(theirs ? await logsAt(repo, theirs) : [])]);
  const moved = new Set(moves.filter((m) => !m.taken).map((m) => `logs/${m.from}.jsonl`));
  // A side's reviews of a deck: its log, and, on the side that did not rename it, its log under
  // the old name; there, a name another deck took is that other deck's log.
  const ids = async (rev: string | undefined, side: Move['by'], file: string) => {
    const deck = path.basename(file, '.jsonl');
    const old = moves.filter((m) => m.to === deck && m.by !== side).map((m) => `logs/${m.from}.jsonl`);
    const own = moves.some((m) => m.taken && m.from === deck && m.by !== side) ? [] : [file];
    const texts = rev ? await Promise.all([...own, ...old].map((f) => showAt(repo, rev, f))) : [];
    return reviewIds(texts.map((t) => t ?? '').join('\n'));
  };
  const out = new Map<string, { pulled: number; pushed: number }>();
  for (const file of [...files].sort().filter((f) => !moved.has(f))) {
    const [mine, other] = [await ids(ours, 'ours', file), await ids(theirs, 'theirs', file)];
    out.set(path.basename(file, '.jsonl'), { pulled: missingFrom(other, mine), pushed: missingFrom(mine, other) });
  }
  return out;
}

/** Replays the decks whose logs the merge changed, so the next start finds a snapshot that fits. */
async function rebuildSnapshots(paths: Paths, dirs: DeckDirs, repo: Repo, from: string): Promise<void> {
  const changed = (await repo.git.run(['diff', '--name-only', '-z', from, 'HEAD', '--', 'logs/'])).split('\0');
  const retention = readSettings(paths.configDir).values.retention;
  for (const file of changed.filter((f) => f.endsWith('.jsonl'))) {
    const name = path.basename(file, '.jsonl');
    fs.rmSync(snapshotPath(paths.dataDir, name), { force: true });
    // A deck renamed or removed elsewhere: its tally (a cache of the log) goes with its snapshot.
    if (!fs.existsSync(path.join(repo.dir, file))) {
      fs.rmSync(tallyPath(paths.dataDir, name), { force: true });
      continue;
    }
    try {
      const loaded = loadProgress(paths, await openDeck(name, dirs, paths.cacheDir), retention);
      loaded.saveSnapshot();
      loaded.log.close();
    } catch {
      // A log without its deck here (or a broken deck): its snapshot is made when it is next opened.
    }
  }
}

/** The decks waiting for a person: the copies of theirs a conflict saved beside ours. */
function waiting(decksDir: string): string[] {
  try {
    return fs.readdirSync(decksDir).filter((f) => /\.theirs(-\d+)?\.ya?ml$/.test(f)).map((f) => path.join(decksDir, f));
  } catch {
    return [];
  }
}

function conflictError(conflicts: Conflict[], mirror: Mirror | undefined): UserError {
  const shown = (f: string) => (mirror ? mirror.shown(f) : f);
  const both = conflicts.map((c) => `${shown(c.ours)} (yours) and ${shown(c.theirs)} (the other machine's)`).join('; ');
  return new UserError(
    `changed on both machines, sync stopped: ${both}; keep what you want in the first file, delete the second, then run prep sync again`,
    1,
  );
}

/** What one round did: `done` is false when the remote moved on meanwhile (try again). */
interface Round {
  done: boolean;
  conflicts: Conflict[];
}

interface RoundState {
  /** HEAD before the first merge. */
  mergedFrom?: string;
  /** What the renames and removes carried said, once each. */
  notes: string[];
  /** Where the user sees a file of the repository. */
  shown: (file: string) => string;
  /** The repository's git folder, where a merge under way is marked. */
  gitDir: string;
}

/** One round: fetch, merge, push (not after a conflict). */
async function round(repo: Repo, branch: string, lines: string[], state: RoundState): Promise<Round> {
  const fetched = await repo.git.try(['fetch', '--quiet', 'origin']);
  if (fetched.code !== 0) throw await offline(repo, fetched.stderr);
  const ours = (await revOf(repo, 'HEAD'))!;
  const theirs = await revOf(repo, `refs/remotes/origin/${branch}`);
  const moves = theirs ? await planMoves(repo, ours, theirs) : [];
  if (theirs) state.notes.push(...(await renamedApart(repo, ours, theirs)));
  const perDeck = await counts(repo, ours, theirs, moves);
  let conflicts: Conflict[] = [];
  if (theirs && !(await isAncestor(repo, theirs, ours))) {
    // HEAD before the first merge: the snapshots of the logs changed since are rebuilt.
    state.mergedFrom ??= ours;
    // Git writes the work tree in place: until the merge is committed, what it wrote is not trusted.
    markMerging(state.gitDir, theirs);
    if (await isAncestor(repo, ours, theirs)) await repo.git.run(['merge', '--quiet', '--ff-only', theirs]);
    else {
      const unrelated = (await repo.git.try(['merge-base', ours, theirs])).code !== 0;
      conflicts = await mergeTheirs(repo, `origin/${branch}`, unrelated, (settled) => carryIntoMerge(repo, moves, state.shown, settled));
    }
    mergeDone(state.gitDir);
  }
  // Once per move, whatever the push does next: a later round no longer sees it.
  for (const m of moves) {
    const said = keepAndSay(m, repo.dir);
    if (said) state.notes.push(said);
  }
  if (conflicts.length > 0) return { done: true, conflicts };
  if (theirs !== (await revOf(repo, 'HEAD'))) {
    const pushed = await repo.git.try(['push', '--quiet', 'origin', `HEAD:refs/heads/${branch}`]);
    if (pushed.code !== 0) {
      if (/\[rejected\]|fetch first|non-fast-forward/.test(pushed.stderr)) return { done: false, conflicts };
      throw await offline(repo, pushed.stderr);
    }
  }
  lines.length = 0;
  for (const [deck, c] of perDeck) lines.push(deckLine(deck, c.pulled, c.pushed));
  return { done: true, conflicts };
}

/**
 * `prep sync`: commit what changed here, fetch, merge, push, and say per deck what moved.
 * SIGTERM, SIGINT, SIGHUP or SIGQUIT end the git running and stop the sync where it is, with
 * one line and the signal's usual status (143, 130, 129, 131). What it leaves is what a killed
 * sync leaves (a commit not pushed yet, a merge half done), which the next sync takes up.
 */
export async function sync(opts: SyncOptions, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const stop = new AbortController();
  const signals = restoreOnSignals(() => stop.abort());
  try {
    return await syncUntil(stop.signal, opts, env);
  } catch (err) {
    // Ctrl+C reaches git as well: its failure can come in before prep's own signal is handled.
    if (!stop.signal.aborted) await new Promise((resolve) => setImmediate(resolve));
    if (!stop.signal.aborted) throw err;
    process.stderr.write('prep: sync stopped before it finished; nothing is lost: every review is saved here, and the next prep sync finishes the job\n');
    return signals.status(1);
  } finally {
    signals.off();
  }
}

async function syncUntil(stop: AbortSignal, opts: SyncOptions, env: NodeJS.ProcessEnv): Promise<number> {
  const { paths, dirs } = context(env);
  const repo = await openRepo(paths, env, opts.init, stop);
  if (opts.status) return syncStatus(repo, paths);
  const dir = await gitDir(repo);
  const release = takeLock(dir);
  const mirror = openMirror(paths, dir);
  try {
    checkFolders([paths.decksDir, path.join(repo.dir, 'decks'), path.join(repo.dir, 'logs')]);
    await recover(repo, dir);
    mirror?.copyIn();
    for (const w of beforeCommit(() => prepareTree(repo.dir))) process.stderr.write(`prep: ${inert(w)}\n`);
    for (const w of await restoreLostRecords(repo, dirs.shipped)) process.stderr.write(`prep: ${inert(w)}\n`);
    await commitLocal(repo);
    const pending = waiting(paths.decksDir);
    if (pending.length > 0) {
      throw new UserError(`sync stopped: settle ${pending.join(', ')} first (keep what you want in the deck itself, delete this copy), then run prep sync again`, 1);
    }
    const branch = (await repo.git.run(['symbolic-ref', '--short', 'HEAD'])).trim();
    const lines: string[] = [];
    let last: Round = { done: false, conflicts: [] };
    const state: RoundState = { notes: [], shown: (f) => (mirror ? mirror.shown(f) : f), gitDir: dir };
    // Also after a failed push: what was merged reaches the config folder and the snapshots.
    const finish = async () => {
      const blobs = await committedBlobs(repo);
      mirror?.copyOut((name, bytes) => (bytes === undefined ? !blobs.has(name) : isCommitted(blobs, name, bytes)));
      if (state.mergedFrom) await rebuildSnapshots(paths, dirs, repo, state.mergedFrom);
    };
    let failed: { err: unknown } | undefined;
    try {
      for (let attempt = 0; attempt < 3 && !last.done; attempt++) last = await round(repo, branch, lines, state);
    } catch (err) {
      failed = { err };
    }
    // Not after a signal, which may have cut a merge short: the next sync undoes that first.
    if (!stop.aborted && failed && mergingFrom(dir) !== undefined) throw await afterCutMerge(repo, dir, failed.err, finish);
    if (!stop.aborted) await finish();
    if (failed) throw failed.err;
    if (last.conflicts.length > 0) throw conflictError(last.conflicts, mirror);
    if (!last.done) throw new UserError('the sync remote kept changing while prep synced; run prep sync again', 1);
    lines.push(...state.notes);
    process.stdout.write(inert(lines.length > 0 ? `${lines.join('\n')}\n` : 'synced; no reviews yet\n'));
    return 0;
  } finally {
    release();
  }
}
