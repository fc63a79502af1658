import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../core/store/atomic-write.js';
import type { PrepPaths } from '../core/store/paths.js';
import { readRegularFile } from '../core/store/safe-read.js';

// Without PREP_HOME, the decks and settings.json live in the config folder and the logs in the
// data folder; git has one work tree, the data folder. So the data folder's repository holds a
// copy of the decks and settings: copied in before a sync commits, copied out after it merges.
// A manifest (what both sides held after the last copy) tells a deletion here from a file the
// merge brought in but a killed sync never copied out.

type Manifest = Record<string, string>;

const hash = (text: Buffer) => createHash('sha256').update(text).digest('hex');
const isDeck = (f: string) => /\.ya?ml$/.test(f) && !/\.theirs(-\d+)?\.ya?ml$/.test(f);

/** A file's bytes, or undefined when there is none or it cannot be read; a FIFO or a device is not waited on. */
function read(file: string): Buffer | undefined {
  try {
    return readRegularFile(file, (fd) => fs.readFileSync(fd));
  } catch {
    return undefined;
  }
}

function list(dir: string, keep: (f: string) => boolean): string[] {
  try {
    return fs.readdirSync(dir).filter(keep);
  } catch {
    return [];
  }
}

/** The mode a copy gets: the file's it replaces, else its source's, else private. */
function modeOf(to: string, from: string): number {
  for (const f of [to, from]) {
    try {
      return fs.statSync(f).mode & 0o777;
    } catch {
      // not there
    }
  }
  return 0o600;
}

/** Copies between the config folder (the user's files) and the repository's copy of them. */
export interface Mirror {
  /** The user's decks and settings into the repository (deletions too). */
  copyIn(): void;
  /**
   * The merged decks and settings back out, and the other machine's conflict copies. With
   * `committed`, a file of the repository goes out only if it holds what was committed: a file
   * git left cut or half written never replaces the user's.
   */
  copyOut(committed?: (name: string, bytes: Uint8Array | undefined) => boolean): void;
  /** Where the user sees a file of the repository (`<repo>/decks/x.yaml` -> config decks folder). */
  shown(file: string): string;
}

/** The mirror for these paths, or undefined when decks, logs and settings share one folder. */
export function openMirror(paths: PrepPaths, gitDir: string): Mirror | undefined {
  if (path.resolve(paths.configDir) === path.resolve(paths.dataDir)) return undefined;
  const repoDecks = path.join(paths.dataDir, 'decks');
  const manifestFile = path.join(gitDir, 'prep-mirror.json');
  // Relative name in the repository -> [file in the config folder, file in the repository].
  const pairs = (): Map<string, [string, string]> => {
    const names = new Set([...list(paths.decksDir, isDeck), ...list(repoDecks, isDeck)]);
    const out = new Map<string, [string, string]>([...names].map((n) => [`decks/${n}`, [path.join(paths.decksDir, n), path.join(repoDecks, n)]]));
    out.set('settings.json', [path.join(paths.configDir, 'settings.json'), path.join(paths.dataDir, 'settings.json')]);
    for (const n of Object.keys(loadManifest())) {
      if (!out.has(n)) out.set(n, [path.join(paths.configDir, n), path.join(paths.dataDir, n)]);
    }
    return out;
  };
  const loadManifest = (): Manifest => {
    try {
      return JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as Manifest;
    } catch {
      return {};
    }
  };
  /** Records what the repository holds; for the files in `held`, what was recorded before stays. */
  const saveManifest = (held: Set<string>) => {
    const before = loadManifest();
    const m: Manifest = {};
    for (const [name, [, repo]] of pairs()) {
      const text = held.has(name) ? undefined : read(repo);
      if (held.has(name) && before[name] !== undefined) m[name] = before[name];
      else if (text) m[name] = hash(text);
    }
    writeFileAtomic(manifestFile, JSON.stringify(m));
  };
  /**
   * Makes `to` hold what `from` holds, unless `to` changed since the last copy and `from` did
   * not. Changed on both sides (a deck edited while a sync ran), the user's file wins: `userIsFrom`.
   */
  const copy = (from: string, to: string, name: string, userIsFrom: boolean, trusted: (bytes: Uint8Array | undefined) => boolean = () => true) => {
    const known = loadManifest()[name];
    const [src, dst] = [read(from), read(to)];
    if (!trusted(src)) return;
    if (src?.equals(dst ?? Buffer.alloc(0)) && dst) return;
    const srcChanged = (src ? hash(src) : undefined) !== known;
    const dstChanged = (dst ? hash(dst) : undefined) !== known;
    if ((!srcChanged && dstChanged) || (srcChanged && dstChanged && !userIsFrom)) return;
    if (src) {
      fs.mkdirSync(path.dirname(to), { recursive: true, mode: 0o700 });
      // Whole or not at all: a full disk leaves the old file as it was, and says why in words.
      writeFileAtomic(to, src, { mode: modeOf(to, from) });
    } else if (known !== undefined) fs.rmSync(to, { force: true });
  };
  return {
    copyIn() {
      for (const [name, [user, repo]] of pairs()) copy(user, repo, name, true);
      // Where both now hold the same text, that is what the merge's changes are measured from:
      // without this, a file changed here since the last sync counted as changed on both sides
      // at copyOut, and the merge's result (settings merged key by key) never reached the user.
      const m = loadManifest();
      for (const [name, [user, repo]] of pairs()) {
        const [mine, copied] = [read(user), read(repo)];
        if (mine && copied?.equals(mine)) m[name] = hash(copied);
        else if (!mine && !copied) delete m[name];
      }
      writeFileAtomic(manifestFile, JSON.stringify(m));
    },
    copyOut(committed) {
      // A file held back is measured from where it was: the user's copy has not changed since.
      const held = new Set<string>();
      const trusted = (name: string) => (bytes: Uint8Array | undefined) => {
        if (!committed || committed(name, bytes)) return true;
        held.add(name);
        return false;
      };
      for (const [name, [user, repo]] of pairs()) copy(repo, user, name, false, trusted(name));
      for (const f of list(repoDecks, (n) => !isDeck(n) && /\.ya?ml$/.test(n))) {
        const bytes = read(path.join(repoDecks, f));
        if (!bytes) continue;
        fs.mkdirSync(paths.decksDir, { recursive: true, mode: 0o700 });
        writeFileAtomic(path.join(paths.decksDir, f), bytes, { mode: 0o644 });
        fs.rmSync(path.join(repoDecks, f));
      }
      saveManifest(held);
    },
    shown(file) {
      const rel = path.relative(paths.dataDir, file);
      return rel.startsWith('decks') || rel === 'settings.json' ? path.join(paths.configDir, rel) : file;
    },
  };
}
