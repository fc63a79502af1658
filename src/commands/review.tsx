import { runScreen } from './run-screen.js';
import { openDeck, context, requireTty } from './context.js';
import { UserError } from './user-error.js';
import { loadProgress } from './load-progress.js';
import { inert } from '../core/text/inert.js';
import { resolveInterview } from '../core/schedule/interview.js';
import { openSettings } from '../core/store/settings.js';
import { scheduler } from '../core/schedule/fsrs.js';
import { isSeen } from '../core/schedule/progress.js';
import { weakCards } from '../core/schedule/weakness.js';
import { initDrill } from '../core/session/drill-state.js';
import { DrillSession } from '../core/session/drill-session.js';
import { DrillScreen } from '../ui/screens/drill-screen.js';

export interface ReviewOptions {
  /** At most this many cards (already checked to be 1 or more). */
  limit?: number;
  /** Only cards with this tag. */
  tag?: string;
}

/**
 * `prep review <deck>` (alias `prep weak`): the weak cards only, weakest first, each with the
 * reasons it is weak; graded as early reviews, like `prep drill --all`.
 */
export async function review(deckArg: string, opts: ReviewOptions): Promise<number> {
  const { paths, dirs } = context();
  const deck = await openDeck(deckArg, dirs, paths.cacheDir);
  const cards = opts.tag === undefined ? deck.cards : deck.cards.filter((c) => c.tags.includes(opts.tag as string));
  if (cards.length === 0) {
    const tags = [...new Set(deck.cards.flatMap((c) => c.tags))].sort();
    const known = tags.length ? `its tags are: ${tags.join(', ')}` : 'it has no tags';
    throw new UserError(`no card in ${deck.name} has the tag "${opts.tag}"; ${known}`);
  }
  const settings = openSettings(paths.configDir);
  const { retention, newPerDay, answerMode } = settings.get();
  const { log, progress, warnings, saveSnapshot } = loadProgress(paths, deck, retention);
  try {
    for (const w of [...settings.warnings, ...warnings]) process.stderr.write(`prep: ${inert(w)}\n`);
    const now = Date.now();
    const scope = opts.tag === undefined ? '' : ` tagged "${opts.tag}"`;
    const graded = cards.some((c) => {
      const p = progress.get(c.id);
      return p !== undefined && isSeen(p);
    });
    if (!graded) {
      process.stdout.write(
        inert(`No history yet for ${deck.title}: no answer${scope} has been graded, so none is weak. Start with: prep drill ${deck.name}\n`),
      );
      return 0;
    }
    const weak = weakCards(scheduler(retention), cards, progress, new Date(now), opts.limit);
    if (weak.length === 0) {
      process.stdout.write(
        inert(`No weak answers${scope} in ${deck.title}: nothing forgotten, graded Hard, over time, or below ${Math.round(retention * 100)}% recall.\n`),
      );
      return 0;
    }
    requireTty('review');
    const interview = resolveInterview(deck, settings) ?? undefined;
    const config = { deck, retention, newPerDay, interview, answerMode };
    const state = initDrill(config, progress, now, 'review', weak.map((w) => w.id));
    const session = new DrillSession(state, log);
    const reasons = new Map(weak.map((w) => [w.id, w.reasons]));
    return await runScreen((done) => <DrillScreen session={session} onDone={done} reasons={reasons} />, saveSnapshot);
  } finally {
    log.close();
  }
}
