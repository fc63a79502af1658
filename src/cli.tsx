import './no-color-env.js';
import './closed-pipe.js';
import { Command, CommanderError } from 'commander';
import pkg from '../package.json' with { type: 'json' };
import { EXIT_USAGE, UserError } from './commands/user-error.js';
import { inert } from './core/text/inert.js';
import { interviewArg, mockOrder, positiveInt, secondsArg } from './commands/options.js';

const program = new Command('prep')
  .description('Interview-prep flashcards: drill your answers with spaced repetition.')
  .version(pkg.version, '-v, --version')
  .exitOverride()
  .option('--screen-reader', 'draw the interactive screens as plain text for a screen reader (or set INK_SCREEN_READER=1)')
  .hook('preAction', () => {
    if (program.opts().screenReader) process.env.INK_SCREEN_READER = 'true';
  })
  .configureOutput({ outputError: (text, write) => write(inert(text)) })
  .addHelpText(
    'after',
    `
Examples:
  prep drill coder              drill the cards due today in the coder deck
  prep drill coder --all        go through every card, weakest first
  prep drill coder --type       type each answer; see which key points you hit
  prep drill ./decks/acme.yaml  drill a deck file by its path
  prep drill coder --interview 2026-12-03T14:00   schedule for the interview
  prep drill coder --listen     the pitch card's clock follows your voice
  prep review coder --limit 5   your five weakest answers
  prep pitch coder              time the coder deck's pitch
  prep pitch coder --audio take.m4a   time a recording of it: pauses, pace, verdict
  prep mock coder               rehearse: pitch, 5 questions, an ask card, a scorecard
  prep sheet coder > day.md     the one-page sheet for the morning of the interview
  prep stats coder              where you stand: forecast, calendar, recall, weakest
  prep list --json              every deck, as JSON for scripts
  prep                          your decks on one screen: pick one, then drill, pitch, review
  prep interview coder 2026-12-03T14:00   set the interview date (--clear forgets it)
  prep sync                     share decks and progress with your other machines (git)

Progress lives in $PREP_HOME (or the XDG data folder); see the README.`,
  );

program
  .command('drill')
  .description('drill a deck: due cards first, then new ones')
  .argument('<deck>', 'deck name (from your decks folder or the shipped ones) or a path to a .yaml file')
  .option('--all', 'every card, weakest first, regardless of due dates')
  .option('--interview <date>', 'interview date, 2026-12-03 (09:00) or 2026-12-03T14:00; remembered for the deck', interviewArg)
  .option('--type', 'type each answer before the reveal; the key points it covers suggest the grade')
  .option('--listen', 'on the pitch card, listen through the microphone: your voice starts its clock, a silence stops it')
  .option('--stop-after <seconds>', 'with --listen: seconds of silence that end the pitch (default 2)', secondsArg, 2)
  .option('--keep-audio <dir>', 'with --listen: keep each pitch attempt as a WAV file in this folder')
  .action(async (deck: string, opts: { all?: boolean; interview?: string; type?: boolean; listen?: boolean; stopAfter: number; keepAudio?: string }, cmd: Command) => {
    const { checkListenFlags } = await import('./commands/pitch-options.js');
    checkListenFlags(opts, cmd.getOptionValueSource('stopAfter') === 'cli');
    const { drill } = await import('./commands/drill.js');
    process.exitCode = await drill(deck, { ...opts, listen: opts.listen ? { stopAfter: opts.stopAfter, keepAudio: opts.keepAudio } : undefined });
  });

program
  .command('review')
  .alias('weak')
  .description('review your weak answers: forgotten, graded Hard, slow, or about to be forgotten')
  .argument('<deck>', 'deck name or a path to a .yaml file')
  .option('--limit <n>', 'at most this many cards', positiveInt)
  .option('--tag <tag>', 'only cards with this tag')
  .action(async (deck: string, opts: { limit?: number; tag?: string }) => {
    const { review } = await import('./commands/review.js');
    process.exitCode = await review(deck, opts);
  });

