import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';

// A deck cache entry's bytes, taken apart and edited as the cache tests need (the format is in
// src/core/deck/deck-cache.ts).

const CHUNK = 16 * 1024;
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** The one deck cache entry under a home. */
export function entryOf(home: string): string {
  const dir = path.join(home, 'cache', 'decks');
  const names = fs.readdirSync(dir);
  expect(names).toHaveLength(1);
  return path.join(dir, names[0]!);
}

/** An entry's parts: the format line, the index, and where the texts start. */
export function parts(bytes: Buffer) {
  const headEnd = bytes.indexOf(0x0a);
  const textsAt = bytes.indexOf(0x0a, headEnd + 1) + 1;
  return { head: bytes.toString('latin1', 0, headEnd), index: JSON.parse(bytes.toString('utf8', headEnd + 1, textsAt - 1)) as Record<string, unknown>, textsAt };
}

/** The entry with the byte at `at` changed to `to`, and (when `reseal`) its chunk digests and index checksum made to fit again. */
export function edited(bytes: Buffer, at: number, to: string, reseal: boolean): Buffer {
  const out = Buffer.from(bytes);
  out[at] = to.charCodeAt(0);
  if (!reseal) return out;
  const { index, textsAt } = parts(out);
  const texts = out.subarray(textsAt);
  const chunks: string[] = [];
  for (let k = 0; k < texts.length; k += CHUNK) chunks.push(sha(texts.subarray(k, k + CHUNK)));
  const body = Buffer.from(JSON.stringify({ ...index, texts: { bytes: texts.length, chunks } }));
  return Buffer.concat([Buffer.from(`prep-deck-cache 6 ${sha(body)} ${body.length}\n`), body, Buffer.from('\n'), texts]);
}
