import fs from 'node:fs';
import { errorCode, StoreError, storeErrorFrom } from './store-error.js';

/**
 * The text of a small file prep keeps (settings, a snapshot), or undefined when there is none.
 * Opened without blocking and checked before reading, as logs and decks are: a FIFO cannot hang
 * the read, a device (a link to /dev/zero) is refused instead of read forever, and a file over
 * `maxBytes` is refused instead of loaded. Every refusal is a StoreError saying why.
 */
export function readSmallFile(file: string, maxBytes: number): string | undefined {
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
    if (stat.size > maxBytes) {
      throw new StoreError(`cannot read ${file}: it is ${stat.size} bytes, over the ${maxBytes} bytes such a file may have`, file, { code: 'EFBIG' });
    }
    return fs.readFileSync(fd, 'utf8');
  } catch (err) {
    if (err instanceof StoreError) throw err;
    throw storeErrorFrom('cannot read', file, err);
  } finally {
    fs.closeSync(fd);
  }
}
