import { progressKey } from '../core/deck/progress-key.js';
import { runScreen } from './run-screen.js';
import { openDeck, context, reportOnDeck, requireTty } from './context.js';
import { UserError } from './user-error.js';
import { loadProgress } from './load-progress.js';
import { outputColumns, readRecords, readSettings, writeOut } from './report-io.js';
import { SPEECH_COMMANDS, findOnPath, speechCommand } from './speech.js';
import { wantsColour } from '../ui/theme.js';
import { inert } from '../core/text/inert.js';
import { interviewOf } from '../core/schedule/interview.js';
import { openSettings } from '../core/store/settings.js';
import { scheduler } from '../core/schedule/fsrs.js';
import { replay } from '../core/schedule/snapshot.js';
import { newRecordId, type MockRecord } from '../core/store/log-records.js';
import { DEFAULT_MOCK_QUESTIONS, drawAsk, drawQuestions, seededRandom, type MockOrder } from '../core/session/mock-draw.js';
import { initMock } from '../core/session/mock-state.js';
import { MockSession } from '../core/session/mock-session.js';
import { itemsOfRecord, scorecard } from '../core/session/mock-view.js';
import type { Deck } from '../core/deck/types.js';
import { MockScreen } from '../ui/screens/mock-screen.js';

export interface MockOptions {
  /** How many questions (already checked to be 1 or more). */
  questions?: number;
  seed?: string;
  order?: MockOrder;
  /** --type: type the answers. */
  type?: boolean;
  /** False with --no-grade: the scorecard's grades stay out of the schedule. */
  grade?: boolean;
  /** --speak: read each question aloud. */
  speak?: boolean;
  /** --last: show the last scorecard again, then exit. */
  last?: boolean;
}

/** `prep mock <deck>`: the pitch, N questions and an ask card against the clock, then a scorecard. */
export async function mock(deckArg: string, opts: MockOptions = {}): Promise<number> {
  const { paths, dirs } = context();
  if (opts.last) {
    // --last only reads: it uses the deck cache but never writes it, and reads from it the texts
    // of the scorecard's cards only (a damaged one: the scorecard is made from the deck's file).
    writeOut(await reportOnDeck(deckArg, dirs, paths.cacheDir, process.cwd(), (deck, again) => lastScorecard(deck, paths, again)));
    return 0;
  }
  const deck = await openDeck(deckArg, dirs, paths.cacheDir, process.cwd());
  if (!deck.cards.some((c) => c.kind === 'question')) throw new UserError(`the deck "${deck.name}" has no questions to rehearse`);
  requireTty('mock');
  let speaker = null;
  let silent: string | null = null;
  if (opts.speak) {
    const found = findOnPath(SPEECH_COMMANDS);
    if (found) speaker = speechCommand(found);
    else silent = `--speak: no ${SPEECH_COMMANDS.slice(0, -1).join(', ')} or ${SPEECH_COMMANDS.at(-1)} on PATH; running silently.`;
  }
  // Said before the screen and on it: the screen takes the whole window.
  if (silent) process.stderr.write(`prep: ${silent}\n`);
  const settings = openSettings(paths.configDir);
  const { retention } = settings.get();
  const { log, progress, warnings, saveSnapshot } = loadProgress(paths, deck, retention);
  try {
    for (const w of [...settings.warnings, ...warnings]) process.stderr.write(`prep: ${inert(w)}\n`);
    const now = Date.now();
    const order = opts.order ?? 'random';
    const random = seededRandom(opts.seed ?? String(now));
    const questions = drawQuestions(scheduler(retention), deck, progress, new Date(now), {
      count: opts.questions ?? DEFAULT_MOCK_QUESTIONS,
      order,
      random,
    });
    const pitch = deck.cards.find((c) => c.kind === 'pitch');
    const ask = drawAsk(deck, { order, random });
    const cards = [...(pitch ? [pitch] : []), ...questions, ...(ask ? [ask] : [])];
    const state = initMock(
      {
        id: newRecordId(),
        deck,
        cards,
        speak: speaker !== null,
        type: opts.type === true,
        scheduled: opts.grade !== false,
        progress: new Map(cards.map((c) => [c.id, progress.get(c.id)!])),
        retention,
        interview: interviewOf(deck, settings.get().interviews),
      },
      now,
    );
    const session = new MockSession(silent ? { ...state, notice: silent } : state, log, speaker);
    return await runScreen((done) => <MockScreen session={session} onDone={done} />, saveSnapshot);
  } finally {
    speaker?.stop();
    log.close();
  }
}

/** `prep mock <deck> --last`: the last rehearsal's scorecard, as the text to print; warnings go to stderr unless this is a second try. */
async function lastScorecard(deck: Deck, paths: ReturnType<typeof context>['paths'], again: boolean): Promise<string> {
  const settings = readSettings(paths.configDir);
  const { records, warnings } = readRecords(paths, progressKey(deck));
  if (!again) for (const w of [...settings.warnings, ...warnings]) process.stderr.write(`prep: ${inert(w)}\n`);
  const last = records.filter((r): r is MockRecord => r.type === 'mock' && r.deck === progressKey(deck)).at(-1);
  if (!last) return inert(`No rehearsal of ${deck.title} yet. Start one with: prep mock ${deck.name}`);
  const { retention, interviews } = settings.values;
  const progress = replay(scheduler(retention), deck.cards, records);
  const card = scorecard(itemsOfRecord(last, deck), last.ms, { progress, retention, interview: interviewOf(deck, interviews), now: new Date() });
  const [{ renderToString }, { LastScorecard }] = await Promise.all([import('ink'), import('../ui/screens/last-scorecard.js')]);
  const columns = outputColumns();
  return renderToString(<LastScorecard title={deck.title} at={new Date(last.at)} scheduled={last.scheduled} card={card} columns={columns} colour={wantsColour()} />, { columns });
}