program
  .command('pitch')
  .description('time your 30-second pitch against its target, with your history')
  .argument('<deck>', 'deck name or a path to a .yaml file; the deck needs a `pitch:` section')
  .option('--audio <file>', 'time a recording of the pitch (WAV; other formats through sox or ffmpeg) and save it')
  .option('--json', 'with --audio: print the figures as JSON')
  .option('--dry-run', 'with --audio: show the figures without saving the attempt')
  .option('--history', 'list the saved attempts with their ids (--json for scripts)')
  .option('--delete <id>', 'leave an attempt out of history and stats (recorded in the log, never erased)')
  .option('--listen', 'listen through the microphone: your voice starts the clock, a silence stops it')
  .option('--stop-after <seconds>', 'with --listen: seconds of silence that end the attempt (default 2)', secondsArg, 2)
  .option('--keep-audio <dir>', 'with --listen: keep each attempt as a WAV file in this folder')
  .action(async (deck: string, opts: { audio?: string; json?: boolean; dryRun?: boolean; history?: boolean; delete?: string; listen?: boolean; stopAfter: number; keepAudio?: string }, cmd: Command) => {
    const { checkPitchFlags } = await import('./commands/pitch-options.js');
    checkPitchFlags(opts, cmd.getOptionValueSource('stopAfter') === 'cli');
    if (opts.history || opts.delete !== undefined) {
      const { pitchHistory, pitchDelete } = await import('./commands/pitch-history.js');
      process.exitCode = opts.delete !== undefined ? await pitchDelete(deck, opts.delete) : await pitchHistory(deck, opts);
      return;
    }
    if (opts.audio !== undefined) {
      const { pitchAudio } = await import('./commands/pitch-audio.js');
      process.exitCode = await pitchAudio(deck, opts.audio, opts);
      return;
    }
    const { pitch } = await import('./commands/pitch.js');
    process.exitCode = await pitch(deck, opts.listen ? { stopAfter: opts.stopAfter, keepAudio: opts.keepAudio } : undefined);
  });

program
  .command('mock')
  .description('rehearse the interview: the pitch, questions against the clock, an ask card, then a scorecard')
  .argument('<deck>', 'deck name or a path to a .yaml file')
  .option('--questions <n>', 'how many questions (default 5, or all if fewer)', positiveInt)
  .option('--seed <seed>', 'draw the same questions again: any text or number')
  .option('--order <order>', 'random (weighted to weak and little-practised cards) or deck', mockOrder)
  .option('--type', 'type your answers; the scorecard shows the key points they cover')
  .option('--no-grade', 'grade in the scorecard without touching the schedule')
  .option('--speak', 'read each question aloud (say, espeak-ng, espeak or spd-say)')
  .option('--last', 'show the last scorecard again')
  .action(async (deck: string, opts: import('./commands/mock.js').MockOptions) => {
    const { mock } = await import('./commands/mock.js');
    process.exitCode = await mock(deck, opts);
  });

program
  .command('sheet')
  .description('a one-page summary for the interview day: pitch beats, key points weakest first, your questions')
  .argument('<deck>', 'deck name or a path to a .yaml file')
  .option('--markdown', 'Markdown (the default when the output is not a terminal)')
  .option('--out <file>', 'write it to this file instead (Markdown)')
  .action(async (deck: string, opts: { markdown?: boolean; out?: string }) => {
    const { sheet } = await import('./commands/sheet.js');
    process.exitCode = await sheet(deck, opts);
  });

program
  .command('stats')
  .description('where you stand in a deck: states, due forecast, calendar, recall, weakest, pitch, answer times')
  .argument('<deck>', 'deck name or a path to a .yaml file')
  .option('--json', 'print the figures as JSON (shape in the README)')
  .action(async (deck: string, opts: { json?: boolean }) => {
    const { stats } = await import('./commands/stats.js');
    process.exitCode = await stats(deck, opts);
  });

program
  .command('list')
  .description('every deck, yours and the shipped ones: cards, due, new, interview, last practised')
  .option('--json', 'print the decks as JSON (shape in the README)')
  .action(async (opts: { json?: boolean }) => {
    const { list } = await import('./commands/list.js');
    process.exitCode = await list(opts);
  });

program
  .command('lint')
  .description('check decks: every problem with file:line:col and a hint; exit 2 on any error')
  .argument('[decks...]', 'deck names or .yaml paths; default: every deck in your decks folder')
  .action(async (decks: string[]) => {
    const { lint } = await import('./commands/authoring.js');
    process.exitCode = await lint(decks);
  });

