import { UserError } from './user-error.js';

/** Everything `prep pitch` takes; each mode (screen, --audio, --history, --delete) uses some. */
export interface PitchFlags {
  audio?: string;
  json?: boolean;
  dryRun?: boolean;
  history?: boolean;
  delete?: string;
  listen?: boolean;
  stopAfter?: number;
  keepAudio?: string;
}

/** Refuses flags that would be silently ignored in the mode chosen: one line, exit 2. */
export function checkPitchFlags(f: PitchFlags, stopAfterGiven: boolean): void {
  const modes = [f.audio !== undefined && '--audio', f.history && '--history', f.delete !== undefined && '--delete', f.listen && '--listen'].filter(Boolean);
  if (modes.length > 1) throw new UserError(`${modes.join(' and ')} cannot be used together`);
  if (f.dryRun && f.audio === undefined) throw new UserError('--dry-run goes with --audio');
  if (f.json && f.audio === undefined && !f.history) throw new UserError('--json goes with --audio or --history');
  if ((stopAfterGiven || f.keepAudio !== undefined) && !f.listen) throw new UserError(`${stopAfterGiven ? '--stop-after' : '--keep-audio'} goes with --listen`);
}
