import { createHash } from 'node:crypto';
import { mkdirSync, statSync } from 'node:fs';
import { writeFileAtomic } from '../store/atomic-write.js';
import { join, resolve } from 'node:path';
import { encodeDeckEntry, readDeckEntry } from './deck-cache.js';
import { deckNameOf } from './deck-name.js';
import type { Deck } from './types.js';

/**
 * Loads a deck, using a cache of validated decks keyed by the file's identity and change time
 * (path, inode, size, mtime in nanoseconds, as build tools do) and prep's version, so a new
 * loader never trusts an old entry. A hit skips reading and hashing the YAML, parsing and
 * validation, and with them the parser and schema modules, which are imported only on a miss:
 * that is most of a start-up's own cost, and it grows with the deck. A hit parses the cards'
 * texts only when they are read (deck-cache.ts); with `textsOnDemand` (a caller that shows few
 * or no card texts, as `prep stats` and `prep list`) it also reads and checks them only then,
 * chunk by chunk, and a failed check throws CacheTextError.
 *
 * @param salt changes whenever the Deck shape may change (prep's version).
 * @throws DeckError with every problem (from {@link loadDeckFile}, which a miss goes through).
 */
export async function openDeckFile(path: string, opts: { displayPath?: string; cacheDir?: string; salt: string; cacheReadOnly?: boolean; textsOnDemand?: boolean }): Promise<Deck> {
  const absolute = resolve(path);
  const file = opts.displayPath ?? path;
  const name = deckNameOf(absolute);
  const entry = opts.cacheDir ? cacheEntry(opts.cacheDir, absolute, opts.salt) : null;
  if (entry) {
    const hit = readDeckEntry(entry, { textsOnDemand: opts.textsOnDemand });
    if (hit) return { ...hit, name, path: absolute };
  }
  // A miss goes through the one loader; the cache only wraps it.
  const { loadDeckFile } = await import('./load-deck.js');
  const deck = loadDeckFile(absolute, file);
  if (entry && !opts.cacheReadOnly) writeEntry(entry, deck);
  return deck;
}

/** The cache file for a deck as it is on disk now, or null when it cannot be stat'ed (the read will say why). */
function cacheEntry(cacheDir: string, file: string, salt: string): string | null {
  try {
    const st = statSync(file, { bigint: true });
    if (!st.isFile()) return null;
    // Stryker disable next-line StringLiteral: the separator only keeps two different stats from making one key, which no real file pair can be set up to do
    const id = [salt, file, st.dev, st.ino, st.size, st.mtimeNs, st.ctimeNs].join('\0');
    return join(cacheDir, 'decks', `${createHash('sha256').update(id).digest('hex')}.deck`);
  } catch {
    return null;
  }
}

// Best effort: a cache that cannot be written only costs the next start a parse.
function writeEntry(file: string, deck: Deck): void {
  try {
    mkdirSync(join(file, '..'), { recursive: true, mode: 0o700 });
    writeFileAtomic(file, encodeDeckEntry(deck));
  } catch {
    /* see above */
  }
}
