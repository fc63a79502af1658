import { fileURLToPath } from 'node:url';
import { DeckError, formatProblem, type Deck } from '../core/deck/types.js';
import { locateDeck, type DeckDirs } from '../core/deck/locate.js';
import { openDeckFile } from '../core/deck/open-deck-file.js';
import pkg from '../../package.json' with { type: 'json' };
import { resolvePaths } from '../core/store/paths.js';
import { relative } from 'node:path';

/** Exit codes: 0 fine, 1 runtime failure, 2 bad input (arguments, deck, no terminal). */
export const EXIT_USAGE = 2;

const USER_ERROR = Symbol.for('prep.UserError');

/** A failure to report as one plain line and an exit code, never a stack trace. */
export class UserError extends Error {
  readonly [USER_ERROR] = true;

  constructor(
    message: string,
    readonly code = EXIT_USAGE,
    /** Lines that already say where they come from (file:line:col) and need no "prep:" prefix. */
    readonly located = false,
  ) {
    super(message);
    this.name = 'UserError';
  }

  // The writing commands run from a second bundle (scripts/build.mjs) with its own copy of this
  // class: `instanceof` goes by the mark, so the CLI knows their errors as its own.
  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && (value as { [USER_ERROR]?: unknown })[USER_ERROR] === true;
  }
}

// dist/prep.js and src/cli.tsx both sit one folder below the package root.
const SHIPPED = fileURLToPath(new URL('../decks/', import.meta.url));

/** Paths and deck folders for this run; PREP_HOME and XDG variables are read here. */
export function context(env: NodeJS.ProcessEnv = process.env) {
  const paths = resolvePaths(env);
  const dirs: DeckDirs = { user: paths.decksDir, shipped: env.PREP_SHIPPED_DECKS ?? SHIPPED };
  return { paths, dirs };
}

/** Finds and loads a deck by name or path, turning every failure into a UserError. */
export async function openDeck(arg: string, dirs: DeckDirs, cacheDir?: string, cwd = process.cwd(), cacheReadOnly = false): Promise<Deck> {
  const ref = locateDeck(arg, dirs, cwd);
  if ('error' in ref) throw new UserError(ref.error);
  const shown = relative(cwd, ref.path);
  try {
    const deck = await openDeckFile(ref.path, { displayPath: shown.startsWith('..') ? ref.path : shown, cacheDir, salt: pkg.version, cacheReadOnly });
    return ref.key === deck.name ? deck : { ...deck, key: ref.key };
  } catch (err) {
    if (err instanceof DeckError) throw new UserError(err.problems.map(formatProblem).join('\n'), EXIT_USAGE, true);
    throw err;
  }
}

/** Interactive screens need a terminal that can go into raw mode. */
export function requireTty(command: string): void {
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    const which = !process.stdin.isTTY ? 'input is' : 'output is';
    throw new UserError(`prep ${command} is interactive and needs a terminal, but its ${which} not a terminal.`);
  }
}
