import fs from 'node:fs';
import path from 'node:path';
import { missingFrom, reviewIds } from '../core/sync/log-merge.js';
import type { PrepPaths } from '../core/store/paths.js';
import { inert } from '../core/text/inert.js';
import { showAt, type Repo } from './sync-repo.js';

const THEIRS = /\.theirs(-\d+)?\.ya?ml$/;
const reviews = (n: number) => `${n} review${n === 1 ? '' : 's'}`;

function readText(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

/**
 * `prep sync --status`: what this machine has that the remote had not at the last sync (reviews
 * per deck, changed decks and settings), and what was fetched but not merged. It only reads:
 * no network, no commit, not even git's index refresh.
 */
export async function syncStatus(repo: Repo, paths: PrepPaths): Promise<number> {
  const git = (args: string[]) => repo.git.try(['--no-optional-locks', ...args]);
  const branch = (await git(['symbolic-ref', '--short', 'HEAD'])).stdout.trim() || 'main';
  const remote = `refs/remotes/origin/${branch}`;
  const hasRemote = (await git(['rev-parse', '--verify', '--quiet', remote])).code === 0;
  const lines: string[] = [];

  const logsDir = path.join(repo.dir, 'logs');
  const logs = fs.existsSync(logsDir) ? fs.readdirSync(logsDir).filter((f) => f.endsWith('.jsonl')).sort() : [];
  for (const name of logs) {
    const here = reviewIds(readText(path.join(logsDir, name)));
    const there = reviewIds((hasRemote && (await showAt(repo, remote, `logs/${name}`))) || '');
    const ahead = missingFrom(here, there);
    const behind = missingFrom(there, here);
    const deck = path.basename(name, '.jsonl');
    if (ahead > 0) lines.push(`${deck}: ${reviews(ahead)} not pushed yet`);
    if (behind > 0) lines.push(`${deck}: ${reviews(behind)} fetched, not merged yet`);
  }

  // The user's own files (in the config folder when PREP_HOME is not set) against the remote's.
  const mine = fs.existsSync(paths.decksDir) ? fs.readdirSync(paths.decksDir).sort() : [];
  const files: [string, string][] = mine.filter((f) => /\.ya?ml$/.test(f) && !THEIRS.test(f)).map((f) => [`decks/${f}`, path.join(paths.decksDir, f)]);
  files.push(['settings.json', path.join(paths.configDir, 'settings.json')]);
  for (const [name, file] of files) {
    if (!fs.existsSync(file)) continue;
    const there = hasRemote ? await showAt(repo, remote, name) : undefined;
    if (there !== readText(file)) lines.push(`${name}: changed here, not pushed yet`);
  }
  for (const f of mine.filter((n) => THEIRS.test(n))) {
    lines.push(`decks/${f}: the other machine's version of a deck changed on both; settle it, then sync`);
  }

  const fetchHead = path.join(repo.dir, '.git', 'FETCH_HEAD');
  const when = fs.existsSync(fetchHead) ? fs.statSync(fetchHead).mtime.toISOString().slice(0, 16).replace('T', ' ') : undefined;
  const since = when ? ` (compared with the remote as of ${when} UTC, the last sync)` : '';
  if (!hasRemote) lines.push('nothing has been pushed yet: run prep sync');
  else if (lines.length === 0) lines.push(`everything is synced${since}`);
  else lines.push(`run prep sync to send and fetch${since}`);
  process.stdout.write(inert(`${lines.join('\n')}\n`));
  return 0;
}
