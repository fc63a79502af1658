import { pointWarnings } from '../core/answer/point-lint.js';
import { lintDeckFile } from '../core/deck/lint.js';
import { listDecks, locateDeck, type DeckRef } from '../core/deck/locate.js';
import { formatProblem } from '../core/deck/types.js';
import { processIO, shownPath, type CommandIO } from './command-io.js';
import { context } from './context.js';
import { EXIT_USAGE } from './user-error.js';

/**
 * `prep lint [deck | file ...]`: every problem of each deck, errors and warnings, as
 * `file:line:col` lines with a hint, then a summary line per deck. With no argument, lints every
 * deck in the user's decks folder. Exit code 2 when any deck has an error (or cannot be found).
 */
export async function lint(args: string[], io: CommandIO = processIO()): Promise<number> {
  const { dirs } = context(io.env);
  let refs: (DeckRef | { error: string })[];
  if (args.length === 0) {
    refs = listDecks({ user: dirs.user, shipped: '' });
    if (refs.length === 0) {
      io.out(`No decks in ${dirs.user} yet: start one with "prep new <name>" or "prep import <file>".`);
      return 0;
    }
  } else {
    refs = args.map((arg) => locateDeck(arg, dirs, io.cwd));
  }
  let failed = false;
  for (const ref of refs) {
    if ('error' in ref) {
      io.err(`prep: ${ref.error}`);
      failed = true;
      continue;
    }
    const shown = shownPath(ref.path, io.cwd);
    const problems = lintDeckFile(ref.path, shown, [pointWarnings]);
    for (const p of problems) io.out(formatProblem(p));
    const errors = problems.filter((p) => p.severity === 'error').length;
    const warnings = problems.length - errors;
    if (errors > 0) failed = true;
    io.out(`${shown}: ${summary(errors, warnings)}`);
  }
  return failed ? EXIT_USAGE : 0;
}

function summary(errors: number, warnings: number): string {
  if (errors === 0 && warnings === 0) return 'no problems';
  const parts = [];
  if (errors > 0) parts.push(`${errors} error${errors === 1 ? '' : 's'}`);
  if (warnings > 0) parts.push(`${warnings} warning${warnings === 1 ? '' : 's'}`);
  return parts.join(', ');
}
