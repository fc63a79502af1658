import { Command, CommanderError } from 'commander';
import pkg from '../package.json' with { type: 'json' };
import { EXIT_USAGE, UserError } from './commands/context.js';

const program = new Command('prep')
  .description('Interview-prep flashcards: drill your answers with spaced repetition.')
  .version(pkg.version, '-v, --version')
  .exitOverride()
  .addHelpText(
    'after',
    `
Examples:
  prep drill coder              drill the cards due today in the coder deck
  prep drill coder --all        go through every card, weakest first
  prep drill ./decks/acme.yaml  drill a deck file by its path

Progress lives in $PREP_HOME (or the XDG data folder); see the README.`,
  );

program
  .command('drill')
  .description('drill a deck: due cards first, then new ones')
  .argument('<deck>', 'deck name (from your decks folder or the shipped ones) or a path to a .yaml file')
  .option('--all', 'every card, weakest first, regardless of due dates')
  .action(async (deck: string, opts: { all?: boolean }) => {
    const { drill } = await import('./commands/drill.js');
    process.exitCode = await drill(deck, opts);
  });

for (const c of program.commands) c.exitOverride().showHelpAfterError(`usage: prep ${c.name()} ${c.usage()}`);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) {
    // Help and version exit 0; every other argument problem has already been printed.
    process.exitCode = err.exitCode === 0 ? 0 : EXIT_USAGE;
  } else if (err instanceof UserError) {
    process.stderr.write(err.located ? `${err.message}\n` : `prep: ${err.message}\n`);
    process.exitCode = err.code;
  } else {
    const e = err as NodeJS.ErrnoException;
    process.stderr.write(`prep: ${e?.message ?? String(err)}\n`);
    process.exitCode = 1;
  }
}
