import fs from 'node:fs';
import path from 'node:path';
import { missingFrom, reviewIds } from '../core/sync/log-merge.js';
import { inert } from '../core/text/inert.js';
import { showAt, type Repo } from './sync-repo.js';

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
export async function syncStatus(repo: Repo, decksDir: string): Promise<number> {
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

  const changed = hasRemote ? (await git(['diff', '--name-only', '-z', remote, '--', 'decks', 'settings.json'])).stdout : '';
  const untracked = (await git(['ls-files', '--others', '--exclude-standard', '-z', '--', 'decks', 'settings.json'])).stdout;
  const files = new Set([...changed.split('\0'), ...untracked.split('\0')].filter(Boolean));
  if (!hasRemote) for (const f of (await git(['ls-files', '-z', '--', 'decks', 'settings.json'])).stdout.split('\0')) if (f) files.add(f);
  for (const f of [...files].sort()) lines.push(`${f}: changed here, not pushed yet`);
  for (const f of fs.existsSync(decksDir) ? fs.readdirSync(decksDir) : []) {
    if (/\.theirs(-\d+)?\.ya?ml$/.test(f)) lines.push(`decks/${f}: the other machine's version of a deck changed on both; settle it, then sync`);
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
