import fs from 'node:fs';
import path from 'node:path';
import { readText } from '../core/store/safe-read.js';
import { normalizeLog } from '../core/sync/log-merge.js';
import { theirsName } from '../core/sync/repo-files.js';
import { mergeSettings, parseSettingsText, settingsText } from '../core/sync/settings-merge.js';
import { UserError } from './user-error.js';
import { lastLine } from './git.js';
import { showAt, type Repo } from './sync-repo.js';
import { writeWhole } from './sync-write.js';

// Merging the other machine's commits into ours. Logs merge as a union of lines (see
// .gitattributes), settings.json is merged here key by key, and a deck changed on both
// machines is kept as ours with theirs saved beside it for the person to settle.

/** A file both machines changed that only a person can settle: ours stays, theirs is beside it. */
export interface Conflict {
  ours: string;
  theirs: string;
}

async function unmerged(repo: Repo): Promise<string[]> {
  const out = await repo.git.run(['diff', '--name-only', '--diff-filter=U', '-z']);
  return [...new Set(out.split('\0').filter(Boolean))];
}

async function stage(repo: Repo, n: 1 | 2 | 3, file: string): Promise<string | undefined> {
  return showAt(repo, `:${n}`, file);
}

/** A free name for the copy of theirs: `coder.theirs.yaml`, `coder.theirs-2.yaml`... */
export function freeTheirs(file: string): string {
  const first = theirsName(file);
  let name = first;
  for (let n = 2; fs.existsSync(name); n++) name = first.replace(/\.theirs(\.ya?ml)?$/, `.theirs-${n}$1`);
  return name;
}

async function settle(repo: Repo, file: string): Promise<Conflict | undefined> {
  const abs = path.join(repo.dir, file);
  const [base, ours, theirs] = [await stage(repo, 1, file), await stage(repo, 2, file), await stage(repo, 3, file)];
  if (file === 'settings.json') {
    writeWhole(abs, settingsText(mergeSettings(parseSettingsText(base), parseSettingsText(ours), parseSettingsText(theirs))));
  } else if (file.startsWith('logs/') && file.endsWith('.jsonl')) {
    // Deleted on one side, say: a record is never dropped by a merge.
    writeWhole(abs, normalizeLog(`${ours ?? ''}\n${theirs ?? ''}`));
  } else {
    const kept = ours ?? theirs;
    if (kept === undefined) fs.rmSync(abs, { force: true });
    else writeWhole(abs, kept);
    if (ours !== undefined && theirs !== undefined) {
      const aside = freeTheirs(abs);
      writeWhole(aside, theirs);
      await repo.git.run(['add', '--all', '--', file]);
      return { ours: abs, theirs: aside };
    }
  }
  await repo.git.run(['add', '--all', '--', file]);
  return undefined;
}

/**
 * Merges `theirs` (the fetched branch) into HEAD and commits the merge. Every log the merge
 * changed is normalized (one line per record id, in time order). Returns the decks (or other
 * files) both machines changed; they are settled as "ours" in the merge commit, with theirs
 * saved beside them, so the logs are merged whatever happens to them.
 */
export async function mergeTheirs(repo: Repo, theirs: string, unrelated: boolean, carry?: (settled: Conflict[]) => Promise<Conflict[]>): Promise<Conflict[]> {
  const args = ['merge', '--no-ff', '--no-commit', ...(unrelated ? ['--allow-unrelated-histories'] : []), theirs];
  const merged = await repo.git.try([...repo.author, ...args]);
  const conflicts: Conflict[] = [];
  const pending = await unmerged(repo);
  if (merged.code !== 0 && pending.length === 0) {
    // Not a conflict: git refused to start (a log saved meanwhile, say). Nothing was touched.
    await repo.git.try(['merge', '--abort']);
    throw new UserError(`could not merge: ${lastLine(merged.stderr) || lastLine(merged.stdout)}; run prep sync again`, 1);
  }
  for (const file of pending) {
    const c = await settle(repo, file);
    if (c) conflicts.push(c);
  }
  // Decks renamed or removed on one side: before the logs are normalized and committed.
  if (carry) conflicts.push(...(await carry(conflicts)));
  const changed = (await repo.git.run(['diff', '--cached', '--name-only', '-z', 'HEAD'])).split('\0');
  for (const file of changed.filter((f) => f.startsWith('logs/') && f.endsWith('.jsonl'))) {
    const abs = path.join(repo.dir, file);
    const text = readText(abs);
    if (text === undefined) continue;
    const clean = normalizeLog(text);
    if (clean !== text) writeWhole(abs, clean);
    await repo.git.run(['add', '--', file]);
  }
  await repo.git.run([...repo.author, 'commit', '--quiet', '--no-edit', '-m', `prep sync: merge ${theirs}`]);
  return conflicts;
}
