import { runScreen } from './run-screen.js';
import { openDeck, context, requireTty } from './context.js';
import { resolveInterview } from '../core/schedule/interview.js';
import { loadProgress } from './load-progress.js';
import { inert } from '../core/text/inert.js';
import { openSettings } from '../core/store/settings.js';
import { initDrill } from '../core/session/drill-state.js';
import { DrillSession } from '../core/session/drill-session.js';
import { DrillScreen } from '../ui/screens/drill-screen.js';
import { pitchCardOf } from './pitch-card.js';
import type { ListenOptions } from './pitch-listen.js';

export interface DrillOptions {
  all?: boolean;
  /** `--interview`, already checked to be a real date. */
  interview?: string;
  /** `--type`: type each answer first, whatever the `answerMode` setting says. */
  type?: boolean;
  /** `--listen`: the pitch card's timer follows the microphone. */
  listen?: ListenOptions;
}

/** `prep drill <deck>`: load, replay progress, run the drill screen until the user is done. */
export async function drill(deckArg: string, opts: DrillOptions): Promise<number> {
  const { paths, dirs } = context();
  const deck = await openDeck(deckArg, dirs, paths.cacheDir);
  // --listen times the pitch card: a deck without one is refused, as `prep pitch` refuses it.
  const pitchCard = opts.listen ? pitchCardOf(deck) : undefined;
  requireTty('drill');
  // Listening code is loaded only when asked for; no recorder is a one-line error before the screen.
  const listening = opts.listen ? await import('./drill-listen.js') : undefined;
  listening?.requireRecorder();
  const settings = openSettings(paths.configDir);
  const { retention, newPerDay, answerMode } = settings.get();
  const { log, progress, warnings, saveSnapshot } = loadProgress(paths, deck, retention);
  for (const w of [...settings.warnings, ...warnings]) process.stderr.write(`prep: ${inert(w)}\n`);

  const now = Date.now();
  const interview = resolveInterview(deck, settings, opts.interview) ?? undefined;
  const config = { deck, retention, newPerDay, interview, answerMode: opts.type ? ('type' as const) : answerMode };
  const session = new DrillSession(initDrill(config, progress, now, opts.all ? 'all' : 'due'), log);
  const ears = listening && opts.listen && pitchCard ? listening.listenInDrill(session, pitchCard, deck.name, opts.listen) : undefined;

  try {
    // The snapshot waits for the first frame; the next start then replays only what this one adds.
    return await runScreen((done) => <DrillScreen session={session} onDone={done} listen={ears?.source} />, saveSnapshot);
  } finally {
    ears?.stop();
    log.close();
  }
}
