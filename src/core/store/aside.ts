import fs from 'node:fs';
import { writeFileAtomic } from './atomic-write.js';

/** A file-name-safe timestamp: 2024-05-01T10-00-00-000Z (no colons, for every OS). */
export function fileStamp(now = new Date()): string {
  return now.toISOString().replace(/[:.]/g, '-');
}

/** `${file}.${tag}-${stamp}`, with `-2`, `-3`... added until the name is free. */
function freeName(file: string, tag: string, now: Date): string {
  const base = `${file}.${tag}-${fileStamp(now)}`;
  let name = base;
  for (let n = 2; fs.existsSync(name); n++) name = `${base}-${n}`;
  return name;
}

/**
 * Moves a damaged file out of the way rather than overwriting it, so the user can still
 * recover what was in it. Returns the new path.
 */
export function moveAside(file: string, tag: string, now = new Date()): string {
  const target = freeName(file, tag, now);
  fs.renameSync(file, target);
  return target;
}

/**
 * Saves `bytes` next to `file` under a fresh `.tag-stamp` name, whole or not at all (a full disk
 * leaves no half copy). Returns the new path.
 */
export function copyAside(file: string, tag: string, bytes: Uint8Array, now = new Date()): string {
  const target = freeName(file, tag, now);
  // Exclusive: never clobber a file that appeared in the meantime.
  writeFileAtomic(target, bytes, { exclusive: true });
  return target;
}
