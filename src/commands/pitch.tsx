import { recordsOfDeck } from '../core/store/deck-records.js';
import { progressKey } from '../core/deck/progress-key.js';
import { runScreen } from './run-screen.js';
import { openDeck, context, requireTty, UserError } from './context.js';
import { inert } from '../core/text/inert.js';
import { ReviewLog } from '../core/store/review-log.js';
import { reviewLogPath } from '../core/store/paths.js';
import { pitchAttempts } from '../core/pitch/history.js';
import { initPitch } from '../core/session/pitch-state.js';
import { PitchSession } from '../core/session/pitch-session.js';
import { PitchScreen } from '../ui/screens/pitch-screen.js';

/** `prep pitch <deck>`: time the deck's pitch against its target and keep every saved attempt. */
export async function pitch(deckArg: string): Promise<number> {
  const { paths, dirs } = context();
  const deck = await openDeck(deckArg, dirs, paths.cacheDir);
  const card = deck.cards.find((c) => c.kind === 'pitch');
  if (!card) throw new UserError(`the deck "${deck.name}" has no pitch: add a \`pitch:\` section (see README)`);
  requireTty('pitch');
  // Attempts go in the deck's review log, so they get the grades' guarantees (fsync'd appends).
  const opened = ReviewLog.open(reviewLogPath(paths.logsDir, progressKey(deck)));
  const { log } = opened;
  const { records, warnings } = recordsOfDeck(opened, progressKey(deck));
  for (const w of warnings) process.stderr.write(`prep: ${inert(w)}\n`);

  const session = new PitchSession(initPitch(deck, card, pitchAttempts(records, progressKey(deck))), log);
  try {
    return await runScreen((done) => <PitchScreen session={session} onDone={done} />);
  } finally {
    log.close();
  }
}
