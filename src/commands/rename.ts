import fs from 'node:fs';
import path from 'node:path';
import { listDecks } from '../core/deck/locate.js';
import { renameInLine } from '../core/sync/log-moves.js';
import { reviewLogPath } from '../core/store/paths.js';
import { snapshotPath } from '../core/store/snapshot-store.js';
import { writeFileAtomic } from '../core/store/atomic-write.js';
import { describeFsError, StoreError } from '../core/store/store-error.js';
import { tallyPath } from '../core/store/tally-store.js';
import { openSettings } from '../core/store/settings.js';
import { processIO, shownPath, type CommandIO } from './command-io.js';
import { context } from './context.js';
import { checkDeckName } from './deck-name.js';
import { ownDeck } from './own-deck.js';
import { readSettings } from './report-io.js';
import { UserError } from './user-error.js';

/** One step of a rename, and how to take it back if a later step fails. */
interface Step {
  run(): void;
  undo(): void;
}

/** Moves `from` to `to` without ever replacing a file at `to` (link fails if it exists). */
function moveNoClobber(from: string, to: string): Step {
  return {
    run: () => {
      fs.mkdirSync(path.dirname(to), { recursive: true });
      fs.linkSync(from, to);
      fs.unlinkSync(from);
    },
    undo: () => {
      fs.linkSync(to, from);
      fs.unlinkSync(to);
    },
  };
}

/**
 * The review log under its new name: every record that names the old deck names the new one
 * (the pitch history is found by deck name); any other line is kept byte for byte. Written to a
 * temp file, fsynced, then linked into place (writeFileAtomic), so the new log is whole or
 * absent, and a failure (a full disk) leaves no temp file behind.
 */
function rewriteLog(from: string, to: string, oldName: string, newName: string): Step {
  return {
    run: () => {
      const lines = fs.readFileSync(from, 'utf8').split('\n');
      writeFileAtomic(to, lines.map((line) => renameInLine(line, oldName, newName)).join('\n'), { exclusive: true });
    },
    undo: () => fs.unlinkSync(to),
  };
}

/**
 * `prep rename <old> <new>`: the deck file, its review log, its replay snapshot and its saved
 * interview date all take the new name, or, if a step fails, everything is put back as it was.
 * Refused when anything already goes by the new name. The old log is removed only at the end,
 * once its copy under the new name is on disk.
 */
export async function renameDeck(fromArg: string, toArg: string, io: CommandIO = processIO()): Promise<number> {
  const { paths, dirs } = context(io.env);
  const ref = ownDeck(fromArg, dirs, 'rename');
  const to = checkDeckName(toArg);
  if (to === ref.name) throw new UserError(`"${ref.name}" already has that name`);
  const clash = listDecks(dirs).find((d) => d.name === to);
  if (clash) throw new UserError(`a deck named "${to}" already exists (${shownPath(clash.path, io.cwd)}): pick another name`);
  const oldLog = reviewLogPath(paths.logsDir, ref.name);
  const newLog = reviewLogPath(paths.logsDir, to);
  const oldSnap = snapshotPath(paths.dataDir, ref.name);
  const newSnap = snapshotPath(paths.dataDir, to);
  for (const f of [newLog, newSnap]) {
    if (fs.existsSync(f)) throw new UserError(`${shownPath(f, io.cwd)} already exists (left from an earlier deck "${to}"?): move it away or pick another name`);
  }

  const steps: Step[] = [];
  if (fs.existsSync(oldLog)) steps.push(rewriteLog(oldLog, newLog, ref.name, to));
  if (fs.existsSync(oldSnap)) steps.push(moveNoClobber(oldSnap, newSnap));
  steps.push(moveNoClobber(ref.path, path.join(path.dirname(ref.path), `${to}${path.extname(ref.path)}`)));
  const saved = readSettings(paths.configDir).values.interviews;
  const date = Object.hasOwn(saved, ref.name) ? saved[ref.name] : undefined;
  if (date !== undefined) {
    // Opened only when it is this step's turn: opening writes the file (conf fills in defaults).
    let settings: ReturnType<typeof openSettings> | undefined;
    steps.push({
      run: () => {
        settings = openSettings(paths.configDir);
        settings.setInterview(to, date);
        settings.clearInterview(ref.name);
      },
      undo: () => {
        settings?.setInterview(ref.name, date);
        settings?.clearInterview(to);
      },
    });
  }

  const done: Step[] = [];
  try {
    for (const step of steps) {
      step.run();
      done.push(step);
    }
  } catch (err) {
    for (const step of done.reverse()) {
      try {
        step.undo();
      } catch {
        // Put back what can be; the message below says the rename did not happen.
      }
    }
    const why = err instanceof StoreError ? err.message : describeFsError(err);
    throw new UserError(`could not rename "${ref.name}" to "${to}", nothing was changed: ${why}`, 1);
  }
  // The copy under the new name is whole: only now does the old log go.
  if (fs.existsSync(oldLog)) fs.unlinkSync(oldLog);
  // The stats' tally is a cache of the old log's bytes, which the rename rewrote: the next drill counts it again.
  fs.rmSync(tallyPath(paths.dataDir, ref.name), { force: true });
  io.out(`Renamed "${ref.name}" to "${to}": deck file, review log${date ? ', interview date' : ''} and all.`);
  io.out(`Next: prep drill ${to}`);
  return 0;
}
