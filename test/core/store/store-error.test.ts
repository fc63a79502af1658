import { describe, expect, it } from 'vitest';
import { describeFsError, errorCode, StoreError, storeErrorFrom } from '../../../src/core/store/store-error.js';

const sysError = (code: string, message = `${code}: raw system text, open '/x'`) => Object.assign(new Error(message), { code });

describe('storage failures told as plain sentences', () => {
  it.each([
    ['ENOSPC', 'no space left on device'],
    ['EDQUOT', 'disk quota exceeded'],
    ['EACCES', 'permission denied'],
    ['EPERM', 'permission denied'],
    ['EROFS', 'the file system is read-only'],
    ['EIO', 'input/output error (the disk may be failing)'],
    ['EISDIR', 'it is a folder, not a file'],
    ['ENOTDIR', 'a part of the path is a file, not a folder'],
    ['ENOENT', 'no such file or folder'],
    ['EEXIST', 'a file with that name is in the way'],
    ['EMFILE', 'too many open files'],
    ['ENFILE', 'too many open files'],
    ['EFBIG', 'the file is too large'],
    ['ENAMETOOLONG', 'the path is too long'],
    ['ELOOP', 'too many symbolic links in the path'],
  ])('%s reads "%s"', (code, words) => {
    const err = storeErrorFrom('could not save to', '/data/logs/coder.jsonl', sysError(code));
    expect(err).toBeInstanceOf(StoreError);
    expect(err.message).toBe(`could not save to /data/logs/coder.jsonl: ${words}`);
    expect(err.name).toBe('StoreError');
    expect(err.file).toBe('/data/logs/coder.jsonl');
    expect(err.code).toBe(code);
  });

  it('falls back to the error text for codes it has no words for, and keeps the cause', () => {
    const cause = sysError('EBUSY', 'resource busy or locked');
    const err = storeErrorFrom('cannot read', '/x', cause);
    expect(err.message).toBe('cannot read /x: resource busy or locked');
    expect(err.code).toBe('EBUSY');
    expect(err.cause).toBe(cause);
  });

  it('copes with things thrown that are not errors', () => {
    expect(describeFsError('disk on fire')).toBe('disk on fire');
    expect(describeFsError(undefined)).toBe('undefined');
    expect(describeFsError({ code: 42 })).toBe('[object Object]');
    expect(describeFsError({ code: 'ENOSPC' })).toBe('no space left on device');
    expect(errorCode(null)).toBeUndefined();
    expect(errorCode('ENOSPC')).toBeUndefined();
    expect(errorCode({ code: 5 })).toBeUndefined();
    expect(storeErrorFrom('cannot read', '/x', 'odd').code).toBeUndefined();
  });

  it('a StoreError made directly keeps what it was given', () => {
    const e = new StoreError('"a/b" cannot be used as a deck file name', '/logs');
    expect([e.message, e.file, e.code, e.cause]).toEqual(['"a/b" cannot be used as a deck file name', '/logs', undefined, undefined]);
    expect(new StoreError('m', '/f', { code: 'EIO' }).code).toBe('EIO');
  });
});
