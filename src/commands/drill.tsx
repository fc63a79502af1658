import { render } from 'ink';
import { openDeck, context, requireTty } from './context.js';
import { resolveInterview } from './options.js';
import { loadProgress } from './load-progress.js';
import { restoreOnSignals } from './signals.js';
import { inert } from '../core/text/inert.js';
import { openSettings } from '../core/store/settings.js';
import { initDrill } from '../core/session/drill-state.js';
import { DrillSession } from '../core/session/drill-session.js';
import { Root } from '../ui/app.js';
import { DrillScreen } from '../ui/screens/drill-screen.js';

export interface DrillOptions {
  all?: boolean;
  /** `--interview`, already checked to be a real date. */
  interview?: string;
  /** `--type`: type each answer first, whatever the `answerMode` setting says. */
  type?: boolean;
}

/** `prep drill <deck>`: load, replay progress, run the drill screen until the user is done. */
export async function drill(deckArg: string, opts: DrillOptions): Promise<number> {
  const { paths, dirs } = context();
  const deck = await openDeck(deckArg, dirs, paths.cacheDir);
  requireTty('drill');
  const settings = openSettings(paths.configDir);
  const { retention, newPerDay, answerMode } = settings.get();
  const { log, progress, warnings, saveSnapshot } = loadProgress(paths, deck, retention);
  for (const w of [...settings.warnings, ...warnings]) process.stderr.write(`prep: ${inert(w)}\n`);

  const now = Date.now();
  const interview = resolveInterview(deck, settings, opts.interview);
  const config = { deck, retention, newPerDay, interview, answerMode: opts.type ? ('type' as const) : answerMode };
  const session = new DrillSession(initDrill(config, progress, now, opts.all ? 'all' : 'due'), log);

  const app = render(<Root>{(done) => <DrillScreen session={session} onDone={done} />}</Root>, {
    exitOnCtrlC: false,
  });
  // After the first frame is out: the next start then replays only what this one adds.
  setImmediate(saveSnapshot);
  // Every grade is already on disk; a signal only needs the terminal put back.
  const signals = restoreOnSignals(() => app.unmount());
  try {
    await app.waitUntilExit();
  } finally {
    signals.off();
    log.close();
  }
  return signals.status(0);
}
