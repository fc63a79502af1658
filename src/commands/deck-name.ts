import { UserError } from './context.js';

// The names `prep drill <name>` looks up: a letter or digit, then letters, digits, '-' or '_'.
const NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/;

/**
 * Checks a deck name given on the command line (`acme` or `acme.yaml`) and returns it without
 * its extension. Slashes, dots and `..` are refused, so the file stays inside the decks folder.
 *
 * @throws UserError saying what a deck name may hold.
 */
export function checkDeckName(arg: string): string {
  const name = arg.trim().replace(/\.ya?ml$/i, '');
  if (!NAME.test(name)) {
    throw new UserError(`"${arg}" cannot be a deck name: use letters, digits, "-" and "_" (no slashes, dots or spaces), e.g. acme-backend`);
  }
  return name;
}
