import { createHash } from 'node:crypto';
import { realpathSync } from 'node:fs';
import { dirname } from 'node:path';
import { DECK_NAME, MAX_DECK_NAME } from './deck-name.js';
import type { Deck } from './types.js';

/** The real path of `path` (links resolved), or the path itself when it cannot be resolved. */
function real(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/**
 * The key a deck's progress (review log, snapshot, interview date) is stored under. A deck in a
 * deck folder keeps its name, so every existing log still fits; a deck given by a path outside
 * the deck folders gets its name plus a short hash of its real path (`coder.3f9a1c2e`), so
 * `/tmp/o/coder.yaml` never grades into the shipped coder deck's log. The dot cannot occur in a
 * deck name, so such a key never meets a named deck's. A name too long for a file name is cut
 * and hashed the same way.
 */
export function progressKeyFor(name: string, path: string, folders: string[]): string {
  const file = real(path);
  // Stryker disable next-line StringLiteral: real('') is '' (it cannot be resolved), never a file's folder; the test only skips a failing call
  const inFolder = folders.some((f) => f !== '' && real(f) === dirname(file));
  if (inFolder && DECK_NAME.test(name) && name.length <= MAX_DECK_NAME) return name;
  const hash = createHash('sha256').update(file).digest('hex').slice(0, 8);
  const head = name.slice(0, 60).replace(/[^A-Za-z0-9_-]/g, '_');
  return `${head}.${hash}`;
}

/** The key a loaded deck's progress is stored under (its name when no other was set). */
export function progressKey(deck: Pick<Deck, 'name' | 'key'>): string {
  return deck.key ?? deck.name;
}
