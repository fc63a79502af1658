import { runScreen } from './run-screen.js';
import { openDeck, context, requireTty } from './context.js';
import { pitchCardOf } from './pitch-card.js';
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
  const card = pitchCardOf(deck);
  requireTty('pitch');
  // Attempts go in the deck's review log, so they get the grades' guarantees (fsync'd appends).
  const { log, records, warnings } = ReviewLog.open(reviewLogPath(paths.logsDir, deck.name));
  for (const w of warnings) process.stderr.write(`prep: ${inert(w)}\n`);

  const session = new PitchSession(initPitch(deck, card, pitchAttempts(records, deck.name)), log);
  try {
    return await runScreen((done) => <PitchScreen session={session} onDone={done} />);
  } finally {
    log.close();
  }
}
