import { basename } from 'node:path';

/**
 * The one rule for a deck name, the part `prep drill <name>` looks up: a letter, digit or '_',
 * then letters, digits, '-' or '_'. No dots or slashes, so a name never leaves the decks folder;
 * no leading '-', so it never reads as an option. A deck file someone named by hand is found at
 * any length; the names prep itself gives (new, import, rename) stay within MAX_DECK_NAME.
 */
export const DECK_NAME = /^[A-Za-z0-9_][A-Za-z0-9_-]*$/;

/** The longest name prep gives a deck; its progress files are named after it too. */
export const MAX_DECK_NAME = 100;

/** A deck's name: its file name without `.yaml` / `.yml` (`coder.yaml` -> `coder`). */
export function deckNameOf(path: string): string {
  return basename(path).replace(/\.ya?ml$/i, '');
}

/**
 * A deck name given by the user (`acme` or `acme.yaml`) without its extension, or why it cannot
 * be one.
 */
export function checkDeckName(arg: string): { name: string } | { error: string } {
  const name = deckNameOf(arg.trim());
  if (name !== arg.trim().replace(/\.ya?ml$/i, '') || !DECK_NAME.test(name) || name.length > MAX_DECK_NAME) {
    return { error: `"${arg}" cannot be a deck name: use up to ${MAX_DECK_NAME} letters, digits, "-" and "_" (no slashes, dots or spaces), e.g. acme-backend` };
  }
  return { name };
}
