import fs from 'node:fs';
import path from 'node:path';
import { missingFrom, reviewIds } from '../core/sync/log-merge.js';
import { heldIn, recordIds, renamedTo } from '../core/sync/log-moves.js';
import type { PrepPaths } from '../core/store/paths.js';
import { readText, readTextOrEmpty } from '../core/store/safe-read.js';
import { inert } from '../core/text/inert.js';
import { deckAt } from './sync-moves.js';
import { showAt, type Repo } from './sync-repo.js';

const THEIRS = /\.theirs(-\d+)?\.ya?ml$/;
const reviews = (n: number) => `${n} review${n === 1 ? '' : 's'}`;

/** A file's text, or '' when there is none or it cannot be read; a FIFO or a device is not waited on. */
/** The decks (by name) a revision holds, from its logs and deck files. */
async function namesAt(repo: Repo, rev: string): Promise<Set<string>> {
  const r = await repo.git.try(['--no-optional-locks', 'ls-tree', '--name-only', rev, 'logs/', 'decks/']);
  const files = r.code === 0 ? r.stdout.split('\n').filter((f) => /^(logs\/[^/]+\.jsonl|decks\/[^/]+\.ya?ml)$/.test(f) && !THEIRS.test(f)) : [];
  return new Set(files.map((f) => path.basename(f).replace(/\.(jsonl|ya?ml)$/, '')));
}

/**
 * The decks renamed (`prep rename`) or removed (`prep remove`) here since the last sync, which
 * the remote still has: old name -> new name, or undefined for a remove. Told apart as sync
 * tells them: a renamed log keeps its records' ids; a deck never drilled, by its unchanged text.
 */
async function movedHere(repo: Repo, remote: string, logs: Map<string, string>, decks: Map<string, string>): Promise<Map<string, string | undefined>> {
  const moved = new Map<string, string | undefined>();
  const found = await repo.git.try(['--no-optional-locks', 'merge-base', 'HEAD', remote]);
  if (found.code !== 0) return moved;
  const base = found.stdout.trim();
  const [atBase, there] = [await namesAt(repo, base), await namesAt(repo, remote)];
  for (const deck of [...atBase].sort()) {
    if (!there.has(deck)) continue;
    if (logs.has(deck) || decks.has(deck)) {
      // Still here by name, but the base's records of it live in another log: another deck took
      // the name (a swap), as sync tells it, when the remote still has them under it.
      // A deck never drilled, by its unchanged text in another file.
      const ids = recordIds((await showAt(repo, base, `logs/${deck}.jsonl`)) ?? '');
      if (ids.size === 0) {
        const text = (await deckAt(repo, base, deck))?.text;
        if (text === undefined || decks.get(deck) === text) continue;
        const others = [...decks].filter(([name, t]) => name !== deck && t === text);
        for (const [name] of others) if ((await deckAt(repo, base, name))?.text !== text) moved.set(deck, name);
        continue;
      }
      const went = renamedTo(ids, logs);
      const atRemote = await showAt(repo, remote, `logs/${deck}.jsonl`);
      if (went !== undefined && went !== deck && heldIn(ids, logs.get(deck)) < heldIn(ids, logs.get(went)) && heldIn(ids, atRemote) > 0) moved.set(deck, went);
      continue;
    }
    const baseDeck = (await deckAt(repo, base, deck))?.text;
    const sameText = [...decks].find(([name, text]) => !atBase.has(name) && !there.has(name) && text === baseDeck);
    moved.set(deck, renamedTo(recordIds((await showAt(repo, base, `logs/${deck}.jsonl`)) ?? ''), logs) ?? sameText?.[0]);
  }
  return moved;
}

/**
 * `prep sync --status`: what this machine has that the remote had not at the last sync (reviews
 * per deck, changed decks and settings, decks renamed or removed), and what was fetched but not
 * merged. It only reads:
 * no network, no commit, not even git's index refresh.
 */
