import { readdirSync, statSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { inert } from '../text/inert.js';
import { closestMatch } from './closest.js';
import { DECK_NAME, deckNameOf } from './deck-name.js';
import { progressKeyFor } from './progress-key.js';

/** A deck file found on disk, before it is parsed. */
export interface DeckRef {
  name: string;
  path: string;
  /** True for the decks that ship with prep, false for the user's own. */
  shipped: boolean;
  /** What its progress is stored under (see progressKeyFor). */
  key: string;
}

/** The folders decks are looked up in, the user's first. */
export interface DeckDirs {
  user: string;
  shipped: string;
}

const EXTS = ['.yaml', '.yml'];

function decksIn(dir: string, shipped: boolean): DeckRef[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const yaml = names.filter((f) => EXTS.includes(extname(f)));
  // Stryker disable next-line MethodExpression: on Linux and macOS Node already lists a folder sorted; the sort is for Windows, where no test runs
  return yaml
    .sort()
    // A file name is anyone's text; a name with a control character can never be looked up
    // (see DECK_NAME), so making it inert changes only what lists show.
    .map((f) => {
      const name = inert(basename(f, extname(f)));
      const path = join(dir, f);
      return { name, path, shipped, key: progressKeyFor(name, path, [dir]) };
    });
}

/** Every deck: the user's, then the shipped ones a user deck of the same name does not hide. */
export function listDecks(dirs: DeckDirs): DeckRef[] {
  const user = decksIn(dirs.user, false);
  const taken = new Set(user.map((d) => d.name));
  return [...user, ...decksIn(dirs.shipped, true).filter((d) => !taken.has(d.name))];
}

/** True when the argument names a file rather than a deck: it has a slash or a YAML extension. */
export function isPathArg(arg: string): boolean {
  return arg.includes('/') || arg.includes('\\') || EXTS.includes(extname(arg));
}

/**
 * Finds the deck an argument means. A name is looked up only inside the deck folders (so `..`
 * can never escape them); anything else must be given as a path.
 */
export function locateDeck(arg: string, dirs: DeckDirs, cwd = process.cwd()): DeckRef | { error: string } {
  if (isPathArg(arg)) {
    const path = resolve(cwd, arg);
    try {
      if (!statSync(path).isFile()) return { error: `${arg} is not a file` };
    } catch {
      return { error: `no such file: ${arg}` };
    }
    const name = deckNameOf(path);
    return { name, path, shipped: false, key: progressKeyFor(name, path, [dirs.user, dirs.shipped]) };
  }
  const known = listDecks(dirs);
  const found = DECK_NAME.test(arg) ? known.find((d) => d.name === arg) : undefined;
  if (found) return found;
  const list = known.map((d) => (d.shipped ? `${d.name} (shipped)` : d.name)).join(', ');
  // A typo ("codr") gets the deck it was meant to be, first: the full list may be long.
  const near = closestMatch(arg, known.map((d) => d.name));
  if (near) return { error: `no deck named "${arg}". Did you mean "${near}"? Available: ${list}` };
  return { error: `no deck named "${arg}". Available: ${list || 'none'}. A file can be given as a path: prep drill ./my-deck.yaml` };
}
