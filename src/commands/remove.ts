import fs from 'node:fs';
import path from 'node:path';
import { fileStamp } from '../core/store/aside.js';
import { reviewLogPath } from '../core/store/paths.js';
import { snapshotPath } from '../core/store/snapshot-store.js';
import { tallyPath } from '../core/store/tally-store.js';
import { processIO, shownPath, type CommandIO } from './command-io.js';
import { context } from './context.js';
import { ownDeck } from './own-deck.js';
import { UserError } from './user-error.js';

/** Moves a file, copying it when the target is on another file system (the decks may be). */
function move(from: string, to: string): void {
  try {
    fs.renameSync(from, to);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EXDEV') throw err;
    fs.copyFileSync(from, to, fs.constants.COPYFILE_EXCL);
    fs.unlinkSync(from);
  }
}

/**
 * `prep remove <deck>`: moves one of the user's decks, with its review log and snapshot, into a
 * folder of its own under `<data>/removed/`, and says where. Nothing is deleted: moving the
 * files back restores the deck with all its progress. Shipped decks cannot be removed.
 */
export async function removeDeck(arg: string, io: CommandIO = processIO()): Promise<number> {
  const { paths, dirs } = context(io.env);
  const ref = ownDeck(arg, dirs, 'remove');
  const dir = path.join(paths.dataDir, 'removed', `${ref.name}-${fileStamp()}`);
  try {
    fs.mkdirSync(dir, { recursive: true });
  } catch (err) {
    throw new UserError(`could not make ${dir}: ${(err as Error).message}`, 1);
  }
  const moved: string[] = [];
  const files = [ref.path, reviewLogPath(paths.logsDir, ref.name), snapshotPath(paths.dataDir, ref.name), tallyPath(paths.dataDir, ref.name)];
  for (const file of files) {
    if (!fs.existsSync(file)) continue;
    try {
      move(file, path.join(dir, path.basename(file)));
      moved.push(path.basename(file));
    } catch (err) {
      throw new UserError(`could not move ${file} to ${dir}: ${(err as Error).message}${moved.length ? ` (already moved: ${moved.join(', ')})` : ''}`, 1);
    }
  }
  io.out(`Removed "${ref.name}": moved ${moved.join(', ')} to ${shownPath(dir, io.cwd)}`);
  io.out(`To bring it back, move ${path.basename(ref.path)} to ${shownPath(path.dirname(ref.path), io.cwd)} and ${ref.name}.jsonl to ${shownPath(paths.logsDir, io.cwd)}.`);
  return 0;
}
