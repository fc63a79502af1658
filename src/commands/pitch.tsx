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
import { ListenPanel } from '../ui/components/listen-panel.js';
import type { ListenOptions } from './pitch-listen.js';

/** `prep pitch <deck>`: time the deck's pitch against its target and keep every saved attempt. */
export async function pitch(deckArg: string, listenOpts?: ListenOptions): Promise<number> {
  const { paths, dirs } = context();
  const deck = await openDeck(deckArg, dirs, paths.cacheDir);
  const card = pitchCardOf(deck);
  requireTty('pitch');
  // Listening code is loaded only when asked for.
  const listening = listenOpts ? await import('./pitch-listen.js') : undefined;
  listening?.requireRecorder();
  // Attempts go in the deck's review log, so they get the grades' guarantees (fsync'd appends).
  const { log, records, warnings } = ReviewLog.open(reviewLogPath(paths.logsDir, deck.name));
  for (const w of warnings) process.stderr.write(`prep: ${inert(w)}\n`);

  const session = new PitchSession(initPitch(deck, card, pitchAttempts(records, deck.name)), log);
  const ears = listening && listenOpts ? listening.listen(session, card, deck.name, listenOpts) : undefined;
  try {
    const panel = ears ? <ListenPanel source={ears.source} /> : undefined;
    return await runScreen((done) => <PitchScreen session={session} onDone={done} listening={panel} />);
  } finally {
    ears?.stop();
    log.close();
  }
}
