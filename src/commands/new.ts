import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { listDecks } from '../core/deck/locate.js';
import { starterDeck } from '../core/deck/starter-deck.js';
import { processIO, shownPath, type CommandIO } from './command-io.js';
import { context } from './context.js';
import { UserError } from './user-error.js';
import { checkDeckName } from './deck-name.js';
import { schemaRef } from './schema-file.js';

/** `prep new <name>`: writes a commented starter deck to the user's decks folder; never overwrites. */
export async function newDeck(nameArg: string, io: CommandIO = processIO()): Promise<number> {
  const name = checkDeckName(nameArg);
  const { paths, dirs } = context(io.env);
  const existing = listDecks({ user: dirs.user, shipped: '' }).find((d) => d.name === name);
  if (existing) throw new UserError(`${existing.path} already exists: edit it, or pick another name`);
  const file = join(paths.decksDir, `${name}.yaml`);
  mkdirSync(paths.decksDir, { recursive: true });
  try {
    // 'wx' fails if the file appeared since the check: a deck is never overwritten.
    writeFileSync(file, starterDeck({ name, schema: schemaRef() }), { flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') throw new UserError(`${file} already exists: edit it, or pick another name`);
    throw err;
  }
  io.out(`Created ${shownPath(file, io.cwd)}`);
  if (listDecks({ user: '', shipped: dirs.shipped }).some((d) => d.name === name)) {
    io.out(`It takes the place of the shipped deck "${name}" (rename it to keep both).`);
  }
  io.out(`Next: write your answers in it, check it with "prep lint ${name}", then run: prep drill ${name}`);
  return 0;
}
