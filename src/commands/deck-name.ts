import { checkDeckName as check } from '../core/deck/deck-name.js';
import { UserError } from './user-error.js';

/**
 * A deck name given on the command line (`acme` or `acme.yaml`), without its extension.
 *
 * @throws UserError saying what a deck name may hold (see core/deck/deck-name.ts).
 */
export function checkDeckName(arg: string): string {
  const checked = check(arg);
  if ('error' in checked) throw new UserError(checked.error);
  return checked.name;
}
