import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readLog } from '../core/store/log-reader.js';
import { readText } from '../core/store/safe-read.js';
import { GIT_ATTRIBUTES, GIT_IGNORE } from '../core/sync/repo-files.js';

const MARK = '# Written by prep sync';
import { UserError } from './user-error.js';
import type { Git, Repo } from './git.js';
import { undoMerge } from './sync-undo.js';
import { appendWhole, writeWhole } from './sync-write.js';

// The steps of a sync that touch only this machine: the lock, recovery from a sync that was
// killed, the repository's own files, and the commit of what changed here.

/** The data folder's repository, as a sync sees it. */
export type { Repo } from './git.js';

/** The repository's git folder (`.git`, or wherever a `.git` file points). */
export async function gitDir(repo: Repo): Promise<string> {
  return path.resolve(repo.dir, (await repo.git.run(['rev-parse', '--git-dir'])).trim());
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the sync lock (`prep-sync.lock` in the git folder, holding our pid). A lock whose
 * process is gone was left by a killed sync and is taken over. Returns the release function.
 */
export function takeLock(dir: string): () => void {
  const file = path.join(dir, 'prep-sync.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
      return () => fs.rmSync(file, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number((readText(file) ?? '').trim());
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && pidAlive(pid)) {
        throw new UserError(`another prep sync is running (process ${pid}); wait for it to finish`, 1);
      }
      fs.rmSync(file, { force: true });
    }
  }
  throw new UserError(`could not take the sync lock ${file}`, 1);
}

/** The log lines of every review log in the work tree, by file. */
function logTexts(logsDir: string): Map<string, string> {
  const texts = new Map<string, string>();
  let names: string[] = [];
  try {
    names = fs.readdirSync(logsDir).filter((f) => f.endsWith('.jsonl'));
  } catch {
    return texts;
  }
  // A FIFO, a device or a folder at a log's path stops the sync with a StoreError saying so:
  // skipped, git would take it for a deleted log and carry that to the other machine.
  for (const name of names) texts.set(name, readText(path.join(logsDir, name)) ?? '');
  return texts;
}

/**
 * Puts the repository back in order after a sync that was killed: with our lock held, git's
 * own `index.lock` can only be a leftover, and a merge left half done is undone. Undoing a
 * merge resets the logs to the last commit, so any record the work tree had beyond it (the
 * half-merged records, or a grade saved meanwhile) is appended again: nothing is lost, and the
 * next merge keeps one copy of each.
 */
export async function recover(repo: Repo, dir: string): Promise<void> {
  fs.rmSync(path.join(dir, 'index.lock'), { force: true });
  if (fs.existsSync(path.join(dir, 'MERGE_HEAD'))) await abortMerge(repo, dir);
  // A merge cut short (a full disk, a kill): what git may have cut goes back to the last commit.
  await undoMerge(repo, dir, false);
}

async function abortMerge(repo: Repo, dir: string): Promise<void> {
  const logsDir = path.join(repo.dir, 'logs');
  const before = logTexts(logsDir);
  const theirs = fs.readFileSync(path.join(dir, 'MERGE_HEAD'), 'utf8').trim().split('\n')[0]!;
  const theirLines = new Map<string, Set<string>>();
  for (const name of before.keys()) theirLines.set(name, new Set(((await showAt(repo, theirs, `logs/${name}`)) ?? '').split('\n')));
  if ((await repo.git.try(['merge', '--abort'])).code !== 0) {
    // A grade saved into a half-merged log makes git refuse: the logs' text is saved above.
    await repo.git.try(['checkout', 'HEAD', '--', 'logs']);
    if ((await repo.git.try(['merge', '--abort'])).code !== 0) await repo.git.run(['reset', '--merge']);
  }
  for (const [name, text] of before) {
    const file = path.join(logsDir, name);
    const now = readText(file) ?? '';
    const have = new Set(now.split('\n'));
    // The other machine's records come back with the next merge; only ours could be lost.
    const lost = text.split('\n').filter((l) => l.trim() !== '' && !have.has(l) && !theirLines.get(name)!.has(l));
    if (lost.length === 0) continue;
    const sep = now === '' || now.endsWith('\n') ? '' : '\n';
    // The whole log replaced at once (a writer holding the old one reopens it): a full disk leaves it as it was.
    writeWhole(file, `${now}${sep}${lost.join('\n')}\n`);
  }
}

/**
 * Writes prep's version of `.gitattributes` or `.gitignore`. In a repository the user made
 * themself, their own file is kept and prep's lines are added at its end (once).
 */
function writeOwnFile(file: string, text: string): void {
  const now = readText(file);
  if (now === undefined || (now.startsWith(MARK) && now !== text)) writeWhole(file, text);
  else if (!now.startsWith(MARK) && !now.includes(text)) appendWhole(file, text);
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * Makes the work tree ready to commit: the repository's own files as prep writes them, every
 * log read once (which repairs a torn last line, moving it aside) and ending in a newline, so a
 * union merge can never glue two records onto one line. Returns what the reading repaired.
 */
export function prepareTree(dir: string): string[] {
  const warnings: string[] = [];
  writeOwnFile(path.join(dir, '.gitattributes'), GIT_ATTRIBUTES);
  writeOwnFile(path.join(dir, '.gitignore'), GIT_IGNORE);
  const logsDir = path.join(dir, 'logs');
  for (const name of logTexts(logsDir).keys()) {
    const file = path.join(logsDir, name);
    warnings.push(...readLog(file).warnings);
    const text = readText(file) ?? '';
    // Only a complete record gets its newline: anything else at the end is a line still being
    // written (the reader left it alone), and the merge splits glued records anyway.
    if (text !== '' && !text.endsWith('\n') && isJson(text.slice(text.lastIndexOf('\n') + 1))) appendWhole(file, '');
  }
  return warnings;
}

/** Commits everything that changed here (what .gitignore lets in). Returns true if there was anything. */
export async function commitLocal(repo: Repo): Promise<boolean> {
  await repo.git.run(['add', '--all', '--', '.']);
  const staged = await repo.git.try(['diff', '--cached', '--quiet']);
  if (staged.code === 0) return false;
  await repo.git.run([...repo.author, 'commit', '--quiet', '-m', `prep sync from ${os.hostname()}`]);
  return true;
}

/** `-c` options giving commits an author when git has none configured (a fresh machine, a test). */
export async function authorArgs(git: Git): Promise<string[]> {
  const name = (await git.try(['config', 'user.name'])).stdout.trim();
  const email = (await git.try(['config', 'user.email'])).stdout.trim();
  return [...(name ? [] : ['-c', 'user.name=prep']), ...(email ? [] : ['-c', 'user.email=prep@localhost'])];
}

/** A file's text at a revision, or undefined when it has none there. */
export async function showAt(repo: Repo, rev: string, file: string): Promise<string | undefined> {
  const r = await repo.git.try(['show', `${rev}:${file}`]);
  return r.code === 0 ? r.stdout : undefined;
}

/** The review logs (`logs/x.jsonl`) at a revision. */
export async function logsAt(repo: Repo, rev: string): Promise<string[]> {
  const r = await repo.git.try(['ls-tree', '--name-only', `${rev}`, 'logs/']);
  return r.code === 0 ? r.stdout.split('\n').filter((f) => f.endsWith('.jsonl')) : [];
}
