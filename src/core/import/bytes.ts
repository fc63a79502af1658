import { isAscii, isUtf8 } from 'node:buffer';

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

/** How much of a file {@link textLength} decodes at a time. */
const LENGTH_CHUNK = 64 * 1024;

/**
 * The length in characters (UTF-16 units) of the text of UTF-8 `bytes` with its "\r\n" line
 * ends made "\n", as the whole text would have, without making it: one a lead byte, two for a
 * 4-byte one. Valid UTF-8 is decoded a part at a time (cut before a lead byte) and the parts'
 * lengths summed, in native code: a loop over every byte in JavaScript took 60 ms a megabyte in
 * V8's interpreter. Other bytes are counted that way still.
 */
export function textLength(bytes: Uint8Array): number {
  let n = 0;
  for (let at = bytes.indexOf(0x0d); at !== -1; at = bytes.indexOf(0x0d, at + 1)) if (bytes[at + 1] === 0x0a) n--;
  if (isAscii(bytes)) return n + bytes.length;
  if (!isUtf8(bytes)) return n + countedLength(bytes);
  for (let at = 0; at < bytes.length; ) {
    let end = Math.min(at + LENGTH_CHUNK, bytes.length);
    while (end < bytes.length && ((bytes[end] as number) & 0xc0) === 0x80) end++;
    n += utf8(bytes, at, end).length;
    at = end;
  }
  return n;
}

/** {@link textLength} but for the line ends, a byte at a time: for bytes that are not UTF-8. */
function countedLength(bytes: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as number;
    if ((b & 0xc0) !== 0x80) n++;
    if (b >= 0xf0) n++;
  }
  return n;
}
