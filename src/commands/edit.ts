import { spawnSync } from 'node:child_process';
import { accessSync, constants, copyFileSync, mkdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { locateDeck } from '../core/deck/locate.js';
import { processIO, shownPath, type CommandIO } from './command-io.js';
import { context } from './context.js';
import { splitCommand } from './editor-command.js';
import { lint } from './lint.js';
import { UserError } from './user-error.js';

/** The editors tried, in order, when neither $VISUAL nor $EDITOR is set (as git does). */
const FALLBACKS = ['vi', 'nano'];

function onPath(program: string, env: NodeJS.ProcessEnv): boolean {
  return (env.PATH ?? '').split(delimiter).some((dir) => {
    try {
      accessSync(join(dir || '.', program), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/** The editor to run, as program + arguments, and where it came from. */
function chooseEditor(env: NodeJS.ProcessEnv): { argv: string[]; from: string } {
  for (const name of ['VISUAL', 'EDITOR'] as const) {
    const value = env[name]?.trim();
    if (!value) continue;
    const argv = splitCommand(value);
    if (!argv || argv.length === 0) throw new UserError(`$${name} cannot be read as a command (an unclosed quote?): ${value}`);
    return { argv, from: `$${name}` };
  }
  const found = FALLBACKS.find((p) => onPath(p, env));
  if (!found) throw new UserError('no editor found: set $EDITOR (e.g. export EDITOR=nano), then run this again');
  return { argv: [found], from: 'fallback' };
}

/**
 * `prep edit <deck>`: opens the deck file in the user's editor, then lints it. A shipped deck is
 * first copied to the user's decks folder (it then takes the shipped one's place), so the
 * shipped file is never changed. The editor runs without a shell (see splitCommand).
 */
export async function editDeck(arg: string, io: CommandIO = processIO()): Promise<number> {
  const { paths, dirs } = context(io.env);
  const ref = locateDeck(arg, dirs, io.cwd);
  if ('error' in ref) throw new UserError(ref.error);
  let file = ref.path;
  if (ref.shipped) {
    file = join(paths.decksDir, `${ref.name}.yaml`);
    mkdirSync(paths.decksDir, { recursive: true });
    // COPYFILE_EXCL: a deck of the user's is never overwritten.
    copyFileSync(ref.path, file, constants.COPYFILE_EXCL);
    io.out(`"${ref.name}" is a shipped deck: copied it to ${shownPath(file, io.cwd)}, your own copy, which now takes its place.`);
  }
  const { argv, from } = chooseEditor(io.env);
  const [program, ...args] = argv as [string, ...string[]];
  if (from === 'fallback') io.out(`No $VISUAL or $EDITOR set: opening ${program}. Set EDITOR to choose another editor.`);
  const result = spawnSync(program, [...args, file], { stdio: 'inherit', env: io.env, cwd: io.cwd });
  if (result.error) {
    const why = (result.error as NodeJS.ErrnoException).code === 'ENOENT' ? 'not found' : result.error.message;
    throw new UserError(`cannot start the editor "${program}"${from === 'fallback' ? '' : ` (from ${from})`}: ${why}`, 1);
  }
  if (result.status !== 0) {
    io.err(`prep: the editor exited with ${result.signal ?? `status ${result.status}`}; checking the deck anyway`);
  }
  const code = await lint([file], io);
  if (code === 0) io.out(`Next: prep drill ${ref.name}`);
  return code === 0 && result.status !== 0 ? 1 : code;
}