program
  .command('new')
  .description('start a deck: a commented starter in your decks folder')
  .argument('<name>', 'the deck name: letters, digits, - and _')
  .action(async (name: string) => {
    const { newDeck } = await import('./commands/authoring.js');
    process.exitCode = await newDeck(name);
  });

program
  .command('import')
  .description('make a deck from a Markdown prep sheet or an Anki plain-text export')
  .argument('<file>', 'a .md prep sheet, or an Anki export (.txt)')
  .option('--name <name>', 'deck name (default: the file name)')
  .option('--out <path>', 'write the deck exactly here instead of your decks folder')
  .option('--force', 'replace an existing deck file')
  .action(async (file: string, opts: { name?: string; out?: string; force?: boolean }) => {
    const { importDeck } = await import('./commands/authoring.js');
    process.exitCode = await importDeck(file, opts);
  });

program
  .command('schema')
  .description('print the deck format as JSON Schema (for editors and tools)')
  .action(async () => {
    const { schema } = await import('./commands/authoring.js');
    process.exitCode = await schema();
  });

program
  .command('sync')
  .description('share decks, logs and settings with your other machines through a git remote')
  .option('--init <remote-url>', 'make the data folder a git repository syncing with this remote, and push it')
  .option('--status', 'say what is not synced yet; changes nothing')
  .action(async (opts: { init?: string; status?: boolean }) => {
    const { sync } = await import('./commands/sync.js');
    process.exitCode = await sync(opts);
  });

program
  .command('interview')
  .description('show, set or clear the interview date of a deck (remembered like --interview)')
  .argument('<deck>', 'deck name or a path to a .yaml file')
  .argument('[date]', '2026-12-03 (09:00) or 2026-12-03T14:00; without it, print the date and countdown')
  .option('--clear', 'forget the date')
  .option('--past', 'accept a date that has already passed')
  .action(async (deck: string, date: string | undefined, opts: { clear?: boolean; past?: boolean }) => {
    const { interview } = await import('./commands/interview.js');
    process.exitCode = await interview(deck, date, opts);
  });

program
  .command('edit')
  .description('open a deck in $VISUAL/$EDITOR, then lint it (a shipped deck is copied to your decks first)')
  .argument('<deck>', 'deck name or a path to a .yaml file')
  .action(async (deck: string) => {
    const { editDeck } = await import('./commands/authoring.js');
    process.exitCode = await editDeck(deck);
  });

program
  .command('rename')
  .description('rename one of your decks: its file, review log, snapshot and interview date move together')
  .argument('<old>', 'the deck name now')
  .argument('<new>', 'the new name: letters, digits, - and _')
  .action(async (from: string, to: string) => {
    const { renameDeck } = await import('./commands/authoring.js');
    process.exitCode = await renameDeck(from, to);
  });

program
  .command('remove')
  .description('move one of your decks and its review log aside (nothing is deleted)')
  .argument('<deck>', 'the deck name')
  .action(async (deck: string) => {
    const { removeDeck } = await import('./commands/authoring.js');
    process.exitCode = await removeDeck(deck);
  });

for (const c of program.commands) c.exitOverride().showHelpAfterError(`usage: prep ${c.name()} ${c.usage()}`);

try {
  if (process.argv.length <= 2) {
    // `prep` alone: the home screen on a terminal, the deck list without one. (Not a root
    // action: commander would then take `prep dril` for an argument instead of a typo.)
    const { home } = await import('./commands/home.js');
    process.exitCode = await home();
  } else {
    await program.parseAsync(process.argv);
  }
} catch (err) {
  if (err instanceof CommanderError) {
    // Help and version exit 0; every other argument problem has already been printed.
    process.exitCode = err.exitCode === 0 ? 0 : EXIT_USAGE;
  } else if (err instanceof UserError) {
    // Messages quote decks, file names and arguments: inert, they can only be read.
    process.stderr.write(inert(err.located ? `${err.message}\n` : `prep: ${err.message}\n`));
    process.exitCode = err.code;
  } else {
    const e = err as NodeJS.ErrnoException;
    process.stderr.write(inert(`prep: ${e?.message ?? String(err)}\n`));
    process.exitCode = 1;
  }
}
