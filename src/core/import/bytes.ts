// Small helpers for reading a file's UTF-8 bytes without decoding all of them at once.

/** The byte that ends a line in `bytes`: "\n" ("\r\n" included), or "\r" in a file with no "\n" at all (classic Mac). */
export function eolByte(bytes: Uint8Array): number {
  return bytes.includes(0x0a) || !bytes.includes(0x0d) ? 0x0a : 0x0d;
}

/** Where the line starting at `from` ends: the index of its `eol` ("\n" unless told), or the length when it is the last. */
export function lineEnd(bytes: Uint8Array, from: number, eol = 0x0a): number {
  const end = bytes.indexOf(eol, from);
  return end === -1 ? bytes.length : end;
}

/** Bytes `start`..`end` as text, a byte-order mark kept (the callers decide about it). */
export function utf8(bytes: Uint8Array, start: number, end: number): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString('utf8');
}
