import { isPathArg, locateDeck, type DeckDirs, type DeckRef } from '../core/deck/locate.js';
import { UserError } from './user-error.js';

/**
 * One of the user's own decks, by name, for the commands that move deck files (rename, remove).
 * A path, or a name only the shipped decks have, is refused with a sentence saying why; a typo
 * gets the closest name (locateDeck).
 */
export function ownDeck(arg: string, dirs: DeckDirs, verb: string): DeckRef {
  if (isPathArg(arg)) throw new UserError(`give the deck's name, not a file: prep ${verb} <name> works on the decks in ${dirs.user}`);
  const ref = locateDeck(arg, dirs);
  if ('error' in ref) throw new UserError(ref.error);
  if (ref.shipped) {
    throw new UserError(`"${ref.name}" is a shipped deck and cannot be ${verb === 'rename' ? 'renamed' : 'removed'}; "prep edit ${ref.name}" makes a copy of your own`);
  }
  return ref;
}
