// Small helpers for reading a file's UTF-8 bytes without decoding all of them at once.

/** Where the line starting at `from` ends: the index of its "\n", or the length when it is the last. */
export function lineEnd(bytes: Uint8Array, from: number): number {
  const end = bytes.indexOf(0x0a, from);
  return end === -1 ? bytes.length : end;
}

/** Bytes `start`..`end` as text, a byte-order mark kept (the callers decide about it). */
export function utf8(bytes: Uint8Array, start: number, end: number): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString('utf8');
}
