import fs from 'node:fs';
import { errorCode, StoreError, storeErrorFrom } from './store-error.js';

/**
 * Runs `read` on `file` opened without blocking, once it is known to be a regular file, and
 * closes it; undefined when there is no such file. A FIFO cannot hang the open, and a folder or
 * a device (a link to /dev/zero) is refused instead of read forever. Every refusal, and every
 * failure of `read` that is not already one, is a StoreError saying why.
 */
export function readRegularFile<T>(file: string, read: (fd: number, size: number) => T): T | undefined {
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  } catch (err) {
    if (errorCode(err) === 'ENOENT') return undefined;
    throw storeErrorFrom('cannot read', file, err);
  }
  try {
    const stat = fs.fstatSync(fd);
    if (stat.isDirectory()) throw new StoreError(`cannot read ${file}: it is a folder, not a file`, file, { code: 'EISDIR' });
    if (!stat.isFile()) throw new StoreError(`cannot read ${file}: it is not a regular file`, file);
    return read(fd, stat.size);
  } catch (err) {
    if (err instanceof StoreError) throw err;
    throw storeErrorFrom('cannot read', file, err);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * The text of a small file prep keeps (settings, a snapshot), or undefined when there is none.
 * Checked as logs are (see {@link readRegularFile}), and a file over `maxBytes` is refused
 * instead of loaded.
 */
export function readSmallFile(file: string, maxBytes: number): string | undefined {
  return readSmallBytes(file, maxBytes)?.toString('utf8');
}

/**
 * The bytes of a small file prep keeps, checked and refused as by {@link readSmallFile}. Read
 * whole into one buffer of the file's size: Node's read of an open file as UTF-8 text goes in
 * small pieces, and took three times as long for a 2 MB snapshot as the bytes and one decode.
 */
export function readSmallBytes(file: string, maxBytes: number): Buffer | undefined {
  return readRegularFile(file, (fd, size) => {
    if (size > maxBytes) {
      throw new StoreError(`cannot read ${file}: it is ${size} bytes, over the ${maxBytes} bytes such a file may have`, file, { code: 'EFBIG' });
    }
    return fs.readFileSync(fd);
  });
}

/**
 * A file's text, or undefined when there is none. A FIFO, a device or a folder is refused with
 * a StoreError saying so, never waited on (see {@link readRegularFile}).
 */
export function readText(file: string): string | undefined {
  return readRegularFile(file, (fd) => fs.readFileSync(fd, 'utf8'));
}

/**
 * A file's text, or '' when there is none, it is no regular file or it cannot be read: for
 * sync's looks at the work tree, where a missing or odd file counts as an empty one (a FIFO is
 * never waited on; see {@link readRegularFile}).
 */
export function readTextOrEmpty(file: string): string {
  try {
    return readText(file) ?? '';
  } catch {
    return '';
  }
}