export async function syncStatus(repo: Repo, paths: PrepPaths): Promise<number> {
  const git = (args: string[]) => repo.git.try(['--no-optional-locks', ...args]);
  const branch = (await git(['symbolic-ref', '--short', 'HEAD'])).stdout.trim() || 'main';
  const remote = `refs/remotes/origin/${branch}`;
  const hasRemote = (await git(['rev-parse', '--verify', '--quiet', remote])).code === 0;
  const lines: string[] = [];

  const logsDir = path.join(repo.dir, 'logs');
  const logFiles = fs.existsSync(logsDir) ? fs.readdirSync(logsDir).filter((f) => f.endsWith('.jsonl')).sort() : [];
  const logs = new Map<string, string>();
  // A log that cannot be read (a FIFO, a folder) would stop a sync: said first, and exit 1.
  const unreadable: string[] = [];
  for (const f of logFiles) {
    try {
      logs.set(path.basename(f, '.jsonl'), readText(path.join(logsDir, f)) ?? '');
    } catch (err) {
      unreadable.push(`${(err as Error).message}; prep sync stops until it is moved out of the logs folder`);
    }
  }
  // The user's own decks (in the config folder when PREP_HOME is not set).
  const mine = fs.existsSync(paths.decksDir) ? fs.readdirSync(paths.decksDir).sort() : [];
  const deckFiles = mine.filter((f) => /\.ya?ml$/.test(f) && !THEIRS.test(f));
  const decks = new Map(deckFiles.map((f) => [f.replace(/\.ya?ml$/, ''), readTextOrEmpty(path.join(paths.decksDir, f))]));
  const moved = hasRemote ? await movedHere(repo, remote, logs, decks) : new Map<string, string | undefined>();
  // A renamed deck's reviews and file went to the remote under its old name.
  const oldName = new Map([...moved].filter(([, to]) => to !== undefined).map(([from, to]) => [to!, from]));
  const there = (dir: string, name: string, ext: string) => (hasRemote ? showAt(repo, remote, `${dir}/${oldName.get(name) ?? name}${ext}`) : undefined);

  for (const [deck, text] of logs) {
    const here = reviewIds(text);
    const remoteIds = reviewIds((await there('logs', deck, '.jsonl')) ?? '');
    const ahead = missingFrom(here, remoteIds);
    const behind = missingFrom(remoteIds, here);
    if (ahead > 0) lines.push(`${deck}: ${reviews(ahead)} not pushed yet`);
    if (behind > 0) lines.push(`${deck}: ${reviews(behind)} fetched, not merged yet`);
  }

  for (const f of deckFiles) {
    const ext = path.extname(f);
    if ((await there('decks', path.basename(f, ext), ext)) !== decks.get(path.basename(f, ext))) lines.push(`decks/${f}: changed here, not pushed yet`);
  }
  const settings = path.join(paths.configDir, 'settings.json');
  if (fs.existsSync(settings) && (hasRemote ? await showAt(repo, remote, 'settings.json') : undefined) !== readTextOrEmpty(settings)) {
    lines.push('settings.json: changed here, not pushed yet');
  }
  for (const [from, to] of moved) {
    lines.push(to === undefined ? `${from}: removed here; the next sync carries the removal` : `${from}: renamed to ${to} here; the next sync carries the rename`);
  }
  for (const f of mine.filter((n) => THEIRS.test(n))) {
    lines.push(`decks/${f}: the other machine's version of a deck changed on both; settle it, then sync`);
  }

  const fetchHead = path.join(repo.dir, '.git', 'FETCH_HEAD');
  const when = fs.existsSync(fetchHead) ? fs.statSync(fetchHead).mtime.toISOString().slice(0, 16).replace('T', ' ') : undefined;
  const since = when ? ` (compared with the remote as of ${when} UTC, the last sync)` : '';
  if (!hasRemote) lines.push('nothing has been pushed yet: run prep sync');
  else if (lines.length === 0) lines.push(`${unreadable.length > 0 ? 'the other files are' : 'everything is'} synced${since}`);
  else lines.push(`run prep sync to send and fetch${since}`);
  for (const u of unreadable) process.stderr.write(inert(`prep: ${u}\n`));
  process.stdout.write(inert(`${lines.join('\n')}\n`));
  return unreadable.length > 0 ? 1 : 0;
}
