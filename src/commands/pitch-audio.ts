import { resolve } from 'node:path';
import { analysePcm } from '../core/audio/analyse.js';
import { describeSpeech, speechReport } from '../core/audio/describe.js';
import { AudioFileError, loadAudio } from '../core/audio/load-audio.js';
import { syllablesPerWord } from '../core/audio/syllables.js';
import { pitchRecord } from '../core/pitch/attempt-record.js';
import { pitchTargetSeconds } from '../core/pitch/timing.js';
import { progressKey } from '../core/deck/progress-key.js';
import { inert } from '../core/text/inert.js';
import { reviewLogPath } from '../core/store/paths.js';
import { ReviewLog } from '../core/store/review-log.js';
import { processIO, shownPath, type CommandIO } from './command-io.js';
import { context, openDeck } from './context.js';
import { UserError } from './user-error.js';
import { pitchCardOf } from './pitch-card.js';

export interface PitchAudioOptions {
  json?: boolean;
  dryRun?: boolean;
}

/**
 * `prep pitch <deck> --audio FILE`: times a recording of the pitch (first voice to last),
 * counts its pauses, estimates its pace, and saves it like a timed attempt. Needs no terminal.
 */
export async function pitchAudio(deckArg: string, file: string, opts: PitchAudioOptions, io: CommandIO = processIO()): Promise<number> {
  const { paths, dirs } = context(io.env);
  // --dry-run saves nothing, so it writes no deck cache either.
  const deck = await openDeck(deckArg, dirs, paths.cacheDir, io.cwd, opts.dryRun === true);
  const card = pitchCardOf(deck);
  const target = pitchTargetSeconds(card);
  const path = resolve(io.cwd, file);
  const shown = shownPath(path, io.cwd);
  let pcm;
  try {
    pcm = await loadAudio(path, io.env);
  } catch (err) {
    if (err instanceof AudioFileError) throw new UserError(`${shown}: ${err.message}`);
    throw err;
  }
  const started = Date.now();
  const figures = analysePcm(pcm, syllablesPerWord(card.answer));
  if (figures.speakingMs === 0) throw new UserError(`${shown}: no voice found in ${(figures.durationMs / 1000).toFixed(1)} s of audio; nothing saved`, 1);

  let id: string | null = null;
  if (!opts.dryRun) {
    const { log, warnings } = ReviewLog.open(reviewLogPath(paths.logsDir, progressKey(deck)));
    for (const w of warnings) io.err(`prep: ${inert(w)}`);
    try {
      const record = pitchRecord({ deck: progressKey(deck), startedAt: started, ms: figures.speakingMs, hit: [], beatsTotal: card.points.length });
      log.append(record);
      id = record.id;
    } finally {
      log.close();
    }
  }

  if (opts.json) {
    io.out(JSON.stringify({ deck: deck.name, file: shown, ...speechReport(figures, target), saved: id !== null, id }, null, 2));
    return 0;
  }
  io.out(`Pitch of ${deck.title}, from ${shown} (${(figures.durationMs / 1000).toFixed(1)} s of audio)`);
  for (const line of describeSpeech(figures, target)) io.out(line);
  io.out(`Method         ${figures.method}: a pace estimate, not a transcript`);
  io.out(id ? `Saved to your history (attempt ${id}).` : 'Not saved (--dry-run).');
  return 0;
}
