import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../core/store/atomic-write.js';
import { readRegularFile } from '../core/store/safe-read.js';
import { diskReason, type Repo } from './git.js';
import { UserError } from './user-error.js';
import { writeWhole } from './sync-write.js';

// Git writes the work tree in place: a merge cut short (a full disk, a file-size limit, a kill)
// leaves files cut, missing or half merged, while HEAD still names the last whole commit. In
// the data folder that work tree holds the user's logs (and, with PREP_HOME, decks and
// settings), and the mirror copies decks and settings out of it. So a merge is marked in the
// git folder before git starts writing, and until the mark is gone what the work tree holds is
// not trusted: whatever git may have cut is put back from HEAD, and nothing is copied out.

const MARK = 'prep-sync-merging';

/** Marks that git is about to write `theirs` (a commit) into the work tree. */
export function markMerging(gitDir: string, theirs: string): void {
  writeFileAtomic(path.join(gitDir, MARK), `${theirs}\n`);
}

/** The merge finished (its commit is made, or there was nothing to write). */
export function mergeDone(gitDir: string): void {
  fs.rmSync(path.join(gitDir, MARK), { force: true });
}

/** The commit an unfinished merge was bringing in, if one was left unfinished. */
export function mergingFrom(gitDir: string): string | undefined {
  try {
    return fs.readFileSync(path.join(gitDir, MARK), 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

function bytesOf(file: string): Buffer | undefined {
  try {
    return readRegularFile(file, (fd) => fs.readFileSync(fd));
  } catch {
    return undefined;
  }
}

async function blobAt(repo: Repo, rev: string, file: string): Promise<Buffer | undefined> {
  const r = await repo.git.try(['show', `${rev}:${file}`]);
  return r.code === 0 ? Buffer.from(r.stdout, 'utf8') : undefined;
}

async function names(repo: Repo, args: string[]): Promise<string[]> {
  const r = await repo.git.try(args);
  return r.code === 0 ? r.stdout.split('\0').filter(Boolean) : [];
}

function isRecord(line: string): boolean {
  try {
    return typeof JSON.parse(line) === 'object';
  } catch {
    return false;
  }
}

/**
 * A log as HEAD holds it, plus the whole records the work tree had beyond that and the other
 * machine lacks (a grade saved while the sync ran): theirs come back with the next merge.
 */
function logAsCommitted(head: Buffer | undefined, now: Buffer | undefined, theirs: Buffer | undefined): string | undefined {
  const base = head?.toString('utf8') ?? '';
  const known = new Set([...base.split('\n'), ...(theirs?.toString('utf8') ?? '').split('\n')]);
  const ours = (now?.toString('utf8') ?? '').split('\n').filter((l) => l.trim() !== '' && !known.has(l) && isRecord(l));
  if (head === undefined && ours.length === 0) return undefined;
  const sep = base === '' || base.endsWith('\n') ? '' : '\n';
  return ours.length === 0 ? base : `${base}${sep}${ours.join('\n')}\n`;
}

/**
 * Puts back what an unfinished merge (see {@link markMerging}) may have cut: every file that
 * differs from HEAD, among those the merge could write, gets HEAD's bytes again, written whole
 * (temp file and rename); a file HEAD lacks is removed. Logs keep records saved meanwhile. With
 * `everything` false (a later sync, when the user may have edited a deck since), a deck or
 * settings file is only put back when git was plainly writing it: missing, or a start of the
 * other machine's version. Then the index is reset to HEAD and the mark removed. Throws (a
 * StoreError in words) when a file cannot be put back; the mark then stays for the next sync.
 */
export async function undoMerge(repo: Repo, gitDir: string, everything: boolean): Promise<void> {
  const theirs = mergingFrom(gitDir);
  if (theirs === undefined) return;
  fs.rmSync(path.join(gitDir, 'index.lock'), { force: true });
  const files = new Set([...(await names(repo, ['diff', '--name-only', '-z', 'HEAD', theirs])), ...(await names(repo, ['diff', '--name-only', '-z', 'HEAD']))]);
  for (const file of [...files].sort()) {
    const abs = path.join(repo.dir, file);
    const [head, now] = [await blobAt(repo, 'HEAD', file), bytesOf(abs)];
    if (head !== undefined && now?.equals(head)) continue;
    const other = await blobAt(repo, theirs, file);
    let text: Uint8Array | string | undefined = head;
    if (/^logs\/[^/]+\.jsonl$/.test(file)) text = logAsCommitted(head, now, other);
    else if (!everything && now !== undefined && !(other && other.subarray(0, now.length).equals(now))) continue;
    if (text === undefined) {
      fs.rmSync(abs, { force: true });
      continue;
    }
    try {
      writeWhole(abs, text);
    } catch {
      // A full disk, with git's cut file taking the room the good one needs: it goes first (what
      // the good one holds is in hand, and in HEAD; the mark stays until it is back).
      fs.rmSync(abs, { force: true });
      writeWhole(abs, text);
    }
  }
  // The index back to HEAD, and a merge git had begun (MERGE_HEAD) forgotten: the work tree is HEAD's.
  await repo.git.run(['reset', '--quiet']);
  mergeDone(gitDir);
}

/** Whether the disk holding `dir` is (all but) full: under 1 MiB left for this user. */
function diskFull(dir: string): boolean {
  try {
    const s = fs.statfsSync(dir);
    return s.bavail * s.bsize < 1 << 20;
  } catch {
    return false;
  }
}

/**
 * A merge that failed while git wrote the work tree (a full disk, a file-size limit): what it
 * may have cut is put back from the last commit before anything is copied out, and the error
 * says so in one line. Returns the error to throw.
 */
export async function afterCutMerge(repo: Repo, dir: string, err: unknown, finish: () => Promise<void>): Promise<UserError> {
  const text = (err instanceof Error ? err.message : String(err)).replace(/\s*\n\s*/g, ' ');
  // Git says only "unable to write file decks/x.yaml" when the disk is full: the disk says why.
  const why = diskReason(text) ?? (/unable to write|unable to create|write error/i.test(text) && diskFull(repo.dir) ? 'no space left on device' : text);
  let undone = true;
  try {
    await undoMerge(repo, dir, true);
    // The work tree is the last commit again: the merges of earlier rounds still go out.
    await finish();
  } catch {
    undone = false;
  }
  const kept = undone
    ? 'your decks, settings and logs here are as they were'
    : 'your decks and settings are as they were, and the next prep sync puts back whatever git left half written';
  return new UserError(`sync stopped, the other machine's changes could not be written here (${why}); ${kept}; make room on the disk and run prep sync again`, 1);
}

/** Path in the repository -> the id git gives a file's bytes, for every file HEAD holds. */
export async function committedBlobs(repo: Repo): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const row of await names(repo, ['ls-tree', '-r', '-z', 'HEAD'])) {
    const m = /^\d+ blob ([0-9a-f]+)\t(.*)$/s.exec(row);
    if (m) out.set(m[2]!, m[1]!);
  }
  return out;
}

/** Whether `bytes` are exactly what `blobs` says HEAD holds at `file`. */
export function isCommitted(blobs: Map<string, string>, file: string, bytes: Uint8Array): boolean {
  const id = blobs.get(file);
  if (id === undefined) return false;
  const hash = createHash(id.length === 64 ? 'sha256' : 'sha1');
  return hash.update(`blob ${bytes.length}\0`).update(bytes).digest('hex') === id;
}
