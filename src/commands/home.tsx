import { runScreen } from './run-screen.js';
import { UserError } from './user-error.js';
import { deckSummaries } from './list.js';
import { inert } from '../core/text/inert.js';
import { HomeSession } from '../core/session/home-session.js';
import { initHome, type HomeChoice } from '../core/session/home-state.js';
import { HomeScreen } from '../ui/screens/home-screen.js';

/** Runs what was picked on the home screen, as `prep <command> <deck file>` would. */
async function runChoice(choice: HomeChoice): Promise<number> {
  // Each command loads only when picked, as from the command line (src/cli.tsx).
  switch (choice.command) {
    case 'drill':
      return (await import('./drill.js')).drill(choice.path, {});
    case 'pitch':
      return (await import('./pitch.js')).pitch(choice.path);
    case 'review':
      return (await import('./review.js')).review(choice.path, {});
    case 'stats':
      return (await import('./stats.js')).stats(choice.path, {});
    case 'mock':
      return (await import('./mock.js')).mock(choice.path, {});
  }
}

/**
 * `prep` with no arguments. On a terminal: the home screen; the command picked there runs on
 * its own screen once the home screen has closed, and a drill, pitch or review then comes back
 * to it (stats prints and leaves, to be read). Without a terminal (or with TERM=dumb): the
 * `prep list` table.
 */
export async function home(): Promise<number> {
  // A dumb terminal cannot move the cursor to redraw a screen: it gets the table too.
  if (!process.stdin.isTTY || !process.stdout.isTTY || process.env.TERM === 'dumb') {
    const { list } = await import('./list.js');
    return list({});
  }
  let select: string | null = null;
  let message: string | null = null;
  for (;;) {
    const decks = await deckSummaries(new Date(), (w) => process.stderr.write(`prep: ${inert(w)}\n`));
    const session: HomeSession = new HomeSession(initHome(decks, { select, message }));
    const status = await runScreen((done) => <HomeScreen session={session} onDone={done} />);
    const choice: HomeChoice | null = session.getState().choice;
    if (status !== 0 || !choice) return status;
    select = choice.name;
    message = null;
    try {
      const code = await runChoice(choice);
      // Stats are printed to be read; a signal (130, 143) ends everything.
      if (choice.command === 'stats' || code !== 0) return code;
    } catch (err) {
      // A deck that changed since the list was drawn, say: shown on the home screen instead.
      if (!(err instanceof UserError)) throw err;
      message = inert(err.message.split('\n')[0]!);
    }
  }
}
