import { join } from 'node:path';
import { listDecks } from '../core/deck/locate.js';
import { starterDeck } from '../core/deck/starter-deck.js';
import { processIO, shownPath, type CommandIO } from './command-io.js';
import { context } from './context.js';
import { UserError } from './user-error.js';
import { checkDeckName } from './deck-name.js';
import { schemaRef } from './schema-file.js';
import { writeDeckFile } from './write-deck.js';

/** `prep new <name>`: writes a commented starter deck to the user's decks folder; never overwrites. */
export async function newDeck(nameArg: string, io: CommandIO = processIO()): Promise<number> {
  const name = checkDeckName(nameArg);
  const { paths, dirs } = context(io.env);
  const existing = listDecks({ user: dirs.user, shipped: '' }).find((d) => d.name === name);
  if (existing) throw new UserError(`${existing.path} already exists: edit it, or pick another name`);
  const file = join(paths.decksDir, `${name}.yaml`);
  // Never replaces a deck, even one that appeared since the check above.
  writeDeckFile(file, shownPath(file, io.cwd), starterDeck({ name, schema: schemaRef() }), {
    replace: false,
    makeFolder: true,
    exists: `${file} already exists: edit it, or pick another name`,
  });
  io.out(`Created ${shownPath(file, io.cwd)}`);
  if (listDecks({ user: '', shipped: dirs.shipped }).some((d) => d.name === name)) {
    io.out(`It takes the place of the shipped deck "${name}" (rename it to keep both).`);
  }
  io.out(`Next: write your answers in it, check it with "prep lint ${name}", then run: prep drill ${name}`);
  return 0;
}
