/**
 * A storage failure told as a plain sentence (`could not save to /x/coder.jsonl: no space left
 * on device`), ready to show to the user. `code` keeps the system error code when there is one.
 */
export class StoreError extends Error {
  override readonly name = 'StoreError';
  readonly file: string;
  readonly code: string | undefined;

  constructor(message: string, file: string, options: { code?: string; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.file = file;
    this.code = options.code;
  }
}

const REASONS: Record<string, string> = {
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  EIO: 'input/output error (the disk may be failing)',
  EISDIR: 'it is a folder, not a file',
  ENOTDIR: 'a part of the path is a file, not a folder',
  ENOENT: 'no such file or folder',
  EEXIST: 'a file with that name is in the way',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files',
  EFBIG: 'the file is too large',
  ENAMETOOLONG: 'the path is too long',
  ELOOP: 'too many symbolic links in the path',
};

/** The system error code of `err`, if it has one (`ENOSPC`, `EACCES`...). */
export function errorCode(err: unknown): string | undefined {
  if (typeof err === 'object' && err !== null && 'code' in err && typeof err.code === 'string') {
    return err.code;
  }
  return undefined;
}

/** A few words saying why a file operation failed, for the end of a StoreError message. */
export function describeFsError(err: unknown): string {
  const code = errorCode(err);
  if (code !== undefined && REASONS[code] !== undefined) return REASONS[code];
  if (err instanceof Error) return err.message;
  return String(err);
}

/** Wraps a failed file operation into a StoreError: `${what} ${file}: ${reason}`. */
export function storeErrorFrom(what: string, file: string, err: unknown): StoreError {
  return new StoreError(`${what} ${file}: ${describeFsError(err)}`, file, {
    code: errorCode(err),
    cause: err,
  });
}
