import { fileURLToPath } from 'node:url';
import { DeckError, formatProblem, type Deck } from '../core/deck/types.js';
import { locateDeck, type DeckDirs } from '../core/deck/locate.js';
import { openDeckFile } from '../core/deck/open-deck-file.js';
import { CacheTextError } from '../core/deck/cache-texts.js';
import pkg from '../../package.json' with { type: 'json' };
import { resolvePaths } from '../core/store/paths.js';
import { shownPath } from './command-io.js';
import { EXIT_USAGE, UserError } from './user-error.js';

// dist/prep.js and src/cli.tsx both sit one folder below the package root.
const SHIPPED = fileURLToPath(new URL('../decks/', import.meta.url));

/** Paths and deck folders for this run; PREP_HOME and XDG variables are read here. */
export function context(env: NodeJS.ProcessEnv = process.env) {
  const paths = resolvePaths(env);
  const dirs: DeckDirs = { user: paths.decksDir, shipped: env.PREP_SHIPPED_DECKS ?? SHIPPED };
  return { paths, dirs };
}

/** Finds and loads a deck by name or path, turning every failure into a UserError. */
export async function openDeck(arg: string, dirs: DeckDirs, cacheDir?: string, cwd = process.cwd(), cacheReadOnly = false, textsOnDemand = false): Promise<Deck> {
  const ref = locateDeck(arg, dirs, cwd);
  if ('error' in ref) throw new UserError(ref.error);
  try {
    const deck = await openDeckFile(ref.path, { displayPath: shownPath(ref.path, cwd), cacheDir, salt: pkg.version, cacheReadOnly, textsOnDemand });
    return ref.key === deck.name ? deck : { ...deck, key: ref.key };
  } catch (err) {
    if (err instanceof DeckError) throw new UserError(err.problems.map(formatProblem).join('\n'), EXIT_USAGE, true);
    throw err;
  }
}

/**
 * A read-only report on a deck (`make` returns what to print, and must print nothing itself):
 * made from the deck cache, reading and checking only the card texts it shows. Should one of
 * them fail its check (the entry was damaged), the report is made again from the deck's file,
 * with no cache read or written, so a damaged text is never shown and the output is the same.
 */
export async function reportOnDeck<T>(arg: string, dirs: DeckDirs, cacheDir: string | undefined, cwd: string, make: (deck: Deck, again: boolean) => T | Promise<T>): Promise<T> {
  const cached = await openDeck(arg, dirs, cacheDir, cwd, true, true);
  try {
    return await make(cached, false);
  } catch (err) {
    if (!(err instanceof CacheTextError)) throw err;
  }
  return make(await openDeck(arg, dirs, undefined, cwd), true);
}

/** Interactive screens need a terminal that can go into raw mode. */
export function requireTty(command: string): void {
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    const which = !process.stdin.isTTY ? 'input is' : 'output is';
    throw new UserError(`prep ${command} is interactive and needs a terminal, but its ${which} not a terminal.`);
  }
  // A dumb terminal cannot move the cursor, and every redraw of a live screen moves it (Ink's,
  // and its screen-reader mode's too): refuse in one line rather than scroll frame after frame.
  if (process.env.TERM === 'dumb') {
    throw new UserError(`prep ${command} redraws the screen, which TERM=dumb cannot do; run it in a terminal such as xterm (prep list, stats and lint print plain text).`);
  }
}
