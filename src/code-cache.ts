// The file that keeps V8's compiled code of dist/prep-cli.js between starts (src/start.ts). V8
// checks that compiled code matches its own version and flags and the source's length, but not
// that the bytes are intact: a damaged file could crash it. So the file carries its own check:
// the CRC-32 of the code and of the source it was made from, and the Node that made it. A file
// that fails any check is ignored, never read into V8.
import fs from 'node:fs';
import path from 'node:path';

/** zlib.crc32 (Node 20.15+, 22.2+); without it there is no cache. */
export type Crc32 = (data: Uint8Array) => number;

/** The first bytes of every cache file. */
export const MAGIC = Buffer.from('prep-v8-code-cache-1\n', 'latin1');
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
