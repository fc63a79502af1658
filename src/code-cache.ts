// The file that keeps V8's compiled code of dist/prep-cli.js between starts (src/start.ts). V8
// checks that compiled code matches its own version and flags and the source's length, but not
// that the bytes are intact: a damaged file could crash it. So the file carries its own check:
// the CRC-32 of the code and of the source it was made from, and the Node that made it. A file
// that fails any check is ignored, never read into V8.
import fs from 'node:fs';
import path from 'node:path';

/** zlib.crc32 (Node 20.15+, 22.2+); without it there is no cache. */
export type Crc32 = (data: Uint8Array) => number;

const MAGIC = Buffer.from('prep-v8-code-cache-1\n', 'latin1');
/** After MAGIC: source length, source CRC, code length, code CRC (uint32 LE), runtime length (uint16 LE). */
const FIXED = MAGIC.length + 4 * 4 + 2;

/** The Node that compiled the code: its version and the machine's architecture. */
export const RUNTIME = `${process.version} ${process.arch}`;

/** The cache file: `code` (V8's cached data) for `source`, made by `runtime`. */
export function encodeCodeCache(source: Uint8Array, code: Uint8Array, crc32: Crc32, runtime = RUNTIME): Buffer {
  const name = Buffer.from(runtime, 'utf8');
  const head = Buffer.alloc(FIXED);
  MAGIC.copy(head);
  let at = MAGIC.length;
  for (const n of [source.length, crc32(source), code.length, crc32(code)]) at = head.writeUInt32LE(n >>> 0, at);
  head.writeUInt16LE(name.length, at);
  return Buffer.concat([head, name, code]);
}

/**
 * V8's cached data in `file` when it was made for exactly `source` by `runtime` and arrived
 * intact; otherwise undefined (a foreign, cut, damaged or outdated file).
 */
export function decodeCodeCache(file: Buffer, source: Uint8Array, crc32: Crc32, runtime = RUNTIME): Buffer | undefined {
  if (file.length < FIXED || !file.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
  const at = MAGIC.length;
  const [sourceLength, sourceCrc, codeLength, codeCrc] = [0, 4, 8, 12].map((k) => file.readUInt32LE(at + k)) as [number, number, number, number];
  const nameEnd = FIXED + file.readUInt16LE(at + 16);
  if (file.length !== nameEnd + codeLength || file.toString('utf8', FIXED, nameEnd) !== runtime) return undefined;
  if (source.length !== sourceLength || crc32(source) !== sourceCrc) return undefined;
  const code = file.subarray(nameEnd);
  return crc32(code) === codeCrc ? code : undefined;
}

/**
 * The cache file's contents, or undefined when there is none, it cannot be read or is no regular
 * file: a FIFO put in its place would block the open (and a plain read) until a writer came,
 * hanging every start, and a link to a device such as /dev/zero would be read without end.
 * O_NONBLOCK (O_RDONLY is 0) makes the open return at once; fstat says what it opened.
 */
export function readCacheFile(file: string): Buffer | undefined {
  try {
    const fd = fs.openSync(file, fs.constants.O_NONBLOCK);
    try {
      return fs.fstatSync(fd).isFile() ? fs.readFileSync(fd) : undefined;
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return undefined;
  }
}

/**
 * Writes the cache file through a temp file renamed into place, so a reader never sees half of
 * one. Failing (a full disk, a read-only folder) leaves things as they were, without a word:
 * the next start is only slower.
 */
export function writeCacheFile(file: string, data: Uint8Array): boolean {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    fs.writeFileSync(tmp, data, { mode: 0o600 });
    fs.renameSync(tmp, file);
    return true;
  } catch {
    try {
      fs.rmSync(tmp, { force: true });
    } catch {
      // Nothing could be written there in the first place.
    }
    return false;
  }
}

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
