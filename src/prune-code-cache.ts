// Pruning of prep's V8 code cache folder (see code-cache.ts), bundled apart as
// dist/prep-prune.js: it runs only after a start saved a new cache file (after a new Node or a
// new prep), so the first file every start compiles (dist/prep.js) does not carry it.
import fs from 'node:fs';
import path from 'node:path';
import { type Crc32, MAGIC } from './code-cache.js';

/** How long another Node's code is kept after it was last written. */
const UNUSED_FOR_MS = 30 * 86_400_000;
/** A temp file this old is what a write that never finished left (writes take milliseconds). */
const ABANDONED_AFTER_MS = 3_600_000;

/** The bundle a cache file was made for (its source's length and CRC), or undefined when it is not one. */
function madeFor(file: string): string | undefined {
  let fd: number | undefined;
  try {
    // Not waiting on a FIFO, nor reading a device (see readCacheFile).
    fd = fs.openSync(file, fs.constants.O_NONBLOCK);
    const head = Buffer.alloc(MAGIC.length + 8);
    if (!fs.fstatSync(fd).isFile() || fs.readSync(fd, head, 0, head.length, 0) < head.length || !head.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
    return `${head.readUInt32LE(MAGIC.length)}:${head.readUInt32LE(MAGIC.length + 4)}`;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** Runs `prune` on each folder in `root`; a folder that fails is left for next time (another prep pruning at the same time, or one prep cannot change). */
function eachFolder(root: string, prune: (name: string, dir: string) => void): void {
  let folders: fs.Dirent[];
  try {
    folders = fs.readdirSync(root, { withFileTypes: true });
  } catch {
    return;
  }
  for (const folder of folders) {
    try {
      if (folder.isDirectory()) prune(folder.name, path.join(root, folder.name));
    } catch {
      // Left for next time.
    }
  }
}

/**
 * Removes from `root` (the `v8-code` folder, one folder per Node in it) what no start can use
 * again, so the cache does not grow with every upgrade of Node or prep: files made for another
 * bundle than `source` (an older prep) or that are not cache files at all, another Node's files
 * not written for 30 days (a Node no longer used; one still in use writes them again, once),
 * temp files of writes that never finished, and the folders left empty. `current` is this Node's
 * folder name, whose files for this bundle stay whatever their age. Node's own compile cache
 * beside `root` (`node-compile-cache`, which Node never prunes) holds a folder per Node and set
 * of V8 flags, `<version>-<arch>-<V8 tag>-<uid>`: another Node's folder none of whose files was
 * written for 30 days goes whole, and this Node's are Node's to keep (it replaces an outdated
 * file itself). Called only after a start saved a file, so never on the way to a command's first
 * frame; failures are ignored.
 */
export function pruneCodeCache(root: string, current: string, source: Uint8Array, crc32: Crc32, now = Date.now()): void {
  const bundle = `${source.length}:${crc32(source)}`;
  const age = (file: string) => now - fs.statSync(file).mtimeMs;
  eachFolder(root, (name, dir) => {
    for (const entry of fs.readdirSync(dir)) {
      const file = path.join(dir, entry);
      const stale = entry.endsWith('.tmp')
        ? age(file) > ABANDONED_AFTER_MS
        : madeFor(file) !== bundle || (name !== current && age(file) > UNUSED_FOR_MS);
      if (stale) fs.rmSync(file, { force: true, recursive: true });
    }
    if (name !== current && fs.readdirSync(dir).length === 0) fs.rmdirSync(dir);
  });
  eachFolder(path.join(path.dirname(root), 'node-compile-cache'), (name, dir) => {
    if (!name.startsWith(`${current}-`) && fs.readdirSync(dir).every((f) => age(path.join(dir, f)) > UNUSED_FOR_MS)) {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
}
